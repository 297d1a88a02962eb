package io.spineconsole.sandbox.outcome;

/**
 * What a store, rule, ingest step or job answers when it cannot do what it was asked: the record is
 * not there ({@link NotFound}), the caller read an older version ({@link Stale}), a rule of the
 * domain says no ({@link Refused}), or the input is wrong ({@link Invalid}). They speak the domain,
 * not HTTP: only {@code sandbox.http} turns them into problem details with a status code.
 *
 * <p>Outcomes are answers, not faults, so they carry no stack trace.
 */
public abstract sealed class Outcome extends RuntimeException permits NotFound, Stale, Refused, Invalid {

    protected Outcome(String detail) {
        super(detail, null, false, false);
    }

    /** A sentence for the person who asked: what happened and, where it helps, what to do. */
    public String detail() {
        return getMessage();
    }
}
