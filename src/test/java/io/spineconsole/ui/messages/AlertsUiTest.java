package io.spineconsole.ui.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.alerts.SimulatedAlerts;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.Screenshots;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real console against a sandbox, signed in as an operator: the environment band's badge counts
 * the open alerts and follows the live stream as one opens (with a desktop notice); the badge opens the
 * Alerts view, where the operator acknowledges an alert with a note; and end to end, an injected outage
 * on one organisation raises an alert the console shows, the operator acknowledges it, the outage is
 * stopped and the alert resolves. The sandbox runs on a clock the test moves (traffic, scenarios and the
 * evaluator's rounds at simulated time), so the outage's minutes pass in seconds and every step's time is
 * known; the console itself runs as it does in use. Pictures, light and dark, go to {@code -Dscreenshots.dir}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertsUiTest {
    private static SimulatedAlerts sandbox;
    private static HttpBackboneApi api;
    private static ConsoleFixture console;
    private static FxRobot robot;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = new SimulatedAlerts(TestStore.H2);
        String token = sandbox.backbone.tokens().create("operator-" + UUID.randomUUID(), Role.OPERATOR);
        String admin = sandbox.backbone.issueEmbeddedConsoleToken();
        api = new HttpBackboneApi(sandbox.backbone.baseUrl(), () -> admin, HttpBackboneApi.HttpClientOptions.defaults());
        sandbox.evaluate(); // what the seeded store trips at once (certificates ending)
        console = ConsoleFixture.against(sandbox.backbone.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        console.waitFor("#messages-find", TextField.class);
    }

    @AfterAll
    static void close() throws Exception {
        if (console != null) {
            console.close();
        }
        if (api != null) {
            api.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static int openOnServer() {
        return api.alerts().alerts(new AlertQuery(AlertState.ACTIVE, null, null, null, null, 500, null)).join()
                .items().size();
    }

    private static String badge() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alerts-badge").queryAs(Button.class).getText()).get();
    }

    private static String words(int n) {
        return n == 0 ? "No open alerts" : n == 1 ? "1 open alert" : n + " open alerts";
    }

    private static boolean noticeShown() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow
                && w.isShowing() && w.getScene().getRoot().lookup(".notification-bar") != null)).get();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Alert> table() {
        return robot.lookup("#alerts-table").queryAs(TableView.class);
    }

    /** Chooses the alert {@code match} names in the Alerts table, once it is listed. */
    private static void choose(java.util.function.Predicate<Alert> match) throws Exception {
        console.waitUntil(20, () -> WaitForAsyncUtils.asyncFx(() -> table().getItems().stream().anyMatch(match)).get());
        robot.interact(() -> {
            for (int i = 0; i < table().getItems().size(); i++) {
                if (match.test(table().getItems().get(i))) {
                    table().getSelectionModel().select(i);
                    table().scrollTo(i);
                    return;
                }
            }
        });
    }

    private static void acknowledge(String note) throws Exception {
        robot.clickOn("#alert-note").write(note);
        robot.clickOn("#alert-acknowledge");
        console.waitUntil(20, () -> "Acknowledged".equals(console.text("#alert-state")));
    }

    @Test
    @Order(1)
    void theBadgeCountsTheOpenAlertsAndFollowsTheStreamAsOneOpens() throws Exception {
        console.waitUntil(30, () -> robot.lookup("#alerts-badge").tryQuery().map(n -> n.isVisible()).orElse(false));
        int before = openOnServer();
        console.waitUntil(20, () -> badge().equals(words(before)));

        sandbox.scenario("scenario: Blocked drill\nat 0s for 1h: migration-blocked component=PDS\n");
        sandbox.evaluate();
        assertEquals(before + 1, openOnServer());
        // The stream brings it: sooner than the minute's re-read.
        console.waitUntil(10, () -> badge().equals(words(before + 1)));
        console.waitUntil(10, AlertsUiTest::noticeShown);

        Screenshots.inBothThemes(console.stage().getScene(), "alerts-badge");
    }

    @Test
    @Order(2)
    void theBadgeOpensTheAlertsViewWhereAnOperatorAcknowledgesWithANote() throws Exception {
        robot.clickOn("#alerts-badge");
        console.waitFor("#alerts-table", TableView.class);
        choose(a -> "PDS".equals(a.subject().id()) && a.state().active());
        assertTrue(console.text("#alert-title").contains("PDS"), console.text("#alert-title"));

        acknowledge("Programme office told");
        String said = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#alert-acknowledged").queryAs(Label.class).getText()).get();
        assertTrue(said.contains("Programme office told"), said);
        Alert onServer = api.alerts().alerts(new AlertQuery(List.of(), null, null, "PDS", null, 10, null)).join()
                .items().get(0);
        assertEquals(AlertState.ACKNOWLEDGED, onServer.state());
        assertEquals("Programme office told", onServer.acknowledged().note());

        Screenshots.inBothThemes(console.stage().getScene(), "alerts");
        sandbox.backbone.drive().scenarios().stopAll();
        sandbox.evaluate();
    }

    /**
     * End to end on an injected outage: an organisation's endpoints answer 503 under a scenario, the rule
     * trips, the console lists the alert, the operator acknowledges it, the outage is stopped and the alert
     * resolves once the failures have left the rule's window. The rule is the admin's own, made through the
     * API as the rule form would.
     */
    @Test
    @Order(3)
    void anInjectedOutageRaisesAnAlertTheOperatorAcknowledgesAndItResolvesWhenTheOutageEnds() throws Exception {
        sandbox.run(Duration.ofMinutes(2)); // healthy traffic first, so the rule's window has its volume
        String ods = sandbox.busiestOrganisation();
        AlertRule rule = api.alerts().createRule(new AlertRuleDraft("Outage drill " + ods, AlertRuleKind.ENDPOINT_FAILING,
                AlertScope.ORGANISATION, ods, AlertThresholds.endpointFailing(50, 40, 5, 3), true, 60)).join();
        ScenarioRun run = sandbox.scenario("scenario: Outage drill\nat 0s for 1h: endpoint-failing ods=" + ods
                + " failure=http-503\n");
        sandbox.runAndEvaluate(Duration.ofSeconds(90));

        java.util.function.Predicate<Alert> ours = a -> a.ruleId().equals(rule.id());
        choose(ours.and(a -> a.state().active()));
        assertTrue(console.text("#alert-title").contains(ods), console.text("#alert-title"));
        UUID acknowledged = WaitForAsyncUtils.asyncFx(() -> table().getSelectionModel().getSelectedItem().id()).get();
        acknowledge("Supplier engaged");

        sandbox.stop(run);
        // Past the window and the minute still filling: what the outage failed has left it.
        sandbox.runAndEvaluate(Duration.ofMinutes(8));
        assertEquals(AlertState.RESOLVED, api.alerts().alert(acknowledged).join().state());
        console.waitUntil(30, () -> "Resolved".equals(console.text("#alert-state")));
        assertEquals("Supplier engaged", api.alerts().alert(acknowledged).join().acknowledged().note());
    }
}
