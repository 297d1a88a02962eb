package io.spineconsole.domain.sds;

/**
 * The ebXML reliability settings SDS publishes on an MHS endpoint (the
 * {@code Extension-SDS-ReliabilityConfiguration} extension), each as SDS writes it, or null when
 * SDS leaves it out: {@code syncReplyMode} ({@code None}, {@code MSHSignalsOnly},
 * {@code SignalsAndResponse}), {@code retryInterval} and {@code persistDuration} (ISO-8601
 * durations), {@code retries} (a whole number, as text), {@code duplicateElimination} and
 * {@code ackRequested} ({@code always}, {@code never}), {@code actor} (an ebXML actor URN).
 */
public record SdsReliability(String syncReplyMode, String retryInterval, String retries, String persistDuration,
                             String duplicateElimination, String ackRequested, String actor) {

    /** True when SDS gave none of the settings. */
    public boolean isEmpty() {
        return syncReplyMode == null && retryInterval == null && retries == null && persistDuration == null
                && duplicateElimination == null && ackRequested == null && actor == null;
    }
}
