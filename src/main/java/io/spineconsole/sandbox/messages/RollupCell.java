package io.spineconsole.sandbox.messages;

import java.time.Instant;

/**
 * One roll-up cell: messages, errors and a latency histogram for one key in one bucket (a minute,
 * or an hour for {@link Rollups#ENDPOINT_HOUR}). In memory a cell is either <em>complete</em> (it
 * holds the whole value; the stored row, if any, is older) or a <em>delta</em> (changes to add to
 * whatever is stored). Mutable; guarded by the {@link Rollups} that holds it.
 */
final class RollupCell {
    /** Where a cell belongs: its grouping, bucket start and key. */
    record Key(String group, Instant bucket, String key) {
    }

    long count;
    long errors;
    final LatencyHistogram latency;
    /** The whole value (written as it is), rather than changes to add to the stored row. */
    final boolean complete;
    /** A row for this cell is stored (a complete cell is then updated, not inserted). */
    boolean stored;
    /** Changed since it was last written. */
    boolean dirty;

    RollupCell(boolean complete) {
        this(0, 0, new LatencyHistogram(), complete);
    }

    RollupCell(long count, long errors, LatencyHistogram latency, boolean complete) {
        this.count = count;
        this.errors = errors;
        this.latency = latency;
        this.complete = complete;
    }

    void add(long messages, long failed, LatencyHistogram more) {
        count += messages;
        errors += failed;
        latency.addAll(more);
    }

    /** A copy of the figures, for writing or reading outside the lock. */
    RollupCell copy() {
        LatencyHistogram h = new LatencyHistogram();
        h.addAll(latency);
        RollupCell c = new RollupCell(count, errors, h, complete);
        c.stored = stored;
        return c;
    }
}
