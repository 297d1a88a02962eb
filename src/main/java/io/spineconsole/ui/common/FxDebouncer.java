package io.spineconsole.ui.common;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the UI thread's animation timer: the action runs after {@code quiet} without a submit. */
public final class FxDebouncer implements Debouncer {
    /** The pause after typing before a type-ahead search runs. */
    public static final Duration TYPE_AHEAD = Duration.millis(300);
    private final PauseTransition pause;
    private Runnable waiting;

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> {
            Runnable action = waiting;
            waiting = null;
            if (action != null) {
                action.run();
            }
        });
    }

    /** Debouncers that each wait {@code quiet}. */
    public static Debouncer.Factory factory(Duration quiet) {
        return () -> new FxDebouncer(quiet);
    }

    @Override
    public void submit(Runnable action) {
        waiting = action;
        pause.playFromStart();
    }

    @Override
    public void cancel() {
        waiting = null;
        pause.stop();
    }
}
