package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.util.Collection;
import java.util.function.BiConsumer;

/**
 * What endpoint health keeps in memory beside the roll-ups, counted at ingest: per endpoint and hour received,
 * failed and dead-lettered ({@link HealthCounters}, for ranking) and per endpoint the recent hours' minute cells
 * ({@link HealthMinutes}, for a page's rows). Answers nothing once several instances share the store (the Kafka
 * feed): each then sees only its share of the traffic, and only the store has every count. Not thread-safe:
 * {@link Rollups} guards it.
 */
final class HealthKept {
    private final HealthCounters counters = new HealthCounters();
    private final HealthMinutes minutes = new HealthMinutes();
    /** False once several instances share the store: the counts here are only this one's share. */
    private boolean whole = true;

    /** Loads what is kept from the store (after any rebuild, before ingest), up to {@code newest}'s hour. */
    void load(Sql sql, Instant newest) {
        counters.load(sql, newest);
        minutes.load(sql, newest);
    }

    /** Counts a message to a known endpoint as {@link RollupKeys#count} counts it in the roll-ups. */
    void count(MessageRow row, boolean received, boolean finished) {
        if (row.endpointId == null) {
            return;
        }
        boolean failed = RollupKeys.failed(row, finished);
        String key = row.endpointKey();
        counters.add(row.createdAt, key, received ? 1 : 0, failed ? 1 : 0,
                finished && row.status == MessageStatus.DEAD_LETTERED ? 1 : 0);
        minutes.add(row.createdAt, key, received, failed, RollupKeys.latency(row, finished));
    }

    /** Several instances write one store from now on: nothing is answered from here. */
    void shareStore() {
        whole = false;
    }

    /** Received, failed and dead-lettered per endpoint over [{@code from}, {@code to}), or null (see the class). */
    HealthCounters.Totals totals(Instant from, Instant to) {
        return whole ? counters.totals(from, to) : null;
    }

    /**
     * Visits {@code keys}' endpoint minute cells in [{@code from}, {@code to}) and answers true, or visits none and
     * answers false when the window reaches before the minutes kept or the counts are not whole.
     */
    boolean visitMinutes(Collection<String> keys, Instant from, Instant to,
                         BiConsumer<RollupCell.Key, RollupCell> action) {
        if (!whole || !minutes.covers(from)) {
            return false;
        }
        minutes.forEach(keys, from, to, action);
        return true;
    }

    /** The roll-ups before {@code cutoff} were deleted (retention): those hours and minutes are forgotten too. */
    void expireBefore(Instant cutoff) {
        counters.expireBefore(cutoff);
        minutes.expireBefore(cutoff);
    }

    /** Forgets everything (a crash, in tests): nothing is answered until loaded again. */
    void clear() {
        counters.clear();
        minutes.clear();
    }

    /** Bytes of the counters' and the minutes' arrays, for the heap figure. */
    long[] arrayBytes() {
        return new long[] {counters.arrayBytes(), minutes.arrayBytes()};
    }
}
