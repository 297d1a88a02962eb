package io.spineconsole.domain.messages;

/** Progress of a redelivery job; {@code done} counts redelivered, failed and skipped messages. */
public record RedeliveryProgress(JobState state, int total, int done, int failed, int skipped) {
}
