package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Per endpoint, what its {@link Rollups#ENDPOINT} minute cells hold for the last {@link #HOURS} clock hours (the
 * longest window endpoint health shows minute detail for starts on the hour before), so that a page's rows read
 * their deliveries, p95, last success and sparkline without reading the store. Kept at ingest beside the roll-ups
 * and loaded from the stored minute cells when they are opened, after any rebuild.
 *
 * <p>Sparse: not a cell per endpoint and minute (most endpoints are quiet in any minute) but one {@code int} per
 * message counted, in a growing array per endpoint: its minute, whether it was received and whether it failed,
 * and its latency's histogram bucket. A page's rows' cells are added up from them when asked for. Heap at the
 * national directory (500 messages a second): ~1.8 M messages an hour, ~7 bytes each with the arrays' spare room,
 * ~90 MB for 7 hours, plus ~10 MB for the per-endpoint arrays and keys. Not thread-safe: {@link Rollups} guards
 * it.
 */
final class HealthMinutes {
    /** Clock hours kept: a 6-hour window starts on the hour before, so it touches 7. */
    static final int HOURS = (int) EndpointHealthStore.MINUTE_DETAIL.toHours() + 1;
    private static final long MINUTE_MS = 60_000;
    private static final int SHIFT = 7;
    private static final int RECEIVED = 1 << 5;
    private static final int FAILED = 1 << 6;
    private static final int NO_LATENCY = 31;

    /** Per endpoint key: [0] the events used, then the events (minute since {@link #base} and figures, packed). */
    private final Map<String, int[]> events = new HashMap<>();
    /** The epoch minute events count from. */
    private long base;
    /** Minutes before this were never loaded (or have expired): a window reaching them is not answered here. */
    private long firstMinute = Long.MAX_VALUE;
    private long newestHour = Long.MIN_VALUE;

    /** Loads the stored endpoint minutes of the {@link #HOURS} hours to {@code newest}'s; before ingest. */
    void load(Sql sql, Instant newest) {
        Instant from = start(newest);
        sql.each("SELECT group_key, minute_start, msg_count, error_count, latency_hist FROM message_rollup "
                + "WHERE group_by = ? AND minute_start >= ?", r -> addCell(Sql.instant(r, "minute_start"),
                        r.getString("group_key"), r.getLong("msg_count"), r.getLong("error_count"),
                        LatencyHistogram.decode(r.getString("latency_hist"))), Rollups.ENDPOINT, from);
    }

    /** Empty, answering for the {@link #HOURS} hours to {@code newest}'s; returns the first hour's start. */
    Instant start(Instant newest) {
        clear();
        newestHour = Math.floorDiv(minute(newest), 60);
        firstMinute = (newestHour - HOURS + 1) * 60;
        base = firstMinute;
        return Instant.ofEpochMilli(firstMinute * MINUTE_MS);
    }

    void clear() {
        events.clear();
        firstMinute = Long.MAX_VALUE;
        newestHour = Long.MIN_VALUE;
    }

    /** Counts one message's change to its endpoint's minute (as {@link RollupKeys#count} does to the cell). */
    void add(Instant at, String key, boolean received, boolean failed, Long latencyMs) {
        if (firstMinute == Long.MAX_VALUE || (!received && !failed && latencyMs == null)) {
            return;
        }
        long m = minute(at);
        long h = Math.floorDiv(m, 60);
        if (h > newestHour) {
            newestHour = h;
            dropBefore(start()); // once an hour: every endpoint's events that fell out of the kept hours
        }
        if (m < start()) {
            return;
        }
        append(key, (int) (m - base) << SHIFT | (received ? RECEIVED : 0) | (failed ? FAILED : 0)
                | (latencyMs == null ? NO_LATENCY : LatencyHistogram.bucketOf(latencyMs)));
    }

    /** A stored cell, as the events it adds up to. */
    private void addCell(Instant at, String key, long count, long errors, LatencyHistogram latency) {
        long m = minute(at);
        if (m < start()) {
            return;
        }
        int bucket = 0;
        long inBucket = 0;
        for (long i = 0, n = Math.max(Math.max(count, errors), latency.total()); i < n; i++) {
            int event = (int) (m - base) << SHIFT | (i < count ? RECEIVED : 0) | (i < errors ? FAILED : 0);
            while (bucket < latency.counts.length && inBucket == latency.counts[bucket]) {
                bucket++;
                inBucket = 0;
            }
            if (bucket < latency.counts.length) {
                inBucket++;
                event |= bucket;
            } else {
                event |= NO_LATENCY;
            }
            append(key, event);
        }
    }

