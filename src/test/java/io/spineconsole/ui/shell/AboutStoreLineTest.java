package io.spineconsole.ui.shell;

import io.spineconsole.domain.StoreUsage;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** About shows how big the server's store is and how long it keeps messages, or a dash when the server does not say. */
class AboutStoreLineTest {
    private static final I18n I18N = new I18n(Locale.UK);

    @Test
    void theStoreSizeAndRetentionAreShownInMegabytes() {
        assertEquals("57.3 MB on disk; messages kept 7 days",
                AboutInfo.storeLine(new StoreUsage(60_083_405L, 7), I18N));
        assertEquals("2048.0 MB on disk; messages kept 30 days",
                AboutInfo.storeLine(new StoreUsage(2_147_483_648L, 30), I18N));
    }

    @Test
    void aServerThatDoesNotSayGetsADash() {
        assertEquals("—", AboutInfo.storeLine(null, I18N));
    }
}
