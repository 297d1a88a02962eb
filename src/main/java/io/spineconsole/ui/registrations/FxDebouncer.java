package io.spineconsole.ui.registrations;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the UI thread's animation timer: the action runs after {@code quiet} without a submit. */
final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;
    private Runnable waiting;

    FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
        pause.setOnFinished(e -> {
            Runnable action = waiting;
            waiting = null;
            if (action != null) {
                action.run();
            }
        });
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
