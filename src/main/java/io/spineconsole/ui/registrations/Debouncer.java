package io.spineconsole.ui.registrations;

/**
 * Runs the last action submitted once the user pauses: a newer submit replaces the one waiting. The
 * console uses a timer on the UI thread ({@link FxDebouncer}); view-model tests run actions at once.
 */
public interface Debouncer {
    void submit(Runnable action);

    /** Drops the action waiting, if any. */
    void cancel();

    /** Runs every action at once (tests). */
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
