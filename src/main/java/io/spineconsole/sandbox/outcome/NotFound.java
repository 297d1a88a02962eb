package io.spineconsole.sandbox.outcome;

/** The record asked for does not exist (or is not visible to the caller). */
public final class NotFound extends Outcome {
    private final String what;

    /** @param what the record in words, for example {@code "Organisation RR8"} */
    public NotFound(String what) {
        super(what + " was not found.");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
