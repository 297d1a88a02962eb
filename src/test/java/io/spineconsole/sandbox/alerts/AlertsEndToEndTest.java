package io.spineconsole.sandbox.alerts;

import io.spineconsole.api.LiveStream;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.contract.ContractRecorder;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole story over the admin API, at simulated time, with the sandbox's default rules: traffic runs, a
 * trainer starts an {@code endpoint-failing} scenario, an alert opens within 60 s and reaches a console on
 * the live stream, an operator acknowledges it, the trainer stops the scenario, and the alert resolves.
 * Every answer is checked against openapi.yaml.
 */
class AlertsEndToEndTest {

    @Test
    void anInjectedOutageRaisesAnAlertThatIsAcknowledgedAndResolvesWhenTheOutageEnds() throws Exception {
        ContractRecorder contract = new ContractRecorder();
        try (SimulatedAlerts sandbox = new SimulatedAlerts();
             HttpBackboneApi admin = client(sandbox, sandbox.backbone.issueEmbeddedConsoleToken(), contract);
             HttpBackboneApi operator = client(sandbox, sandbox.backbone.tokens().create("Olive Operator",
                     Role.OPERATOR), contract);
             LiveStream console = operator.alerts().changes(1_000)) {
            AlertRule failing = admin.alerts().listRules(100, null).join().items().stream()
                    .filter(r -> r.kind() == AlertRuleKind.ENDPOINT_FAILING && r.enabled()).findFirst().orElseThrow();
            sandbox.run(Duration.ofMinutes(10));
            String ods = sandbox.busiestOrganisation();
            sandbox.runAndEvaluate(Duration.ofMinutes(1));
            assertTrue(ofOrganisation(admin, failing, ods).isEmpty(), "healthy traffic: no alert for " + ods);

            Instant outage = sandbox.now();
            ScenarioRun run = admin.sandbox().start(new ScenarioStart(null, "scenario: Outage drill\n"
                    + "at 0m for 1h: endpoint-failing ods=" + ods + " failure=http-503\n")).join();
            Alert opened = null;
            while (opened == null && sandbox.now().isBefore(outage.plusSeconds(60))) {
                sandbox.runAndEvaluate(SimulatedAlerts.ROUND);
                opened = ofOrganisation(admin, failing, ods).stream().findFirst().orElse(null);
            }
            assertNotNull(opened, "an alert within 60 s of the outage");
            assertEquals(AlertState.OPEN, opened.state());
            Alert alert = opened;
            List<AlertChanged> seen = awaitOnStream(console, alert, AlertChange.OPENED, new ArrayList<>());

            Alert acked = operator.alerts().acknowledge(alert.id(), "Supplier says the load balancer died").join();
            assertEquals(AlertState.ACKNOWLEDGED, acked.state());
            assertEquals("Olive Operator", acked.acknowledged().by());

            admin.sandbox().stop(run.runId()).join();
            Instant stopped = sandbox.now();
            while (admin.alerts().alert(alert.id()).join().state() != AlertState.RESOLVED
                    && sandbox.now().isBefore(stopped.plus(Duration.ofMinutes(30)))) {
                sandbox.runAndEvaluate(Duration.ofMinutes(1));
            }
            Alert resolved = admin.alerts().alert(alert.id()).join();
            assertEquals(AlertState.RESOLVED, resolved.state(), "resolved once the endpoint recovered");
            assertEquals("Supplier says the load balancer died", resolved.acknowledged().note());
            awaitOnStream(console, alert, AlertChange.RESOLVED, seen);
        }
        assertEquals(List.of(), contract.violations(), contract.report());
    }

    private static HttpBackboneApi client(SimulatedAlerts sandbox, String token, ContractRecorder contract) {
        return new HttpBackboneApi(sandbox.backbone.baseUrl(), () -> token,
                HttpClientOptions.defaults().withInterceptor(contract));
    }

    private static List<Alert> ofOrganisation(HttpBackboneApi api, AlertRule rule, String ods) {
        return api.alerts().alerts(new AlertQuery(List.of(), rule.id(), null, ods, null, null, null)).join().items();
    }

    /** Waits (real time: the stream is real) until {@code change} of {@code alert} has come; everything seen so far. */
    private static List<AlertChanged> awaitOnStream(LiveStream stream, Alert alert, AlertChange change,
                                                    List<AlertChanged> seen) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (seen.stream().noneMatch(c -> c.alert().id().equals(alert.id()) && c.change() == change)
                && System.nanoTime() < deadline) {
            seen.addAll(stream.drainAlerts(1_000));
            Thread.sleep(20);
        }
        assertTrue(seen.stream().anyMatch(c -> c.alert().id().equals(alert.id()) && c.change() == change),
                "the console heard " + change.code());
        return seen;
    }
}
