package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentTransition;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.ui.common.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress per wave, the cut-over timeline, what blocks, and the report, from a made-up programme. */
class ProgrammeProgressTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    static Component component(String code, ComponentState state, Integer wave, List<String> hostedAt, List<String> deps,
                               boolean onPremOnly, String lastReason) {
        return new Component(code, code + " <service>", null, "Team", wave, hostedAt, deps, state, onPremOnly, List.of(),
                null, lastReason == null ? null : new ComponentTransition(ComponentState.MIGRATING, state, lastReason,
                "amir.khan", NOW.minusSeconds(86_400)), 1, NOW, "seed", NOW, "seed");
    }

    static Wave wave(int n, LocalDate start, LocalDate end, int remaining, String... codes) {
        return new Wave(n, "Wave " + n, start, end, null, List.of(codes), remaining, 1, NOW, "seed", NOW, "seed");
    }

    static AuditEntry move(String code, String from, String to, Instant at, String reason) {
        return new AuditEntry(1, at, new io.spineconsole.domain.audit.AuditActor("amir.khan", null, null), "transition", "component", code, reason,
                Map.of("state", from), Map.of("state", to), null);
    }

    static final Map<String, SiteKind> KINDS = Map.of("DC-1", SiteKind.DATA_CENTRE, "CLOUD-1", SiteKind.CLOUD_REGION);

    static ProgrammeProgress.Snapshot snapshot() {
        List<Component> components = List.of(
                component("A", ComponentState.CUT_OVER, 1, List.of("CLOUD-1"), List.of(), false, null),
                component("B", ComponentState.DECOMMISSIONED, 1, List.of("CLOUD-1"), List.of(), false, null),
                component("C", ComponentState.MIGRATING, 2, List.of("DC-1"), List.of("A"), true, null),
                component("D", ComponentState.PARALLEL_RUN, 2, List.of("DC-1", "CLOUD-1"), List.of("C"), false, null),
                component("E", ComponentState.BLOCKED, 3, List.of("DC-1"), List.of(), true, "Waiting for C"));
        List<Wave> waves = List.of(
                wave(1, TODAY.minusDays(200), TODAY.minusDays(100), 0, "A", "B"),
                wave(2, TODAY.minusDays(90), TODAY.minusDays(10), 2, "C", "D"),
                wave(3, TODAY.minusDays(5), TODAY.plusDays(60), 1, "E"),
                wave(4, TODAY.plusDays(30), TODAY.plusDays(90), 0));
        List<AuditEntry> transitions = List.of(
                move("B", "parallel-run", "cut-over", NOW.minusSeconds(90 * 86_400L), "CAB approved"),
                move("A", "parallel-run", "cut-over", NOW.minusSeconds(50 * 86_400L), "Clean parallel run"),
                move("D", "cut-over", "rolled-back", NOW.minusSeconds(20 * 86_400L), "Latency <over> target"),
                move("D", "rolled-back", "migrating", NOW.minusSeconds(19 * 86_400L), "Again"));
        Site dc = new Site("DC-1", "Data centre One", SiteKind.DATA_CENTRE, null, SiteStatus.DRAINING, List.of("C", "D", "E"),
                NOW, null, null, 1, NOW, "seed", NOW, "seed");
        SiteReadiness readiness = new SiteReadiness("DC-1", 30, false, 1234, NOW, List.of("C", "D", "E"), false,
                List.of(new SiteReadiness.Reason(io.spineconsole.domain.migration.ReadinessReasonCode.TRAFFIC_IN_WINDOW,
                        "1,234 messages routed through DC-1 in the last 30 days.", null)), NOW);
        Burndown burndown = new Burndown(BurndownInterval.WEEK, List.of(
                new Burndown.Point(TODAY.minusDays(14), 5, 5, 0, 0, 5),
                new Burndown.Point(TODAY.minusDays(7), 5, 4, 1, 0, 3),
                new Burndown.Point(TODAY, 5, 3, 1, 1, 1)));
        return new ProgrammeProgress.Snapshot(NOW, burndown, waves, components, transitions,
                List.of(new ProgrammeProgress.SiteEvidence(dc, readiness, null)), 30);
    }

    @Test
    void eachWaveSaysHowFarItHasGotAndWhetherItIsLate() {
        List<ProgrammeProgress.WaveProgress> waves = ProgrammeProgress.waves(snapshot(), TODAY);
        assertEquals(ProgrammeProgress.WaveStatus.COMPLETE, waves.get(0).status());
        assertEquals(2, waves.get(0).offPremises());
        assertEquals(ProgrammeProgress.WaveStatus.OVERDUE, waves.get(1).status(), "ended ten days ago with two left");
        assertEquals(0, waves.get(1).offPremises());
        assertEquals(ProgrammeProgress.WaveStatus.IN_PROGRESS, waves.get(2).status());
        assertEquals(ProgrammeProgress.WaveStatus.NOT_STARTED, waves.get(3).status());
    }

    @Test
    void theTimelineHasWhatHappenedInOrderThenWhatIsDue() {
        List<ProgrammeProgress.TimelineEvent> t = ProgrammeProgress.timeline(snapshot(), ZoneOffset.UTC);
        assertEquals(List.of("B", "A", "D", "C", "D", "E"), t.stream().map(ProgrammeProgress.TimelineEvent::component).toList());
        assertEquals(ProgrammeProgress.EventKind.ROLLED_BACK, t.get(2).kind());
        assertEquals(ProgrammeProgress.EventKind.DUE, t.get(3).kind());
        assertEquals(TODAY.minusDays(10), t.get(3).date(), "C is due by the end of wave 2");
        assertEquals("CAB approved", t.get(0).reason());
    }

    @Test
    void blockersAreTheBlockedAndThoseWaitingOnSomethingOnPremises() {
        List<ProgrammeProgress.Blocker> blockers = ProgrammeProgress.blockers(snapshot(), KINDS);
        assertEquals(List.of("E", "D"), blockers.stream().map(ProgrammeProgress.Blocker::component).toList());
        assertEquals("Waiting for C", blockers.get(0).reason());
        assertEquals("C (DC-1)", blockers.get(1).reason());
        assertEquals(3, ProgrammeProgress.onPremisesNow(snapshot()));
    }

    @Test
    void theReportStandsAloneEscapesTextAndSaysStatusInWords() {
        String html = new HtmlReport(labels())
                .render(snapshot(), KINDS, "LIVE <national>", "jane.doe");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<style>") && html.contains("@media print"), "styles inlined, print-ready");
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src="), "nothing fetched or run");
        assertTrue(html.contains("Environment LIVE &lt;national&gt;"), "text is escaped");
        assertTrue(html.contains("A &lt;service&gt;") && !html.contains("A <service>"));
        assertTrue(html.contains("Latency &lt;over&gt; target"));
        assertTrue(html.contains("<polyline class=\"actual\"") && html.contains("<polyline class=\"plan\""));
        assertTrue(html.contains(">Overdue<") && html.contains(">Complete<"), "wave status in words");
        assertTrue(html.contains("Not ready to sign off") && html.contains("1,234 messages routed through DC-1"));
        assertTrue(html.contains("Not signed off"));
        assertTrue(html.contains("Cannot cut over while these are only on premises: C (DC-1)"));
        assertTrue(html.contains("Due by the end of wave 2"));
        assertTrue(html.contains("Rolled back"));
    }

    @Test
    void aProgrammeWithNoHistoryStillReports() {
        ProgrammeProgress.Snapshot empty = new ProgrammeProgress.Snapshot(NOW, new Burndown(BurndownInterval.WEEK, List.of()),
                List.of(), List.of(), List.of(), List.of(), 30);
        String html = new HtmlReport(labels()).render(empty, Map.of(), "INT", "x");
        assertTrue(html.contains("Not enough history for a burn-down yet."));
        assertTrue(html.contains("Nothing is blocked."));
        assertTrue(html.contains("No waves are planned."));
    }

    private static MigrationLabels labels() {
        I18n i18n = new I18n(Locale.UK);
        return new MigrationLabels(i18n, new io.spineconsole.ui.common.TimeText(java.time.Clock.systemUTC(), i18n, ZoneOffset.UTC));
    }
}
