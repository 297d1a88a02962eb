package io.spineconsole.domain.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A sandbox's message feed from a Kafka topic, as this instance sees it: whether it has one, the topic and consumer
 * group, the partitions this instance stores now and how far behind it is in them ({@code lag}, records), what it
 * has stored and set aside since it started, and how many records the whole group has quarantined.
 */
public record FeedStatus(boolean configured, String topic, String group, boolean publishing, String state,
                         List<Integer> partitions, Long lag, long recordsRead, long messagesStored,
                         long quarantinedHere, long quarantinedTotal, double storedPerSecond, Instant lastBatchAt) {
    public FeedStatus {
        partitions = List.copyOf(partitions);
    }

    /** A sandbox that runs its own simulator: no feed. */
    public static FeedStatus none(long quarantinedTotal) {
        return new FeedStatus(false, null, null, false, "off", List.of(), null, 0, 0, 0, quarantinedTotal, 0, null);
    }
}
