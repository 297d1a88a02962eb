package io.spineconsole.sandbox.outcome;

/**
 * The caller changed a record from a version that is no longer the stored one: nothing was
 * written, and the current record goes back so the caller can compare and apply again.
 */
public final class Stale extends Outcome {
    private final long expected;
    private final long actual;
    private final transient Object current;

    public Stale(long expected, long actual, Object current) {
        super("The record has changed since you read it (you have version " + expected + ", it is now at version "
                + actual + "). Review the current version and apply your change again.");
        this.expected = expected;
        this.actual = actual;
        this.current = current;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }

    /** The record as it stands now. */
    public Object current() {
        return current;
    }
}
