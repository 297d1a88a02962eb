package io.spineconsole.domain.sandbox;

import java.time.Instant;

/**
 * A record of the feed's topic that could not be stored, set aside: where it was, its key, the start of its value
 * (at most 4,096 characters; {@code valueBytes} is its whole size), why ({@code reason}, a stable code, and
 * {@code detail}), and when.
 */
public record QuarantinedRecord(String topic, int partition, long offset, String key, String rawValue, int valueBytes,
                                String reason, String detail, Instant quarantinedAt) {
}
