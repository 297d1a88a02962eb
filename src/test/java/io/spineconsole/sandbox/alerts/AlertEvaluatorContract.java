package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.messages.AlertSignals;
import io.spineconsole.sandbox.outcome.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator against live traffic at simulated time, a rule kind at a time, with the sandbox's own
 * scenarios making the trouble: each trips when its condition starts, holds one alert per subject while it
 * lasts (however many messages fail, however the rate wobbles), is notified again only after its quiet
 * period, and resolves when the condition ends. The tests share one sandbox and its traffic: messages a
 * test's outage left retrying still count against their endpoints, so the test that starts from healthy
 * traffic runs first and the one that makes every endpoint time out runs last. On H2 and on PostgreSQL: the
 * signal queries the evaluator runs ({@link AlertSignals}, {@link Signals}) are SQL of their own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class AlertEvaluatorContract extends StoreContract {
    private SimulatedAlerts sandbox;
    private String ods;

    AlertEvaluatorContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = new SimulatedAlerts(store);
        sandbox.run(Duration.ofMinutes(10));
        ods = sandbox.busiestOrganisation();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    @AfterEach
    void endScenarios() {
        sandbox.backbone.drive().scenarios().stopAll();
        // Whatever a test left failing drains before the next: its rules are deleted by the next onlyRules.
        sandbox.run(Duration.ofMinutes(1));
    }

    private AlertRuleDraft failing(int quietMinutes) {
        return failing(quietMinutes, 20);
    }

    private AlertRuleDraft failing(int quietMinutes, int minVolume) {
        return new AlertRuleDraft("Failing at " + ods, AlertRuleKind.ENDPOINT_FAILING, AlertScope.ORGANISATION, ods,
                AlertThresholds.endpointFailing(20, 5, 5, minVolume), true, quietMinutes);
    }

    private static long count(List<AlertChanged> changes, AlertRule rule, AlertChange change) {
        return changes.stream().filter(c -> c.alert().ruleId().equals(rule.id()) && c.change() == change).count();
    }

    private static double evidence(Alert alert, AlertMeasure measure) {
        return alert.evidence().stream().filter(e -> e.measure() == measure).findFirst().map(AlertEvidence::value)
                .orElseThrow();
    }

    @Test
    @Order(1)
    void anOutageOpensAnAlertWithinAMinuteAndItResolvesOnceTheEndpointRecovers() {
        AlertRule rule = sandbox.onlyRules(failing(60)).get(0);
        assertEquals(List.of(), sandbox.runAndEvaluate(Duration.ofMinutes(2)), "healthy traffic raises nothing");

        Instant outage = sandbox.now();
        ScenarioRun run = sandbox.scenario("scenario: Outage\nat 0m for 1h: endpoint-failing ods=" + ods
                + " failure=nack\n");
        List<AlertChanged> changes = sandbox.runAndEvaluate(Duration.ofSeconds(60));
        List<AlertChanged> opened = changes.stream().filter(c -> c.change() == AlertChange.OPENED).toList();
        assertFalse(opened.isEmpty(), "an alert within 60 s of the outage's start");
        Alert alert = opened.get(0).alert();
        assertEquals(AlertSubjectKind.ENDPOINT, alert.subject().kind());
        assertEquals(ods, alert.subject().odsCode());
        assertFalse(alert.openedAt().isAfter(outage.plusSeconds(60)));
        assertTrue(evidence(alert, AlertMeasure.ERROR_RATE_PERCENT) > 20, "the evidence shows the rate that tripped");

        sandbox.stop(run);
        // For two minutes the outage's last messages are still the recent ones (a quieter endpoint of the
        // organisation may trip on them yet); after that, recovering opens nothing.
        sandbox.runAndEvaluate(Duration.ofMinutes(2));
        List<AlertChanged> after = sandbox.runAndEvaluate(Duration.ofMinutes(7));
        assertTrue(sandbox.alerts(rule).stream().allMatch(a -> a.state() == AlertState.RESOLVED),
                "resolved once the rate over the window is under the recovery figure");
        assertEquals(0, count(after, rule, AlertChange.OPENED), "recovering opens nothing");
    }

    @Test
    void aFluctuatingFailureRateRaisesOneAlertPerEndpointNotHundreds() {
        // Only endpoints busy enough to judge: one of the organisation's quieter endpoints that tripped could, now and
        // then, see a window of a dozen messages that all fell in the good half-minutes, and rightly clear.
        AlertRule rule = sandbox.onlyRules(failing(60, 60)).get(0);
        StringBuilder wobble = new StringBuilder("scenario: Wobble\n");
        for (int minute = 0; minute < 20; minute++) {
            // Failing for half of every minute: the rate swings far above and below the trip figure.
            wobble.append("at ").append(minute * 60).append("s for 30s: endpoint-failing ods=").append(ods)
                    .append(" failure=nack\n");
        }
        sandbox.scenario(wobble.toString());
        List<AlertChanged> changes = sandbox.runAndEvaluate(Duration.ofMinutes(20));

        List<Alert> alerts = sandbox.alerts(rule);
        Set<String> subjects = alerts.stream().map(a -> a.subject().id()).collect(Collectors.toSet());
        assertFalse(alerts.isEmpty());
        assertEquals(subjects.size(), alerts.size(), "one alert per endpoint, however often the rate crossed");
        assertEquals(alerts.size(), count(changes, rule, AlertChange.OPENED));
        assertEquals(0, count(changes, rule, AlertChange.RENOTIFIED), "nothing notified again within the quiet period");
        assertEquals(0, count(changes, rule, AlertChange.RESOLVED), "never under the recovery figure, never resolved");
        assertTrue(alerts.stream().allMatch(a -> a.notifications() == 1));
        long failed = alerts.stream().mapToLong(a -> (long) evidence(a, AlertMeasure.FAILED)).sum();
        assertTrue(failed > alerts.size() * 20L, "many failed messages (" + failed + "), few alerts");
    }

    @Test
    void anOpenAlertIsNotifiedAgainOnlyAfterTheQuietPeriodAndAnAcknowledgedOneNever() {
        AlertRule rule = sandbox.onlyRules(failing(5)).get(0);
        sandbox.scenario("scenario: Long outage\nat 0m for 1h: endpoint-failing ods=" + ods + " failure=nack\n");
        // 11 minutes from the first alert's opening (which the traffic's volume decides), not from the outage's start.
        List<AlertChanged> changes = new ArrayList<>(sandbox.runAndEvaluate(Duration.ofMinutes(2)));
        List<Alert> alerts = sandbox.alerts(rule);
        Alert first = alerts.get(alerts.size() - 1);
        changes.addAll(sandbox.runAndEvaluate(Duration.between(sandbox.now(), first.openedAt().plus(Duration.ofMinutes(11)))));
        long renotified = changes.stream().filter(c -> c.change() == AlertChange.RENOTIFIED
                && c.alert().id().equals(first.id())).count();
        assertEquals(2, renotified, "opened, then once per 5-minute quiet period in 11 minutes");

        sandbox.backbone.alerts().actions().acknowledge(SimulatedAlerts.ADMIN, first.id(), "On it");
        List<AlertChanged> later = sandbox.runAndEvaluate(Duration.ofMinutes(11));
        assertEquals(0, later.stream().filter(c -> c.change() == AlertChange.RENOTIFIED
                && c.alert().id().equals(first.id())).count(), "an acknowledged alert is not notified again");
    }

    @Test
    void aSnoozedAlertWakesWhenItsSnoozeEndsIfTheConditionStillHolds() {
        AlertRule rule = sandbox.onlyRules(failing(60)).get(0);
        sandbox.scenario("scenario: Long outage\nat 0m for 1h: endpoint-failing ods=" + ods + " failure=nack\n");
        sandbox.runAndEvaluate(Duration.ofMinutes(1));
        Alert alert = sandbox.alerts(rule).get(0);
        sandbox.backbone.alerts().actions().snooze(SimulatedAlerts.ADMIN, alert.id(),
                new io.spineconsole.domain.alerts.SnoozeRequest(sandbox.now().plus(Duration.ofMinutes(3)), "Later"));
        List<AlertChanged> changes = sandbox.runAndEvaluate(Duration.ofMinutes(4));
        List<AlertChanged> mine = changes.stream().filter(c -> c.alert().id().equals(alert.id())).toList();
        assertEquals(1, mine.stream().filter(c -> c.change() == AlertChange.RENOTIFIED).count());
        assertEquals(AlertState.OPEN, sandbox.backbone.alerts().alerts().get(alert.id()).state());
    }

    @Test
    void anOrganisationThatGoesQuietRaisesNoTrafficAndClearsWhenItSendsAgain() {
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Quiet " + ods, AlertRuleKind.NO_TRAFFIC,
                AlertScope.ORGANISATION, ods, AlertThresholds.noTraffic(5, 10), true, 60)).get(0);
        sandbox.runAndEvaluate(Duration.ofMinutes(2));
        assertTrue(sandbox.alerts(rule).isEmpty(), "a sending organisation is not quiet");
        ScenarioRun run = sandbox.scenario("scenario: Silence\nat 0m for 1h: organisation-silent ods=" + ods + "\n");
        sandbox.runAndEvaluate(Duration.ofMinutes(6));
        Alert alert = sandbox.alerts(rule).get(0);
        assertEquals(AlertSubjectKind.ORGANISATION, alert.subject().kind());
        assertEquals(0, evidence(alert, AlertMeasure.MESSAGES));
        assertTrue(evidence(alert, AlertMeasure.MESSAGES_BEFORE) >= 10, "it was busy before");
        sandbox.stop(run);
        sandbox.runAndEvaluate(Duration.ofMinutes(1));
        assertEquals(AlertState.RESOLVED, sandbox.backbone.alerts().alerts().get(alert.id()).state());
    }

    @Test
    @Order(100)
    void aBacklogOverItsLimitRaisesAnAlertWithTheFiguresThatTrippedIt() {
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Backlog", AlertRuleKind.BACKLOG, AlertScope.ALL, null,
                AlertThresholds.backlog(5, null), true, 60)).get(0);
        sandbox.scenario("scenario: Timeouts\nat 0m for 1h: endpoint-failing interaction=urn failure=timeout\n");
        sandbox.runAndEvaluate(Duration.ofMinutes(3));
        List<Alert> alerts = sandbox.alerts(rule);
        assertFalse(alerts.isEmpty(), "retrying messages pile up past 5 in flight");
        assertTrue(alerts.stream().allMatch(a -> evidence(a, AlertMeasure.IN_FLIGHT) > 5));
    }

    @Test
    void deadLettersGrowingRaiseAnAlertPerEndpoint() {
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Dead letters", AlertRuleKind.DEAD_LETTERS_GROWING,
                AlertScope.ORGANISATION, ods, AlertThresholds.deadLettersGrowing(10, 15), true, 60)).get(0);
        ScenarioRun run = sandbox.scenario("scenario: Dead letters\nat 0m for 1h: dead-letters ods=" + ods + "\n");
        sandbox.runAndEvaluate(Duration.ofMinutes(3));
        List<Alert> alerts = sandbox.alerts(rule);
        assertFalse(alerts.isEmpty());
        assertTrue(alerts.stream().allMatch(a -> evidence(a, AlertMeasure.DEAD_LETTERED) >= 10));
        sandbox.stop(run);
        sandbox.runAndEvaluate(Duration.ofMinutes(16));
        assertTrue(sandbox.alerts(rule).stream().allMatch(a -> a.state() == AlertState.RESOLVED),
                "the window moves past them: resolved");
    }

    @Test
    void aCertificateEndingWithinTheRulesDaysRaisesAnAlertAndANarrowerRuleResolvesIt() {
        Instant limit = sandbox.now().plus(Duration.ofDays(400));
        Map<UUID, AlertSignals.Endpoint> endpoints = sandbox.backbone.messages().signals().endpoints();
        Set<String> ending = endingBefore(endpoints, limit);
        assertFalse(ending.isEmpty(), "the seed has certificates ending within 400 days");
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Certificates", AlertRuleKind.CERTIFICATE_EXPIRING,
                AlertScope.ALL, null, AlertThresholds.certificateExpiring(365), true, 1440)).get(0);
        sandbox.evaluate();
        List<Alert> alerts = sandbox.alerts(rule);
        assertFalse(alerts.isEmpty());
        assertTrue(alerts.size() <= FloodGuard.MAX_OPENED + 1, alerts.size() + " alerts: a handful at most");
        assertTrue(ending.containsAll(ofKind(alerts, AlertSubjectKind.ENDPOINT)), "only endpoints whose certificates end");

        AlertRule narrower = sandbox.backbone.alerts().rules().update(SimulatedAlerts.ADMIN, rule.id(),
                new Version(rule.version()), new AlertRuleDraft("Certificates", AlertRuleKind.CERTIFICATE_EXPIRING,
                        AlertScope.ALL, null, AlertThresholds.certificateExpiring(1), true, 1440));
        sandbox.evaluate();
        List<Alert> stillOpen = sandbox.alerts(narrower).stream().filter(a -> a.state().active()).toList();
        Set<String> endingInADay = endingBefore(endpoints, sandbox.now().plus(Duration.ofDays(1)));
        assertTrue(endingInADay.containsAll(ofKind(stillOpen, AlertSubjectKind.ENDPOINT)),
                "only those ending within a day stay open");
        assertTrue(stillOpen.size() <= endingInADay.size(), "each still open stands for one ending within a day");
    }

    /**
     * Nearly every endpoint of a desktop-scale sandbox (300 organisations, some 500 endpoints) has a certificate
     * ending within a year: one rule finds them all in one round, and opens a handful of alerts, not hundreds;
     * the next rounds open none.
     */
    @Test
    void fiveHundredEndpointsTrippingAtOnceOpenAHandfulOfAlerts() {
        try (SandboxFixture desktop = store.startSandbox(new SeedData.Scale(300, 100))) {
            var alerts = desktop.backbone().alerts();
            Set<String> ending = endingBefore(desktop.backbone().messages().signals().endpoints(),
                    Instant.now().plus(Duration.ofDays(365)));
            assertTrue(ending.size() >= 400, ending.size() + " endpoints with certificates ending within a year");
            for (AlertRule r : alerts.rules().list(null, 500).items()) {
                alerts.deleteRule(SimulatedAlerts.ADMIN, r.id(), new Version(r.version()));
            }
            AlertRule rule = alerts.rules().create(SimulatedAlerts.ADMIN, new AlertRuleDraft("Certificates",
                    AlertRuleKind.CERTIFICATE_EXPIRING, AlertScope.ALL, null, AlertThresholds.certificateExpiring(365),
                    true, 1440));
            List<AlertChanged> first = alerts.evaluateNow();
            assertEquals(FloodGuard.MAX_OPENED + 1, count(first, rule, AlertChange.OPENED), "the worst ten and a summary");
            Alert summary = first.stream().map(AlertChanged::alert)
                    .filter(a -> a.subject().kind() == AlertSubjectKind.BACKBONE).findFirst().orElseThrow();
            assertTrue(evidence(summary, AlertMeasure.HELD_BACK) >= 300, "the rest counted: " + summary.evidence());
            assertEquals(0, count(alerts.evaluateNow(), rule, AlertChange.OPENED), "the next round opens none");
        }
    }

    private static Set<String> endingBefore(Map<UUID, AlertSignals.Endpoint> endpoints, Instant limit) {
        return endpoints.values().stream().filter(e -> e.certNotAfter() != null && e.certNotAfter().isBefore(limit))
                .map(e -> e.id().toString()).collect(Collectors.toSet());
    }

    private static Set<String> ofKind(List<Alert> alerts, AlertSubjectKind kind) {
        return alerts.stream().filter(a -> a.subject().kind() == kind).map(a -> a.subject().id())
                .collect(Collectors.toSet());
    }

    @Test
    void aBlockedMigrationComponentRaisesAnAlertUntilItIsUnblocked() {
        String component = sandbox.sql.list("SELECT code FROM component WHERE state <> 'blocked' ORDER BY code",
                r -> r.getString(1)).get(0);
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Blocked", AlertRuleKind.MIGRATION_BLOCKED,
                AlertScope.COMPONENT, component, null, true, 60)).get(0);
        ScenarioRun run = sandbox.scenario("scenario: Blocked\nat 0m for 1h: migration-blocked component=" + component
                + "\n");
        sandbox.evaluate();
        Alert alert = sandbox.alerts(rule).get(0);
        assertEquals(new io.spineconsole.domain.alerts.AlertSubject(AlertSubjectKind.COMPONENT, component, null,
                alert.subject().displayName()), alert.subject());
        sandbox.stop(run);
        sandbox.evaluate();
        assertEquals(AlertState.RESOLVED, sandbox.backbone.alerts().alerts().get(alert.id()).state());
    }

    @Test
    @Order(200)
    void resolvedAlertsAreRemovedAfterNinetyDaysAndUnresolvedOnesAreKept() {
        String component = sandbox.sql.list("SELECT code FROM component WHERE state <> 'blocked' ORDER BY code",
                r -> r.getString(1)).get(1);
        AlertRule rule = sandbox.onlyRules(new AlertRuleDraft("Blocked", AlertRuleKind.MIGRATION_BLOCKED,
                AlertScope.COMPONENT, component, null, true, 60)).get(0);
        ScenarioRun run = sandbox.scenario("scenario: Blocked\nat 0m for 1h: migration-blocked component=" + component
                + "\n");
        sandbox.evaluate();
        Alert resolved = sandbox.alerts(rule).get(0);
        sandbox.stop(run);
        sandbox.evaluate();
        // Blocked again, for longer than a scenario lasts.
        sandbox.sql.update("UPDATE component SET state = 'blocked' WHERE code = ?", component);
        sandbox.evaluate();
        Alert open = sandbox.alerts(rule).stream().filter(a -> a.state().active()).findFirst().orElseThrow();

        sandbox.clock.now = sandbox.now().plus(Duration.ofDays(89));
        sandbox.evaluate();
        assertEquals(2, sandbox.alerts(rule).size(), "kept for 90 days");
        sandbox.clock.now = sandbox.now().plus(Duration.ofDays(2));
        sandbox.evaluate();
        assertEquals(List.of(open.id()), sandbox.alerts(rule).stream().map(Alert::id).toList(),
                "the resolved one removed, the open one kept");
        assertTrue(sandbox.backbone.alerts().alerts().find(resolved.id()).isEmpty());
    }
}
