package io.spineconsole.ui.registrations;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.ViewMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
    }


    @Test
    void theChecksListFindingsBySeverityNarrowByRuleAndLinkToTheirRecords() {
        UiQueue q = new UiQueue();
        ChecksViewModel checks = new ChecksViewModel(q.ui, I18N, new io.spineconsole.ui.common.TimeText(java.time.Clock.systemUTC(), I18N, ZoneOffset.UTC));
        checks.connect(sandbox.client(Role.VIEWER).registrations());
        assertEquals("The checks have not run in this session yet.", checks.summaryProperty().get());
        checks.runIfNeverRun();
        q.await("the report", () -> checks.stateProperty().get() == LoadState.LOADED);
        assertTrue(checks.summaryProperty().get().startsWith("Checked "), checks.summaryProperty().get());
        var all = checks.allFindings();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).severity().compareTo(all.get(i).severity()) <= 0, "errors, then warnings, then notes");
        }
        assertEquals(checks.count(Severity.ERROR) + checks.count(Severity.WARNING) + checks.count(Severity.INFO), all.size());

        checks.severityProperty().set(Severity.WARNING);
        assertFalse(checks.findings().isEmpty());
        assertTrue(checks.findings().stream().allMatch(f -> f.severity() == Severity.WARNING));
        checks.severityProperty().set(null);
        CheckRule expired = CheckRule.CERTIFICATE_EXPIRED;
        assertTrue(checks.byRule().stream().anyMatch(r -> r.rule() == expired), "the seed has expired certificates");
        checks.ruleProperty().set(expired);
        assertTrue(checks.findings().stream().allMatch(f -> f.rule() == expired));
        Finding one = checks.findings().get(0);
        assertEquals("spine-console://registrations/endpoints/" + one.record().id(), checks.linkTo(one).toString());

        ExpiringViewModel expiring = new ExpiringViewModel(q.ui, I18N, ViewMemory.inMemory());
        expiring.connect(sandbox.client(Role.VIEWER).registrations());
        q.await("the expiring list", () -> expiring.state() == LoadState.LOADED);
        assertTrue(expiring.list().items().stream().anyMatch(e -> e.id().toString().equals(one.record().id())),
                "an expired certificate is at the top of the expiring view");
        var items = expiring.list().items();
        for (int i = 1; i < items.size(); i++) {
            assertFalse(items.get(i).certificate().notAfter().isBefore(items.get(i - 1).certificate().notAfter()), "soonest first");
        }
        long within30 = expiring.list().approximateTotalProperty().get();
        expiring.showDays("90");
        q.await("90 days", () -> expiring.state() == LoadState.LOADED && expiring.daysProperty().get() == 90);
        assertTrue(expiring.list().approximateTotalProperty().get() >= within30);
    }
}
