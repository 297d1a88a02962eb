package io.spineconsole.ui.common;

/**
 * Runs the last action submitted once the user pauses: a newer submit replaces the one waiting.
 * View models own one, injected, so that the console waits on the UI thread's timer
 * ({@link FxDebouncer}) and tests decide when time passes ({@link #immediate()}, or a manual one).
 */
public interface Debouncer {
    void submit(Runnable action);

    /** Drops the action waiting, if any. */
    void cancel();

    /** Makes a debouncer for each view model that needs one (the pause is the maker's choice). */
    @FunctionalInterface
    interface Factory {
        Debouncer create();
    }

    /** Runs every action at once (tests that do not care about the pause). */
    static Debouncer immediate() {
        return new Debouncer() {
            @Override
            public void submit(Runnable action) {
                action.run();
            }

            @Override
            public void cancel() {
            }
        };
    }
}
