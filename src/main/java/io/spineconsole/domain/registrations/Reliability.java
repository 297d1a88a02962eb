package io.spineconsole.domain.registrations;

/** ebXML reliability settings of an endpoint; durations are ISO-8601 (PT2H). */
public record Reliability(Integer retries, String retryInterval, String persistDuration, ReliabilityFlag ackRequested,
                          ReliabilityFlag duplicateElimination, SyncReplyMode syncReplyMode) {
}
