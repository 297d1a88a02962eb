package io.spineconsole.sandbox.alerts;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static io.spineconsole.testing.Refusals.refusal;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Alert rules and alerts over HTTP, on H2 and on PostgreSQL: the default rules are there; an admin creates,
 * replaces (with If-Match) and deletes rules, each audited; a bad rule is refused whole with field errors;
 * viewers and operators cannot edit rules; an operator acknowledges and snoozes an alert (audited), a viewer
 * cannot; a resolved alert cannot be acknowledged; alert changes reach a console on the live stream; a
 * deleted rule's alerts resolve; the list pages.
 */
abstract class AlertsContract extends StoreContract {
    private SandboxFixture sandbox;
    private HttpBackboneApi admin;
    private HttpBackboneApi operator;
    private HttpBackboneApi viewer;
    private Sql sql;

    AlertsContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        sql = new Sql(sandbox.backbone().database().dataSource());
        admin = client(sandbox.adminToken());
        operator = client(sandbox.backbone().tokens().create("Olive Operator", Role.OPERATOR));
        viewer = client(sandbox.backbone().tokens().create("Vic Viewer", Role.VIEWER));
    }

    @AfterAll
    void stop() {
        admin.close();
        operator.close();
        viewer.close();
        sandbox.close();
    }

    private HttpBackboneApi client(String token) {
        return new HttpBackboneApi(sandbox.baseUrl(), () -> token, sandbox.clientOptions(HttpClientOptions.defaults()));
    }

    private static AlertRuleDraft failing(String name) {
        return new AlertRuleDraft(name, AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null,
                AlertThresholds.endpointFailing(30, 10, 10, 50), true, 30);
    }

    /** A component no other test blocks: each test takes its own. */
    private String component(int n) {
        return sql.list("SELECT code FROM component ORDER BY code", r -> r.getString(1)).get(n);
    }

    private void block(String code, boolean blocked) {
        sql.update("UPDATE component SET state = ?, updated_at = ? WHERE code = ?", blocked ? "blocked" : "planned",
                Instant.now(), code);
    }

    /** A rule that trips while component {@code code} is blocked; blocks it and evaluates: its alert. */
    private Alert blockedAlert(String code) {
        AlertRule rule = admin.alerts().createRule(new AlertRuleDraft("Blocked " + code, AlertRuleKind.MIGRATION_BLOCKED,
                AlertScope.COMPONENT, code, null, true, 60)).join();
        block(code, true);
        sandbox.backbone().alerts().evaluateNow();
        return viewer.alerts().alerts(new AlertQuery(List.of(), rule.id(), null, null, null, null, null)).join()
                .items().get(0);
    }

    private List<AuditEntry> audit(String entity, UUID id) {
        return admin.audit().search(new AuditQuery(entity, id.toString(), null, null, null, null, true, 50, null))
                .join().items();
    }

    @Test
    void aFreshSandboxHasTheDefaultRulesAndAViewerReadsThem() {
        List<AlertRule> rules = viewer.alerts().listRules(500, null).join().items();
        AlertRule failing = rules.stream().filter(r -> r.kind() == AlertRuleKind.ENDPOINT_FAILING).findFirst()
                .orElseThrow();
        assertEquals(AlertThresholds.endpointFailing(20, 5, 5, 20), failing.thresholds());
        assertTrue(failing.enabled());
        for (AlertRuleKind kind : AlertRuleKind.values()) {
            assertTrue(rules.stream().anyMatch(r -> r.kind() == kind), "a default rule of every kind: " + kind);
        }
        assertEquals(failing, viewer.alerts().getRule(failing.id()).join());
    }

    @Test
    void aFreshSandboxIsQuietNotAFlood() {
        List<UUID> defaults = viewer.alerts().listRules(500, null).join().items().stream()
                .filter(r -> r.createdBy().equals("Sandbox defaults") && r.kind() != AlertRuleKind.MIGRATION_BLOCKED)
                .map(AlertRule::id).toList();
        sandbox.backbone().alerts().evaluateNow();
        List<Alert> raised = viewer.alerts().alerts(AlertQuery.openAndRecent()).join().items().stream()
                .filter(a -> defaults.contains(a.ruleId())).toList();
        assertEquals(List.of(), raised, "the default message-flow rules raise nothing on the seeded history");
    }

    @Test
    void anAdminCreatesReplacesAndDeletesARuleEachAuditedAndAStaleEditIsRefused() {
        AlertRule created = admin.alerts().createRule(failing("Leeds failing")).join();
        assertEquals(1, created.version());
        assertEquals(AlertScope.ALL, created.scope());
        AlertRuleDraft changed = new AlertRuleDraft("Leeds failing", AlertRuleKind.ENDPOINT_FAILING,
                AlertScope.ORGANISATION, "rr8", AlertThresholds.endpointFailing(40, 10, 15, 50), false, 120);
        AlertRule updated = admin.alerts().updateRule(created.id(), changed, 1).join();
        assertEquals(2, updated.version());
        assertEquals("RR8", updated.target(), "an ODS code is kept upper-case");
        assertFalse(updated.enabled());

        ApiException stale = refusal(() -> admin.alerts().updateRule(created.id(), failing("Late edit"), 1).join());
        assertEquals(412, stale.status());
        assertEquals("Leeds failing", admin.alerts().getRule(created.id()).join().name(), "nothing overwritten");

        admin.alerts().deleteRule(created.id(), 2).join();
        assertEquals(ApiException.Kind.NOT_FOUND, refusal(() -> viewer.alerts().getRule(created.id()).join()).kind());
        assertEquals(List.of("create", "update", "delete"),
                audit("alert-rule", created.id()).stream().map(AuditEntry::action).toList());
    }

    @Test
    void aBadRuleIsRefusedWholeWithAFieldErrorForEachMistakeAndNothingIsSaved() {
        long before = admin.alerts().listRules(500, null).join().approximateTotal();
        AlertRuleDraft bad = new AlertRuleDraft("", AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null,
                new AlertThresholds(150.0, 20.0, 2, null, null, null, null, null), true, 60);
        ApiException refused = refusal(() -> admin.alerts().createRule(bad).join());
        assertEquals(422, refused.status());
        List<String> fields = refused.fieldErrors().stream().map(ApiException.FieldError::field).sorted().toList();
        assertEquals(List.of("/name", "/thresholds/errorRatePercent", "/thresholds/minVolume",
                "/thresholds/windowMinutes"), fields);
        assertTrue(refused.fieldErrors().stream().anyMatch(f -> f.message().contains("too short to mean anything")),
                "the window's sentence says why");

        ApiException unknown = refusal(() -> admin.alerts().createRule(new AlertRuleDraft("Nowhere",
                AlertRuleKind.ENDPOINT_FAILING, AlertScope.ORGANISATION, "ZZ999",
                AlertThresholds.endpointFailing(20, 5, 5, 20), true, 60)).join());
        assertEquals("UNKNOWN_REFERENCE", unknown.fieldErrors().get(0).code());
        ApiException gap = refusal(() -> admin.alerts().createRule(new AlertRuleDraft("No gap",
                AlertRuleKind.ENDPOINT_FAILING, AlertScope.ALL, null, AlertThresholds.endpointFailing(20, 20, 5, 20),
                true, 60)).join());
        assertEquals("/thresholds/recoveryRatePercent", gap.fieldErrors().get(0).field());
        assertEquals(before, admin.alerts().listRules(500, null).join().approximateTotal(), "nothing saved");
    }

    @Test
    void viewersAndOperatorsReadRulesButOnlyAdminsChangeThem() {
        assertEquals(403, refusal(() -> viewer.alerts().createRule(failing("Viewer's")).join()).status());
        assertEquals(403, refusal(() -> operator.alerts().createRule(failing("Operator's")).join()).status());
        AlertRule rule = admin.alerts().createRule(failing("Admin's")).join();
        assertEquals(403, refusal(() -> operator.alerts().updateRule(rule.id(), failing("x"), 1).join()).status());
        assertEquals(403, refusal(() -> operator.alerts().deleteRule(rule.id(), 1).join()).status());
        assertEquals(rule, operator.alerts().getRule(rule.id()).join());
    }

    @Test
    void anOperatorAcknowledgesAndSnoozesAnAlertAuditedAndAViewerCannot() {
        Alert alert = blockedAlert(component(0));
        assertEquals(AlertState.OPEN, alert.state());
        assertEquals(1, alert.notifications());

        assertEquals(403, refusal(() -> viewer.alerts().acknowledge(alert.id(), "mine").join()).status());
        Alert acked = operator.alerts().acknowledge(alert.id(), "Looking at it with the supplier").join();
        assertEquals(AlertState.ACKNOWLEDGED, acked.state());
        assertEquals("Olive Operator", acked.acknowledged().by());
        assertEquals("Looking at it with the supplier", acked.acknowledged().note());

        ApiException past = refusal(() -> operator.alerts().snooze(alert.id(),
                new SnoozeRequest(Instant.now().minusSeconds(60), null)).join());
        assertEquals("/until", past.fieldErrors().get(0).field());
        Instant until = Instant.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Alert snoozed = operator.alerts().snooze(alert.id(), new SnoozeRequest(until, "Change window")).join();
        assertEquals(AlertState.SNOOZED, snoozed.state());
        assertEquals(until, snoozed.snoozedUntil());
        assertEquals(List.of("acknowledge", "snooze"),
                audit("alert", alert.id()).stream().map(AuditEntry::action).toList());
    }

    @Test
    void anAlertResolvesWhenItsConditionEndsAndCannotThenBeAcknowledged() {
        String code = component(1);
        Alert alert = blockedAlert(code);
        block(code, false);
        sandbox.backbone().alerts().evaluateNow();
        Alert resolved = viewer.alerts().alert(alert.id()).join();
        assertEquals(AlertState.RESOLVED, resolved.state());
        assertNotNull(resolved.resolvedAt());
        ApiException refused = refusal(() -> operator.alerts().acknowledge(alert.id(), null).join());
        assertEquals(409, refused.status());

        block(code, true);
        sandbox.backbone().alerts().evaluateNow();
        List<Alert> both = viewer.alerts().alerts(new AlertQuery(List.of(), alert.ruleId(), null, null, null, null,
                null)).join().items();
        assertEquals(2, both.size(), "a new trip after a resolution is a new alert");
        block(code, false);
    }

    @Test
    void alertChangesReachEveryConsoleOnTheLiveStream() throws InterruptedException {
        try (LiveStream changes = viewer.alerts().changes(100)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (changes.state() != LiveStream.State.OPEN && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Alert alert = blockedAlert(component(2));
            List<AlertChanged> seen = new ArrayList<>();
            while (seen.stream().noneMatch(c -> c.alert().id().equals(alert.id())) && System.nanoTime() < deadline) {
                seen.addAll(changes.drainAlerts(100));
                Thread.sleep(20);
            }
            AlertChanged opened = seen.stream().filter(c -> c.alert().id().equals(alert.id())).findFirst().orElseThrow();
            assertEquals(AlertChange.OPENED, opened.change());
            assertEquals(List.of(), changes.drain(100), "alerts only: no messages on this stream");
        } finally {
            block(component(2), false);
        }
    }

    @Test
    void deletingARuleResolvesItsAlerts() {
        Alert alert = blockedAlert(component(3));
        AlertRule rule = admin.alerts().getRule(alert.ruleId()).join();
        admin.alerts().deleteRule(rule.id(), rule.version()).join();
        assertEquals(AlertState.RESOLVED, viewer.alerts().alert(alert.id()).join().state());
        block(component(3), false);
    }

    @Test
    void theAlertListPagesNewestFirst() {
        List<UUID> opened = new ArrayList<>();
        for (int i = 4; i < 7; i++) {
            opened.add(blockedAlert(component(i)).id());
        }
        List<UUID> listed = new ArrayList<>();
        String cursor = null;
        do {
            var page = viewer.alerts().alerts(new AlertQuery(List.of(AlertState.OPEN), null,
                    AlertRuleKind.MIGRATION_BLOCKED, null, null, 1, cursor)).join();
            assertTrue(page.items().size() <= 1);
            page.items().forEach(a -> listed.add(a.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertTrue(listed.containsAll(opened));
        assertEquals(listed.stream().distinct().count(), listed.size(), "no alert twice");
        for (int i = 4; i < 7; i++) {
            block(component(i), false);
        }
    }
}
