package io.spineconsole.ui.common;

/**
 * A {@link Debouncer} for tests, where the test decides when the user pauses: {@link #submit} holds
 * the action (a newer one replaces it), {@link #flush()} runs the last one held. Every workspace's
 * view-model tests may use it.
 */
public final class ManualDebouncer implements Debouncer {
    private Runnable waiting;
    private int submits;

    @Override
    public void submit(Runnable action) {
        waiting = action;
        submits++;
    }

    @Override
    public void cancel() {
        waiting = null;
    }

    /** The user paused: runs the last action submitted, if one is waiting. */
    public void flush() {
        Runnable action = waiting;
        waiting = null;
        if (action != null) {
            action.run();
        }
    }

    /** True while an action waits for the pause. */
    public boolean pending() {
        return waiting != null;
    }

    /** How many actions were submitted (each keystroke asks once). */
    public int submits() {
        return submits;
    }

    /** A factory that hands out new manual debouncers and keeps them, for a test that needs each. */
    public static final class Factory implements Debouncer.Factory {
        private final java.util.List<ManualDebouncer> made = new java.util.ArrayList<>();

        @Override
        public Debouncer create() {
            ManualDebouncer d = new ManualDebouncer();
            made.add(d);
            return d;
        }

        /** Every debouncer made so far, in order. */
        public java.util.List<ManualDebouncer> made() {
            return java.util.List.copyOf(made);
        }

        /** Runs what waits in each of them (the user paused everywhere). */
        public void flushAll() {
            made.forEach(ManualDebouncer::flush);
        }
    }
}
