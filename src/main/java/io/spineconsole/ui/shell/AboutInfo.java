package io.spineconsole.ui.shell;

import io.spineconsole.domain.StoreUsage;
import io.spineconsole.ui.common.I18n;

import java.nio.file.Path;

/** What the About box shows, gathered by the composition root. */
public record AboutInfo(String appVersion, String javaVersion, String javafxVersion, String os,
                        Path settingsFile, Path logFolder) {

    /** The server's store as About shows it: its size on disk and how long it keeps messages; a dash if it does not say. */
    static String storeLine(StoreUsage store, I18n i18n) {
        if (store == null) {
            return "—";
        }
        return i18n.get("about.store.value", String.format(i18n.locale(), "%.1f", store.sizeBytes() / (1024.0 * 1024.0)),
                store.messageRetentionDays());
    }
}
