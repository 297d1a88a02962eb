package io.spineconsole.ui.migration;

import io.spineconsole.ui.common.Debouncer;

/** A debouncer whose pause passes when the test says so. */
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

    boolean waiting() {
        return waiting != null;
    }

    /** The user paused: the last action submitted runs. */
    void pause() {
        Runnable action = waiting;
        waiting = null;
        if (action != null) {
            action.run();
        }
    }
}
