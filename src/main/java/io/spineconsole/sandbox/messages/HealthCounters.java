package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Per endpoint and clock hour, for the last {@link #HOURS} hours: messages received, failed and
 * dead-lettered, in primitive arrays (one {@code int[]} per hour and figure, indexed by a dense
 * endpoint number), so that endpoint health adds up a window over the national directory without
 * reading the store or walking roll-up cells. Kept at ingest beside the roll-ups (the same figures
 * as the {@link Rollups#ENDPOINT_HOUR} cells, plus dead letters by the hour their message came) and
 * loaded from the stored roll-ups and the status index when they are opened, after any rebuild.
 * Heap at the national directory (100,000 endpoints): 4 bytes per endpoint, hour and figure, 0.4 MB
 * an hour per figure with any (received and failed every hour, dead letters most hours): ~1.2 MB an
 * hour, ~205 MB for 7 full days. Not thread-safe: {@link Rollups} guards it.
 */
final class HealthCounters {
    /** Hours kept: a 7-day window starts on the hour before, so it touches up to 169. */
    static final int HOURS = 7 * 24 + 2;
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final int RECEIVED = 0;
    private static final int FAILED = 1;
    private static final int DEAD = 2;

    private final Map<String, Integer> index = new HashMap<>();
    private String[] keys = new String[1024];
    private UUID[] ids = new UUID[1024];
    private int size;
    /** Per slot (hour modulo {@link #HOURS}) and figure, per endpoint number; null while the hour has none. */
    private final int[][][] slots = new int[HOURS][3][];
    /** The epoch hour each slot holds; {@code Long.MIN_VALUE} when none. */
    private final long[] slotHour = new long[HOURS];
    /** Hours before this were never loaded (or have expired): a window reaching them is not answered here. */
    private long firstHour = Long.MAX_VALUE;
    private long newestHour = Long.MIN_VALUE;

    HealthCounters() {
        Arrays.fill(slotHour, Long.MIN_VALUE);
    }

    /**
     * Totals of a window, per endpoint number, with each number's roll-up key and endpoint id (null for a key that
     * names none); only {@code size} entries are meaningful.
     */
    record Totals(int size, String[] keys, UUID[] ids, long[] received, long[] failed, long[] dead) {
    }

    /**
     * Loads the stored endpoint hours and dead letters since {@code newest}'s hour less {@link #HOURS} - 1; run when
     * the roll-ups are opened, before ingest, with nothing held in memory.
     */
    void load(Sql sql, Instant newest) {
        Instant from = start(newest);
        sql.list("SELECT group_key, minute_start, msg_count, error_count FROM message_rollup WHERE group_by = ? "
                + "AND minute_start >= ?", r -> {
                    add(Sql.instant(r, "minute_start"), r.getString("group_key"), r.getLong("msg_count"),
                            r.getLong("error_count"), 0);
                    return null;
                }, Rollups.ENDPOINT_HOUR, from);
        sql.list("SELECT endpoint_id, created_at FROM message WHERE status = 'dead-lettered' AND created_at >= ?",
                r -> {
                    String endpoint = r.getString("endpoint_id");
                    if (endpoint != null) {
                        add(Sql.instant(r, "created_at"), endpoint, 0, 0, 1);
                    }
                    return null;
                }, from);
    }

    /** Empty, answering for the {@link #HOURS} hours to {@code newest}'s; returns the first hour's start. */
    Instant start(Instant newest) {
        clear();
        newestHour = hour(newest);
        firstHour = newestHour - HOURS + 1;
        return Instant.ofEpochMilli(firstHour * HOUR_MS);
    }

    void clear() {
        index.clear();
        Arrays.fill(keys, null);
        Arrays.fill(ids, null);
        size = 0;
        for (int[][] s : slots) {
            Arrays.fill(s, null);
        }
        Arrays.fill(slotHour, Long.MIN_VALUE);
        firstHour = Long.MAX_VALUE;
        newestHour = Long.MIN_VALUE;
    }

    /** Adds to an endpoint's hour (by its roll-up key); hours that fell out of the kept ones are ignored. */
    void add(Instant at, String key, long received, long failed, long dead) {
        if (firstHour == Long.MAX_VALUE) {
            return; // not loaded: nothing is answered from here
        }
        long h = hour(at);
        if (h > newestHour) {
            newestHour = h;
        }
        if (h < Math.max(firstHour, newestHour - HOURS + 1)) {
            return;
        }
        int slot = (int) Math.floorMod(h, (long) HOURS);
        if (slotHour[slot] != h) {
            Arrays.fill(slots[slot], null); // an hour that fell out of the ring
            slotHour[slot] = h;
        }
        int e = number(key);
        bump(slot, RECEIVED, e, received);
        bump(slot, FAILED, e, failed);
        bump(slot, DEAD, e, dead);
    }

    private void bump(int slot, int figure, int endpoint, long n) {
        if (n == 0) {
            return;
        }
        int[] column = slots[slot][figure];
        if (column == null || endpoint >= column.length) {
            // As long as the endpoints known (not the index's spare room); grown by a quarter when a new one comes.
            column = column == null ? new int[size] : Arrays.copyOf(column, Math.max(size, column.length * 5 / 4));
            slots[slot][figure] = column;
        }
        column[endpoint] = Math.toIntExact(column[endpoint] + n);
    }

    private int number(String key) {
        Integer known = index.get(key);
        if (known != null) {
            return known;
        }
        if (size == keys.length) {
            int grown = keys.length * 2;
            keys = Arrays.copyOf(keys, grown);
            ids = Arrays.copyOf(ids, grown);
        }
        keys[size] = key;
        ids[size] = endpointId(key);
        index.put(key, size);
        return size++;
    }

    private static UUID endpointId(String key) {
        try {
            return key.equals(StatsStore.UNRESOLVED) ? null : UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Forgets the hours that start before {@code cutoff} (their stored roll-ups expired). */
    void expireBefore(Instant cutoff) {
        long keepFrom = Math.floorDiv(cutoff.toEpochMilli() + HOUR_MS - 1, HOUR_MS);
        if (firstHour == Long.MAX_VALUE || keepFrom <= firstHour) {
            return;
        }
        firstHour = keepFrom;
        for (int s = 0; s < HOURS; s++) {
            if (slotHour[s] != Long.MIN_VALUE && slotHour[s] < keepFrom) {
                Arrays.fill(slots[s], null);
                slotHour[s] = Long.MIN_VALUE;
            }
        }
    }

    /**
     * Totals per endpoint over the hours in [{@code from}, {@code to}) ({@code from} on the hour), or null when the
     * window reaches hours not kept here.
     */
    Totals totals(Instant from, Instant to) {
        long first = hour(from);
        if (firstHour == Long.MAX_VALUE || first < Math.max(firstHour, newestHour - HOURS + 1)) {
            return null;
        }
        long end = Math.floorDiv(to.toEpochMilli() + HOUR_MS - 1, HOUR_MS); // hours starting before to
        long[][] sums = new long[3][size];
        for (int s = 0; s < HOURS; s++) {
            long h = slotHour[s];
            if (h == Long.MIN_VALUE || h < first || h >= end) {
                continue;
            }
            for (int f = 0; f < 3; f++) {
                int[] column = slots[s][f];
                if (column != null) {
                    long[] sum = sums[f];
                    for (int e = 0, n = Math.min(size, column.length); e < n; e++) {
                        sum[e] += column[e];
                    }
                }
            }
        }
        return new Totals(size, keys, ids, sums[RECEIVED], sums[FAILED], sums[DEAD]);
    }

    /** Bytes of the counters' arrays (not the key index), for the heap figure. */
    long arrayBytes() {
        long bytes = 0;
        for (int[][] s : slots) {
            for (int[] column : s) {
                bytes += column == null ? 0 : 16L + 4L * column.length;
            }
        }
        return bytes;
    }

    private static long hour(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), HOUR_MS);
    }
}
