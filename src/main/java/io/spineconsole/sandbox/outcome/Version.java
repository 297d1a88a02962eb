package io.spineconsole.sandbox.outcome;

/** The version of a record a caller read and means to change (what it sent as If-Match). */
public record Version(long number) {

    /** Throws {@link Stale} with {@code current} unless the stored version is the one the caller read. */
    public void check(long stored, Object current) {
        if (stored != number) {
            throw new Stale(number, stored, current);
        }
    }
}
