package io.spineconsole.domain.messages;

import java.time.Instant;
import java.util.List;

/** Throughput, error rate and latency per bucket and series. */
public record MessageStats(StatsGroup groupBy, StatsBucket bucket, Instant from, Instant to, List<StatsKey> keys,
                           List<StatsPoint> series) {
    public MessageStats {
        keys = List.copyOf(keys);
        series = List.copyOf(series);
    }
}
