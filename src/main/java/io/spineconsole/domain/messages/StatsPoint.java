package io.spineconsole.domain.messages;

import java.time.Instant;

/** One bucket of one series; latency percentiles are null when nothing was delivered. */
public record StatsPoint(Instant bucketStart, String key, long count, long errors, double errorRate, Long p50Ms,
                         Long p95Ms, Long p99Ms) {
}
