package io.spineconsole.ui.sandbox;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.Preferences;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.testing.Screenshots;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Sandbox panel on a real sandbox: offered to an admin and not to an operator, the rate set
 * from it reaches the server, a bad rate is refused with nothing sent, a built-in scenario starts
 * with its timeline on the clock and stops. Pictures, light and dark, go to {@code target/}.
 */
class SandboxPanelUiTest {
    private static final FxRobot robot = new FxRobot();
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static SandboxViewModel model;
    private static Stage stage;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.startTiny();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
        stage = FxToolkit.registerPrimaryStage();
        I18n i18n = new I18n(Locale.UK);
        FxToolkit.setupStage(s -> {
            model = new SandboxViewModel(new UiExecutor(Platform::runLater), i18n);
            Scene scene = new Scene(new SandboxPanel(model, i18n), 760, 640);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
        });
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        sandbox.backbone().traffic().stop();
        api.close();
        sandbox.close();
    }

    @Test
    void anAdminDrivesTheSandboxFromThePanel() throws Exception {
        FxToolkit.setupFixture(() -> model.connect(api, Role.OPERATOR));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(model.availableProperty().get(), "an operator is not offered the panel");

        FxToolkit.setupFixture(() -> model.connect(api, Role.ADMIN));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.availableProperty().get());
        FxToolkit.setupFixture(model::refresh);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#sandbox-start-national-peak").queryAll().isEmpty());

        TextField rate = robot.lookup("#sandbox-rate").queryAs(TextField.class);
        robot.clickOn(rate).eraseText(rate.getText().length()).write("9999");
        robot.clickOn("#sandbox-rate-apply");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Enter a whole number from 0 (off) to 3,200.", robot.lookup("#sandbox-message").queryAs(Label.class).getText());
        assertFalse(sandbox.backbone().traffic().isRunning(), "nothing sent");

        robot.clickOn(rate).eraseText(rate.getText().length()).write("60");
        robot.clickOn("#sandbox-rate-apply");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sandbox.backbone().traffic().isRunning());
        assertEquals(60, sandbox.backbone().traffic().rate());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sandbox-rate-in-force")
                .queryAs(Label.class).getText().equals("Running at 60 a second now"));

        robot.clickOn("#sandbox-start-national-peak");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".sandbox-stop").queryAll().isEmpty());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("burst rate=800 (in force now)")), "the timeline shows the step in force");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sandbox-rate-in-force")
                .queryAs(Label.class).getText().equals("Running at 800 a second now")
                || sandbox.backbone().drive().traffic().setting().effectiveRatePerSecond() == 800);
        picture("sandbox-light");
        FxToolkit.setupFixture(() -> Themes.apply(Preferences.Theme.DARK, stage.getScene()));
        WaitForAsyncUtils.waitForFxEvents();
        picture("sandbox-dark");
        FxToolkit.setupFixture(() -> Themes.apply(Preferences.Theme.LIGHT, stage.getScene()));

        robot.clickOn(robot.lookup(".sandbox-stop").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".sandbox-stop").queryAll().isEmpty());
        assertEquals(ScenarioRun.STOPPED, sandbox.backbone().drive().scenarios().list().get(0).state());
    }

    private static void picture(String name) throws Exception {
        FxToolkit.setupFixture(() -> {
            try {
                Screenshots.write(stage.getScene(), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
