package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.Debouncer;

/** A debouncer whose pause ends when the test says so ({@link #pause()}), never by itself. */
final class ManualDebouncer implements Debouncer {
    private Runnable waiting;

    @Override
    public void submit(Runnable action) {
        waiting = action;
    }

    @Override
    public void cancel() {
        waiting = null;
    }

    /** True while an action waits for the user to pause. */
    boolean waiting() {
        return waiting != null;
    }

    /** The user paused: runs the action waiting, if any. */
    void pause() {
        Runnable action = waiting;
        waiting = null;
        if (action != null) {
            action.run();
        }
    }
}
