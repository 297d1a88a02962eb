package io.spineconsole.app;

import io.spineconsole.settings.Preferences.Theme;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.shell.MainWindow;
import io.spineconsole.ui.shell.ShellViewModel;
import io.spineconsole.ui.shell.Workspace;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Every state of the console worth looking at, one after another, in each theme and at each window
 * size: each workspace as it opens and its showcases (with any dialog a showcase opens), the
 * profiles and About dialogs, and the command palette. Each state is handed to a {@link Visitor}
 * once it has its data: the screenshot run photographs and audits it, the audit test checks it.
 * Runs on the UI thread, on timers, so dialogs that wait in nested event loops do not stop it.
 */
final class ScreenTour {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenTour.class);
    private static final int MAX_WAIT_TICKS = 300;
    /** Ten minutes: the first seeding of a new sandbox store can take minutes on a busy machine. */
    private static final int SESSION_WAIT_TICKS = 6_000;

    /** A window size, in pixels. */
    record Size(int width, int height) {
        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    /** The window size a screenshot is taken at, and the smallest the audit holds the screens to. */
    static final Size STANDARD = new Size(1280, 800);
    /** A full-HD screen: the audit checks the screens there too. */
    static final Size FULL_HD = new Size(1920, 1080);

    /**
     * One state ready to look at.
     *
     * @param state  what it is: "messages", "messages-detail", "messages-redeliver-dialog", "about", …
     * @param size   the main window's size then (a dialog's scene is its own size)
     */
    record Visit(String state, Theme theme, Size size, Scene scene) {
    }

    @FunctionalInterface
    interface Visitor {
        void visit(Visit visit);
    }

    private final Stage stage;
    private final ShellViewModel shell;
    private final MainWindow window;
    private final List<Size> sizes;
    private final Visitor visitor;
    private final Runnable done;
    private final Deque<Runnable> steps = new ArrayDeque<>();
    private int waited;

    ScreenTour(Stage stage, ShellViewModel shell, MainWindow window, List<Size> sizes, Visitor visitor, Runnable done) {
        this.stage = stage;
        this.shell = shell;
        this.window = window;
        this.sizes = List.copyOf(sizes);
        this.visitor = visitor;
        this.done = done;
    }

    void start() {
        for (Theme theme : Theme.values()) {
            for (Workspace w : Workspace.values()) {
                steps.add(() -> show(theme, w));
                for (Showcase showcase : window.workspaceView(w).showcases()) {
                    steps.add(() -> showcase(theme, w, showcase));
                }
            }
            steps.add(() -> dialog(theme, "#open-profiles", "profiles"));
            steps.add(() -> dialog(theme, "#open-about", "about"));
            steps.add(() -> {
                window.openCommandPalette();
                waitForData(() -> visitAtEachSize("command-palette", theme, () -> {
                    window.closeCommandPalette();
                    tick();
                }));
            });
        }
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

    private void useTheme(Theme theme) {
        if (shell.themeProperty().get() != theme) {
            shell.toggleTheme();
        }
    }

    private void show(Theme theme, Workspace w) {
        useTheme(theme);
        shell.selectWorkspace(w);
        waitForData(() -> visitAtEachSize(w.code(), theme, this::tick));
    }

    /** Shows one state of a workspace, waits for it, visits it (and any dialog it opened), then resets it. */
    private void showcase(Theme theme, Workspace w, Showcase showcase) {
        useTheme(theme);
        shell.selectWorkspace(w);
        String name = w.code() + "-" + showcase.name();
        // From a plain event, not an animation's callback: the state may open a dialog (showAndWait).
        Platform.runLater(showcase.show());
        waitFor(showcase.ready(), () -> visitAtEachSize(name, theme, () -> {
            otherWindows().forEach(win -> {
                visitor.visit(new Visit(name + "-dialog", theme, size(), win.getScene()));
                ((Stage) win).close();
            });
            showcase.reset().run();
            tick();
        }));
    }

    /**
     * Visits the main window's state at each size in turn (a resize is given a beat to lay out and
     * settle), then comes back to the first size and runs {@code then}.
     */
    private void visitAtEachSize(String name, Theme theme, Runnable then) {
        visitFrom(0, name, theme, then);
    }

    private void visitFrom(int i, String name, Theme theme, Runnable then) {
        if (i == sizes.size()) {
            if (size().equals(sizes.get(0))) {
                then.run();
            } else {
                resize(sizes.get(0));
                later(300, then);
            }
            return;
        }
        Runnable visit = () -> {
            visitor.visit(new Visit(name, theme, sizes.get(i), stage.getScene()));
            visitFrom(i + 1, name, theme, then);
        };
        if (size().equals(sizes.get(i))) {
            visit.run();
        } else {
            resize(sizes.get(i));
            later(300, visit);
        }
    }

    /** Gives the scene {@code size} (the window adds its decorations, where it has any). */
    private void resize(Size size) {
        Scene scene = stage.getScene();
        stage.setWidth(size.width() + stage.getWidth() - scene.getWidth());
        stage.setHeight(size.height() + stage.getHeight() - scene.getHeight());
    }

    private Size size() {
        return new Size((int) Math.round(stage.getScene().getWidth()), (int) Math.round(stage.getScene().getHeight()));
    }

    /**
     * Polls every 100 ms until {@code ready} (or gives up after 30 s and says so), then runs
     * {@code then}, which ends by calling {@link #tick()} for the next step.
     */
    private void waitFor(BooleanSupplier ready, Runnable then) {
        boolean isReady;
        try {
            isReady = ready.getAsBoolean();
        } catch (RuntimeException e) {
            isReady = false;
        }
        if (isReady || waited++ > MAX_WAIT_TICKS) {
            if (!isReady) {
                LOG.warn("A state was not ready after 30 s; looking at it as it is");
            }
            waited = 0;
            later(300, then);
        } else {
            later(100, () -> waitFor(ready, then));
        }
    }

    /**
     * Opens a dialog by its button (the dialog waits in a nested event loop, which keeps these
     * steps' timers running), visits its window, then closes it.
     */
    private void dialog(Theme theme, String buttonId, String name) {
        useTheme(theme);
        later(100, () -> {
            later(600, () -> {
                otherWindows().stream().findFirst().ifPresent(w -> {
                    visitor.visit(new Visit(name, theme, size(), w.getScene()));
                    ((Stage) w).close();
                });
                tick();
            });
            // showAndWait is not allowed inside an animation's callback: fire from a plain event.
            Platform.runLater(() -> ((ButtonBase) stage.getScene().lookup(buttonId)).fire());
        });
    }

    private List<Window> otherWindows() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w instanceof Stage).toList();
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
            done.run();
        }
    }

    private static void later(int millis, Runnable action) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
