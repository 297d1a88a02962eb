package io.spineconsole.domain.messages;

/**
 * Progress of a redelivery job; {@code done} counts redelivered, failed and skipped messages.
 * {@code alreadyRedelivered} counts the skipped ones whose earlier copy is in flight or was delivered.
 */
public record RedeliveryProgress(JobState state, int total, int done, int failed, int skipped, int alreadyRedelivered) {
    public RedeliveryProgress(JobState state, int total, int done, int failed, int skipped) {
        this(state, total, done, failed, skipped, 0);
    }
}
