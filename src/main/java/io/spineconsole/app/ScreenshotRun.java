package io.spineconsole.app;

import io.spineconsole.settings.Preferences.Theme;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.shell.MainWindow;
import io.spineconsole.ui.shell.ShellViewModel;
import io.spineconsole.ui.shell.Workspace;
import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * {@code --screenshot DIR}: once connected, shows each workspace in the light and the dark theme,
 * waits for its data, and writes {@code <workspace>-<theme>.png}; then the command palette; then exits.
 */
final class ScreenshotRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotRun.class);
    private static final int MAX_WAIT_TICKS = 300;
    /** Ten minutes: the first seeding of a new sandbox store can take minutes on a busy machine. */
    private static final int SESSION_WAIT_TICKS = 6_000;
    private final Stage stage;
    private final ShellViewModel shell;
    private final MainWindow window;
    private final Path dir;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private int waited;

    ScreenshotRun(Stage stage, ShellViewModel shell, MainWindow window, Path dir) {
        this.stage = stage;
        this.shell = shell;
        this.window = window;
        this.dir = dir;
    }

    void start() {
        for (Theme theme : Theme.values()) {
            for (Workspace w : Workspace.values()) {
                steps.add(() -> show(theme, w));
                for (Showcase showcase : window.workspaceView(w).showcases()) {
                    steps.add(() -> showcase(theme, w, showcase));
                }
            }
        }
        steps.add(() -> dialog("#open-profiles", "profiles"));
        steps.add(() -> dialog("#open-about", "about"));
        steps.add(() -> {
            window.openCommandPalette();
            waitForData(() -> {
                write("command-palette-" + shell.themeProperty().get().code());
                window.closeCommandPalette();
            });
        });
        awaitSession(SESSION_WAIT_TICKS);
    }

    /** Starts the steps once the session is ready (or has failed): each step then waits 30 s at most. */
    private void awaitSession(int ticksLeft) {
        ShellViewModel.Phase phase = shell.phaseProperty().get();
        if (phase == ShellViewModel.Phase.READY || phase == ShellViewModel.Phase.FAILED || ticksLeft == 0) {
            tick();
        } else {
            later(100, () -> awaitSession(ticksLeft - 1));
        }
    }

    private void show(Theme theme, Workspace w) {
        if (shell.themeProperty().get() != theme) {
            shell.toggleTheme();
        }
        shell.selectWorkspace(w);
        waitForData(() -> write(w.code() + "-" + theme.code()));
    }

    /** Shows one state of a workspace, waits for it, photographs it (and any dialog it opened), then resets it. */
    private void showcase(Theme theme, Workspace w, Showcase showcase) {
        if (shell.themeProperty().get() != theme) {
            shell.toggleTheme();
        }
        shell.selectWorkspace(w);
        String name = w.code() + "-" + showcase.name();
        Window before = stage;
        // From a plain event, not an animation's callback: the state may open a dialog (showAndWait).
        javafx.application.Platform.runLater(showcase.show());
        waitFor(showcase.ready(), () -> {
            write(name + "-" + theme.code());
            Window.getWindows().stream().filter(win -> win != before && win.isShowing()).toList().forEach(win -> {
                writeScene(win.getScene(), name + "-dialog-" + theme.code());
                ((Stage) win).close();
            });
            showcase.reset().run();
        });
    }

    /** Polls every 100 ms until {@code ready} (or gives up after 30 s and says so), then runs {@code then}. */
    private void waitFor(java.util.function.BooleanSupplier ready, Runnable then) {
        boolean done;
        try {
            done = ready.getAsBoolean();
        } catch (RuntimeException e) {
            done = false;
        }
        if (done || waited++ > MAX_WAIT_TICKS) {
            if (!done) {
                LOG.warn("A screenshot's state was not ready after 30 s; photographing it as it is");
            }
            waited = 0;
            later(300, () -> {
                then.run();
                tick();
            });
        } else {
            later(100, () -> waitFor(ready, then));
        }
    }

    /**
     * Opens a dialog by its button (the dialog waits in a nested event loop, which keeps these
     * steps' timers running), photographs its window, then closes it.
     */
    private void dialog(String buttonId, String name) {
        later(100, () -> {
            Window before = stage;
            later(600, () -> {
                Window.getWindows().stream().filter(w -> w != before && w.isShowing()).findFirst().ifPresent(w -> {
                    writeScene(w.getScene(), name + "-" + shell.themeProperty().get().code());
                    ((Stage) w).close();
                });
                tick();
            });
            // showAndWait is not allowed inside an animation's callback: fire from a plain event.
            javafx.application.Platform.runLater(
                    () -> ((javafx.scene.control.ButtonBase) stage.getScene().lookup(buttonId)).fire());
        });
    }

    /** Waits until the workspace shows its tiles (one more beat lets layout and CSS settle). */
    private void waitForData(Runnable then) {
        waitFor(() -> shell.phaseProperty().get() == ShellViewModel.Phase.READY
                && !stage.getScene().getRoot().lookupAll(".tile").isEmpty(), then);
    }

    private void tick() {
        Runnable next = steps.poll();
        if (next != null) {
            next.run();
        } else {
            LOG.info("Screenshots written to {}", dir);
            SpineConsoleApp.exitWith(0);
        }
    }

    private void write(String name) {
        writeScene(stage.getScene(), name);
    }

    private void writeScene(javafx.scene.Scene scene, String name) {
        try {
            Files.createDirectories(dir);
            WritableImage image = scene.snapshot(null);
            Path file = dir.resolve(name.toLowerCase(Locale.ROOT) + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.out.println("wrote " + file);
        } catch (IOException e) {
            LOG.error("Could not write screenshot {}", name, e);
            SpineConsoleApp.exitWith(1);
        }
    }

    private static void later(int millis, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