    private void append(String key, int event) {
        int[] e = events.get(key);
        if (e == null) {
            e = new int[4];
            events.put(key, e);
        } else if (e[0] + 1 == e.length) {
            // Full: first drop what fell out of the kept hours; grow only if that leaves it more than half full.
            e[0] = compact(e, start() - base);
            if (e[0] + 1 > e.length / 2) {
                e = Arrays.copyOf(e, e.length * 2);
                events.put(key, e);
            }
        }
        e[++e[0]] = event;
    }

    /** Keeps the events from minute {@code keepFrom} (since {@link #base}) on, in order; returns how many. */
    private static int compact(int[] e, long keepFrom) {
        int kept = 0;
        for (int i = 1; i <= e[0]; i++) {
            if ((e[i] >>> SHIFT) >= keepFrom) {
                e[++kept] = e[i];
            }
        }
        return kept;
    }

    private void dropBefore(long minute) {
        for (Iterator<int[]> it = events.values().iterator(); it.hasNext(); ) {
            int[] e = it.next();
            e[0] = compact(e, minute - base);
            if (e[0] == 0) {
                it.remove();
            }
        }
    }

    /** Whether every minute of a window from {@code from} is kept here. */
    boolean covers(Instant from) {
        return firstMinute != Long.MAX_VALUE && from.toEpochMilli() >= start() * MINUTE_MS;
    }

    /**
     * Each of {@code keys}' minute cells with a minute in [{@code from}, {@code to}) as the stored cells with the
     * unwritten changes over them would be (only the figures; cells with none are left out), oldest first.
     */
    void forEach(Collection<String> keys, Instant from, Instant to, BiConsumer<RollupCell.Key, RollupCell> action) {
        long first = Math.floorDiv(from.toEpochMilli() + MINUTE_MS - 1, MINUTE_MS) - base;
        long end = Math.floorDiv(to.toEpochMilli() + MINUTE_MS - 1, MINUTE_MS) - base; // minutes starting before to
        if (first >= end) {
            return;
        }
        RollupCell[] cells = new RollupCell[(int) (end - first)];
        for (String key : keys) {
            int[] e = events.get(key);
            if (e == null) {
                continue;
            }
            for (int i = 1; i <= e[0]; i++) {
                long m = e[i] >>> SHIFT;
                if (m < first || m >= end) {
                    continue;
                }
                int at = (int) (m - first);
                RollupCell c = cells[at] == null ? cells[at] = new RollupCell(true) : cells[at];
                int figures = e[i];
                c.count += (figures & RECEIVED) != 0 ? 1 : 0;
                c.errors += (figures & FAILED) != 0 ? 1 : 0;
                if ((figures & NO_LATENCY) != NO_LATENCY) {
                    c.latency.counts[figures & NO_LATENCY]++;
                }
            }
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] != null) {
                    action.accept(new RollupCell.Key(Rollups.ENDPOINT,
                            Instant.ofEpochMilli((base + first + i) * MINUTE_MS), key), cells[i]);
                    cells[i] = null;
                }
            }
        }
    }

    /** Forgets the minutes that start before {@code cutoff} (their stored roll-ups expired). */
    void expireBefore(Instant cutoff) {
        long keepFrom = Math.floorDiv(cutoff.toEpochMilli() + MINUTE_MS - 1, MINUTE_MS);
        if (firstMinute != Long.MAX_VALUE && keepFrom > firstMinute) {
            firstMinute = keepFrom;
            dropBefore(start());
        }
    }

    /** Bytes of the events' arrays (not the keys), for the heap figure. */
    long arrayBytes() {
        long bytes = 0;
        for (int[] e : events.values()) {
            bytes += 16L + 4L * e.length;
        }
        return bytes;
    }

    /** The first minute answered: the kept hours from the newest message's, from when loaded. */
    private long start() {
        return Math.max(firstMinute, (newestHour - HOURS + 1) * 60);
    }

    private static long minute(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), MINUTE_MS);
    }
}
