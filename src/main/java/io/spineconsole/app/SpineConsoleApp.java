package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.platform.StartupPhases;
import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.settings.Preferences.WindowGeometry;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.Objects;

/**
 * The JavaFX application: shows the main window at once, then connects in the background.
 * Started only through {@link Launcher}, which hands over the options first.
 */
public final class SpineConsoleApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(SpineConsoleApp.class);
    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;

    // JavaFX instantiates the Application itself, so the launcher's options come through here.
    private static volatile ConsoleOptions options = ConsoleOptions.defaults();
    private static volatile AppDirectories directories;
    private static volatile CompletableFuture<Settings> preloadedSettings;
    private static volatile StartupTimeline timeline = StartupTimeline.sinceProcessStart();
    /** When {@code Application.launch} was called, ms since launch: the toolkit's phase starts there. */
    private static volatile long launchAt;
    private static volatile int exitCode;

    private CompositionRoot root;
    private Image icon;
    private long sceneStart;

    static void prepare(ConsoleOptions launchOptions, AppDirectories dirs) {
        prepare(launchOptions, dirs, StartupTimeline.sinceProcessStart());
    }

    /** Hands over the options; call just before {@code Application.launch}. */
    static void prepare(ConsoleOptions launchOptions, AppDirectories dirs, StartupTimeline startup) {
        options = launchOptions;
        directories = dirs;
        timeline = startup;
        // Read the settings while the JavaFX toolkit starts, rather than after it.
        preloadedSettings = CompletableFuture.supplyAsync(() -> {
            try (StartupPhases.Phase phase = startup.begin("settings")) {
                return new SettingsStore(dirs.config()).load();
            }
        });
        launchAt = startup.now();
    }

    static int exitCode() {
        return exitCode;
    }

    static void exitWith(int code) {
        exitCode = code;
        Platform.exit();
    }

    @Override
    public void init() {
        timeline.endAt("toolkit", launchAt);
        sceneStart = timeline.now();
        AppDirectories dirs = directories != null ? directories : AppDirectories.forCurrentUser();
        // Settings are read here (or were read while the toolkit started), never on the FX thread.
        Settings settings = preloadedSettings != null ? preloadedSettings.join() : new SettingsStore(dirs.config()).load();
        root = new CompositionRoot(options, dirs, settings, Platform::runLater,
                folder -> getHostServices().showDocument(folder.toUri().toString()), timeline);
        // Decoded here rather than on the UI thread just before the window shows.
        icon = new Image(Objects.requireNonNull(
                SpineConsoleApp.class.getResourceAsStream("/io/spineconsole/ui/icon-256.png"), "icon-256.png"));
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(root.window().root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        timeline.endAt("first-scene", sceneStart);
        try (StartupPhases.Phase phase = timeline.begin("theme")) {
            root.window().install(scene);
        }
        long frameStart = timeline.now();
        stage.setScene(scene);
        stage.setTitle(BuildInfo.NAME);
        stage.getIcons().add(icon);
        restoreGeometry(stage);
        stage.setOnCloseRequest(e -> {
            if (!root.window().confirmClose()) {
                e.consume(); // the user keeps an unsaved edit
                return;
            }
            rememberGeometry(stage);
        });
        stage.show();
        stage.requestFocus();
        if (options.screenshotDir() != null) {
            new ScreenshotRun(stage, root.shell(), root.window(), options.screenshotDir()).start();
        }
        // Connect (which may start the embedded sandbox) once the first frame is on screen, so the
        // sandbox's start-up does not compete with drawing the window on a two-core machine. Measured
        // again with C1 only (BENCHMARKS.md): started while the window was built, it cost the first frame
        // ~0.4 s and brought the data no sooner. Meanwhile the UI thread, idle until the session opens,
        // builds and styles the workspace that will show first.
        new StartupWatch(scene, root.shell(), timeline, frameStart, () -> {
            root.shell().start();
            root.window().prepareWorkspace();
        }, options.startupProbe()).start();
    }

    private void restoreGeometry(Stage stage) {
        WindowGeometry g = root.initialSettings().preferences().window();
        if (g == null || options.screenshotDir() != null) {
            return;
        }
        // Only restore a position that is still on one of the screens (a monitor may have gone).
        boolean visible = !Screen.getScreensForRectangle(new Rectangle2D(g.x(), g.y(), g.width(), g.height())).isEmpty();
        if (visible) {
            stage.setX(g.x());
            stage.setY(g.y());
        }
        stage.setWidth(Math.max(800, g.width()));
        stage.setHeight(Math.max(600, g.height()));
        stage.setMaximized(g.maximized());
    }

    private void rememberGeometry(Stage stage) {
        root.shell().rememberWindow(new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
    }

    @Override
    public void stop() {
        LOG.info("Closing");
        root.close();
    }

    /** The wiring of this run (for tests that tour the screens). */
    CompositionRoot root() {
        return root;
    }

    /** Where a screenshot run writes (for tests). */
    static Path screenshotDir() {
        return options.screenshotDir();
    }
}
