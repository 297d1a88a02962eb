package io.spineconsole.ui.admin;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The alert rules editor in a window on a real sandbox (headless): typing a rule that is wrong shows
 * each problem under its field as it is typed, Save refuses it and sends nothing, and what was typed
 * stays; put right, it saves. Pictures, light and dark, go to {@code -Dscreenshots.dir}.
 */
class AlertRulesUiTest {
    private static final FxRobot robot = new FxRobot();
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static AdminWorkspace view;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.startTiny();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
        FxToolkit.registerPrimaryStage();
        WorkspaceServices services = new WorkspaceServices(new UiExecutor(Platform::runLater), new I18n(Locale.UK),
                new Navigator(), ViewMemory.inMemory(), Clock.systemUTC());
        FxToolkit.setupStage(s -> {
            view = AdminWorkspace.create(services);
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
            s.toFront();
        });
        Principal me = api.me().join();
        FxToolkit.setupFixture(() -> view.connect(new WorkspaceContext(api, me, "test", "Sandbox", EnvironmentKind.SANDBOX)));
        waitUntil(() -> view.alertRules().status().state() == LoadState.LOADED);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupFixture(() -> view.dispose());
        FxToolkit.cleanupStages();
        api.close();
        sandbox.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(String query, String text) {
        TextField field = robot.lookup(query).queryAs(TextField.class);
        robot.interact(field::clear);
        robot.clickOn(field).write(text);
    }

    /** The problem shown under the input {@code query} names, or "" when none shows. */
    private static String problemUnder(String query) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node input = robot.lookup(query).query();
            return input.getParent().getChildrenUnmodifiable().stream()
                    .filter(n -> n instanceof Label l && l.getStyleClass().contains("field-error") && l.isVisible())
                    .map(n -> ((Label) n).getText()).findFirst().orElse("");
        }).get();
    }

    @Test
    void theFormShowsEachProblemAsItIsTypedAndRefusesToSaveARuleThatIsWrong() throws Exception {
        robot.clickOn("#admin-tab-alert-rules");
        robot.clickOn("#alert-rules-new");
        int rulesBefore = api.alerts().listRules(500, null).join().items().size();

        type("#alert-rule-name", "Leeds failing");
        assertEquals("", problemUnder("#alert-rule-name"));
        robot.interact(() -> view.alertRules().form().scopeProperty().set(AlertScope.ORGANISATION));
        assertTrue(problemUnder("#alert-rule-target").startsWith("Name what the rule watches"),
                problemUnder("#alert-rule-target"));
        type("#alert-rule-target", "leeds!");
        assertTrue(!problemUnder("#alert-rule-target").isEmpty(), "not an ODS code");
        type("#alert-rule-windowMinutes", "2");
        assertTrue(problemUnder("#alert-rule-windowMinutes").contains("too short"),
                problemUnder("#alert-rule-windowMinutes"));
        type("#alert-rule-recoveryRatePercent", "30");
        assertTrue(problemUnder("#alert-rule-recoveryRatePercent").contains("below the trip figure"),
                problemUnder("#alert-rule-recoveryRatePercent"));

        robot.clickOn("#alert-rule-save");
        WaitForAsyncUtils.waitForFxEvents();
        String refusal = robot.lookup("#alert-rule-error").queryAs(Label.class).getText();
        assertTrue(refusal.startsWith("Not saved"), refusal);
        assertEquals(rulesBefore, api.alerts().listRules(500, null).join().items().size(), "nothing sent");
        assertEquals("2", robot.lookup("#alert-rule-windowMinutes").queryAs(TextField.class).getText(),
                "what was typed stays");

        robot.moveTo("#alert-rule-error"); // the picture shows the form at rest, not Save under the pointer
        Screenshots.inBothThemes(robot.lookup("#alert-rules").query().getScene(), "alert-rule-form");

        // Put right, it saves, and the server agrees with the form.
        type("#alert-rule-target", "RR8");
        type("#alert-rule-windowMinutes", "15");
        type("#alert-rule-recoveryRatePercent", "5");
        robot.clickOn("#alert-rule-save");
        waitUntil(() -> api.alerts().listRules(500, null).join().items().size() == rulesBefore + 1);
        List<AlertRule> rules = api.alerts().listRules(500, null).join().items();
        AlertRule saved = rules.stream().filter(r -> r.name().equals("Leeds failing")).findFirst().orElseThrow();
        assertEquals("RR8", saved.target());
        assertEquals(15, saved.thresholds().windowMinutes());
    }
}
