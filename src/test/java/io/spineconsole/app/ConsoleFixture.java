package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.settings.EnvironmentKind;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Boots the real console for a TestFX test, headless: on its embedded sandbox (signed in as admin),
 * or against a sandbox the test started itself with a token of the role it wants (to see what a
 * viewer or an operator is offered). Waits until the first workspace shows its data.
 *
 * <pre>
 * static ConsoleFixture console;
 * &#64;BeforeAll static void boot() throws Exception { console = ConsoleFixture.onEmbeddedSandbox(); }
 * &#64;AfterAll static void close() throws Exception { console.close(); }
 * </pre>
 */
public final class ConsoleFixture implements AutoCloseable {
    private final FxRobot robot = new FxRobot();
    private final Stage stage;
    private final Application app;

    private ConsoleFixture(ConsoleOptions options) throws Exception {
        SpineConsoleApp.prepare(options, AppDirectories.forCurrentUser());
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SpineConsoleApp.class);
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> !robot.lookup(".tile").queryAll().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The console as a user starts it with no server configured: on the embedded sandbox, as admin. */
    public static ConsoleFixture onEmbeddedSandbox() throws Exception {
        return new ConsoleFixture(ConsoleOptions.defaults());
    }

    /**
     * The console against a server the test started (for example a {@code SandboxFixture}), signed in
     * with {@code token}, as {@code --server URL --token-file F} would; the profile is {@code environment}.
     */
    public static ConsoleFixture against(String baseUrl, String token, EnvironmentKind environment) throws Exception {
        return new ConsoleFixture(new ConsoleOptions(baseUrl, environment, token, null, false));
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    /** The console's wiring: its shell and main window. */
    CompositionRoot root() {
        return ((SpineConsoleApp) app).root();
    }

    /** The text of the label found by {@code query}. */
    public String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds, letting FX events run meanwhile. */
    public void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a node matching {@code query} is showing. */
    public <T extends Node> T waitFor(String query, Class<T> type) throws Exception {
        waitUntil(20, () -> robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent());
        return robot.lookup(query).queryAs(type);
    }

    @Override
    public void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        // The next fixture starts from the defaults, whatever this one was given.
        SpineConsoleApp.prepare(ConsoleOptions.defaults(), AppDirectories.forCurrentUser());
    }
}
