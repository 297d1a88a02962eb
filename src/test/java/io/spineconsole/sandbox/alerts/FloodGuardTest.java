package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * However many subjects trip at once, a rule opens a handful of alerts: an organisation's endpoints gather into
 * one alert, at most {@link FloodGuard#MAX_OPENED} open in a round, and the rest are counted by one summary
 * alert; gathered alerts keep the rule's hysteresis (trip, hold, clear) and subjects with an alert of their own
 * go on as before.
 */
class FloodGuardTest {

    private static Reading endpoint(String ods, int n, Reading.Verdict verdict, double rate) {
        return new Reading(new AlertSubject(AlertSubjectKind.ENDPOINT, ods + "-ep" + n, ods, ods + " · ep" + n),
                verdict, List.of(new AlertEvidence(AlertMeasure.ERROR_RATE_PERCENT, rate, 20.0),
                new AlertEvidence(AlertMeasure.MESSAGES, 100, 20.0)));
    }

    /** {@code organisations} organisations of {@code each} endpoints, every one tripping. */
    private static List<Reading> outage(int organisations, int each) {
        List<Reading> out = new ArrayList<>();
        for (int o = 0; o < organisations; o++) {
            for (int e = 0; e < each; e++) {
                out.add(endpoint("ORG" + o, e, Reading.Verdict.TRIP, 50 + (o * each + e) % 50));
            }
        }
        return out;
    }

    private static List<Reading> guard(List<Reading> readings, Set<String> active) {
        return FloodGuard.guard(readings, active, ods -> ods);
    }

    private static List<Reading> opening(List<Reading> guarded, Set<String> active) {
        return guarded.stream().filter(r -> r.verdict() == Reading.Verdict.TRIP
                && !active.contains(r.subject().key())).toList();
    }

    private static double figure(Reading r, AlertMeasure m) {
        return r.evidence().stream().filter(e -> e.measure() == m).findFirst().orElseThrow().value();
    }

    @Test
    void fiveHundredEndpointsFailingAtOnceOpenAHandfulOfAlertsNotFiveHundred() {
        // 100 organisations of 5 endpoints each: every organisation is gathered, and the cap leaves a summary.
        List<Reading> opened = opening(guard(outage(100, 5), Set.of()), Set.of());
        assertEquals(FloodGuard.MAX_OPENED + 1, opened.size());
        assertTrue(opened.stream().limit(FloodGuard.MAX_OPENED)
                .allMatch(r -> r.subject().kind() == AlertSubjectKind.ORGANISATION && figure(r, AlertMeasure.ENDPOINTS) == 5));
        Reading summary = opened.get(opened.size() - 1);
        assertEquals(FloodGuard.SUMMARY.key(), summary.subject().key());
        assertEquals(90, figure(summary, AlertMeasure.HELD_BACK), "the other 90 organisations, counted");

        // 500 organisations of one endpoint each: nothing to gather, the cap alone keeps it to a handful.
        List<Reading> single = opening(guard(outage(500, 1), Set.of()), Set.of());
        assertEquals(FloodGuard.MAX_OPENED + 1, single.size());
        assertEquals(490, figure(single.get(single.size() - 1), AlertMeasure.HELD_BACK));
        assertTrue(single.stream().limit(FloodGuard.MAX_OPENED).allMatch(r -> figure(r, AlertMeasure.ERROR_RATE_PERCENT) == 99),
                "the worst open their own alerts");
    }

    @Test
    void anOrganisationsEndpointsGatherIntoOneAlertNamingTheWorst() {
        List<Reading> readings = new ArrayList<>(outage(1, 4));
        readings.add(endpoint("ORG0", 9, Reading.Verdict.HOLD, 10));
        readings.add(endpoint("ORG0", 10, Reading.Verdict.CLEAR, 0));
        List<Reading> guarded = guard(readings, Set.of());
        assertEquals(1, guarded.size());
        Reading organisation = guarded.get(0);
        assertEquals(new AlertSubject(AlertSubjectKind.ORGANISATION, "ORG0", "ORG0", organisation.subject().displayName()),
                organisation.subject());
        assertEquals(5, figure(organisation, AlertMeasure.ENDPOINTS), "four tripping and one holding: in trouble");
        assertEquals(53, figure(organisation, AlertMeasure.ERROR_RATE_PERCENT), "the worst endpoint's figures");
        assertTrue(organisation.subject().displayName().contains("worst: ep3; ep2; ep1"),
                organisation.subject().displayName());

        // As many as the limit open one each.
        assertEquals(FloodGuard.ORGANISATION_AFTER, guard(outage(1, FloodGuard.ORGANISATION_AFTER), Set.of()).size());
    }

    @Test
    void aGatheredAlertKeepsTheRulesHysteresisAndAbsorbsLaterEndpoints() {
        Set<String> active = Set.of("organisation:ORG0");
        // Later rounds: one endpoint of the organisation trips: it joins the organisation's alert, opens none.
        List<Reading> one = guard(List.of(endpoint("ORG0", 0, Reading.Verdict.TRIP, 60)), active);
        assertEquals(List.of("organisation:ORG0"), one.stream().map(r -> r.subject().key()).toList());
        assertEquals(Reading.Verdict.TRIP, one.get(0).verdict());
        // Between the figures it holds; once every endpoint is under the recovery figure there is no reading: it resolves.
        assertEquals(Reading.Verdict.HOLD, guard(List.of(endpoint("ORG0", 0, Reading.Verdict.HOLD, 10),
                endpoint("ORG0", 1, Reading.Verdict.CLEAR, 0)), active).get(0).verdict());
        assertEquals(List.of(), guard(List.of(endpoint("ORG0", 0, Reading.Verdict.CLEAR, 0)), active));
        // An endpoint with an alert of its own keeps it.
        Set<String> both = Set.of("organisation:ORG0", "endpoint:ORG0-ep7");
        Set<String> keys = guard(List.of(endpoint("ORG0", 7, Reading.Verdict.TRIP, 60),
                endpoint("ORG0", 1, Reading.Verdict.TRIP, 60)), both).stream().map(r -> r.subject().key())
                .collect(Collectors.toSet());
        assertEquals(both, keys);
    }

    @Test
    void whileTheSummaryIsUnresolvedNewSubjectsAreCountedByItNotOpened() {
        Set<String> active = new HashSet<>(Set.of(FloodGuard.SUMMARY.key(), "endpoint:ORG0-ep0"));
        List<Reading> guarded = guard(outage(30, 1), active);
        assertEquals(List.of(), opening(guarded, active), "no round after the flood opens alerts one by one");
        Reading summary = guarded.stream().filter(r -> r.subject().key().equals(FloodGuard.SUMMARY.key())).findFirst()
                .orElseThrow();
        assertEquals(29, figure(summary, AlertMeasure.HELD_BACK));
        assertEquals(2, guarded.size(), "the endpoint with its own alert, and the summary");
        assertEquals(List.of("endpoint:ORG0-ep0"), guard(List.of(endpoint("ORG0", 0, Reading.Verdict.TRIP, 60)), active)
                .stream().map(r -> r.subject().key()).toList(), "nothing held back: the summary resolves");
    }
}
