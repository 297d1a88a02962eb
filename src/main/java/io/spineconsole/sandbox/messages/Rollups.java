package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Roll-ups of message counts, errors and latency per key by minute (and, for endpoints, by hour),
 * kept at ingest: the sandbox is the only writer, so it keeps the recent window (the last
 * {@link #KEEP} before the newest message) whole in memory for the default views (by interaction,
 * by site, endpoints ranked by hour) and answers them without reading the store. Changes are written on an interval: small groupings every flush, endpoint
 * cells (up to one per endpoint and minute at the national directory) once their bucket has closed.
 *
 * <p>Crash safety: {@code message_rollup_state.dirty_from} says from which hour stored roll-ups may
 * be behind the stored messages. An ingest that changes an older bucket lowers it in the same
 * transaction as its rows; a flush raises it to the oldest bucket still unwritten. After a crash,
 * {@link RollupRebuild} recomputes everything from that hour from the stored messages before
 * statistics are served.
 */
final class Rollups {
    static final String INTERACTION = StatsGroup.INTERACTION.code();
    static final String SITE = StatsGroup.SITE.code();
    static final String ENDPOINT = StatsGroup.ENDPOINT.code();
    /** Site × interaction, for filtered site views. */
    static final String SITE_INTERACTION = "site-inter";
    /** Per endpoint and clock hour: ranks ~100,000 endpoints from one cell each per hour. */
    static final String ENDPOINT_HOUR = "endpoint-h";
    static final List<String> GROUPS = List.of(INTERACTION, SITE, SITE_INTERACTION, ENDPOINT, ENDPOINT_HOUR);
    /**
     * Kept whole in memory for the recent window: what the default views read. Endpoint minutes are
     * too many as cells (endpoint health keeps their figures sparsely: {@link HealthMinutes}), and site ×
     * interaction (a filtered view) several times the rest: only their changes are.
     */
    static final Set<String> KEPT = Set.of(INTERACTION, SITE, ENDPOINT_HOUR);
    /** How far back from the newest message the roll-ups are kept whole in memory. */
    static final Duration KEEP = Duration.ofHours(2);
    /** A bucket counts as closed once the newest message received is this far past its end. */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration STALE_CLAIM = Duration.ofMinutes(10);
    private static final Instant FAR_FUTURE = Instant.parse("9000-01-01T00:00:00Z");
    /**
     * Changed cells waiting for a flush beyond which the writer that adds to them flushes first. At the pace messages
     * happen, the 5 s flush keeps them to a few hundred thousand even at the national directory (a cell per endpoint
     * and minute, until the minute closes); a history written many times faster than it happened (a seeding, a
     * benchmark's build) touches the cells of many minutes between two flushes, faster than a flush writes them, and
     * would fill the heap (a 10 M history on PostgreSQL left 4 M cells pending in a 3 GB heap). The Kafka feed adds
     * its changes to the store in each batch's transaction and keeps none pending.
     */
    static final int MAX_PENDING = 1_000_000;
    private final int maxPending;
    /** Cells a writer's last flush left pending (not yet due): the next waits until as many again have been added. */
    private volatile int leftByLastForcedFlush;

    private final Sql sql;
    private final RollupStore store;
    private final Object flushing = new Object();
    /** Readers of stored cells hold it shared; a flush holds it alone from taking its cells to committing them. */
    private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();
    private final RollupCells cells = new RollupCells();
    /** The messages waiting now, kept beside the roll-ups for endpoint health. */
    private final Backlog backlog = new Backlog();
    /** Per endpoint by hour for the last 7 days and by minute for the last hours, kept for endpoint health. */
    private final HealthKept health = new HealthKept();
    /** Counted changes to the counters (with the backlog's, what a kept endpoint health ranking was made from). */
    private long changes;
    private final Map<Hold, Instant> claims = new IdentityHashMap<>();
    /** Kept groupings are whole in memory for buckets at or after this; none until {@link #open}. */
    private Instant horizon = Instant.MAX;
    private Instant newest = Instant.EPOCH;
    /** What is recorded (or being recorded) as dirty_from; null when nothing is. */
    private Instant floorKnown;

    private final boolean postgres;

    Rollups(Sql sql, boolean postgres) {
        this(sql, postgres, MAX_PENDING);
    }

    /** @param maxPending changed cells beyond which a writer flushes them itself ({@link #flushIfBehind}) */
    Rollups(Sql sql, boolean postgres, int maxPending) {
        this.sql = sql;
        this.postgres = postgres;
        this.store = new RollupStore(postgres);
        this.maxPending = maxPending;
    }

    /**
     * Before anything is served: rebuilds what a crash left behind, then loads the recent window
     * (the {@link #KEEP} before the newest stored message) into memory.
     */
    void open(Instant now) {
        RollupRebuild.ifNeeded(sql, postgres);
        backlog.load(sql);
        Instant latest = sql.one("SELECT created_at FROM message ORDER BY created_at DESC, message_id DESC "
                + "FETCH FIRST 1 ROWS ONLY", r -> Sql.instant(r, "created_at")).orElse(now);
        Instant from = latest.minus(KEEP).truncatedTo(ChronoUnit.HOURS);
        Map<RollupCell.Key, RollupCell> loaded = sql.inConnection(c -> RollupStore.window(c, KEPT, from, FAR_FUTURE, true));
        synchronized (this) {
            health.load(sql, latest.isAfter(now) ? latest : now);
            cells.clear();
            loaded.forEach((k, v) -> {
                v.stored = true;
                cells.put(k, v);
            });
            horizon = from;
            newest = latest;
            floorKnown = null;
        }
    }

    Backlog backlog() {
        return backlog;
    }

    /** Counts a newly received message and, when it has one, its final outcome. */
    synchronized void received(MessageRow row) {
        account(row, true, row.becameFinal);
    }

    /** Counts a final outcome reached after the message was received (a late failure, a retry that worked). */
    synchronized void finished(MessageRow row) {
        account(row, false, true);
    }

    private void account(MessageRow row, boolean received, boolean finished) {
        RollupKeys.count(row, received, finished, k -> {
            RollupCell c = cellFor(k);
            cells.markDirty(k, c);
            return c;
        });
        changes++;
        health.count(row, received, finished);
        if (row.createdAt.isAfter(newest)) {
            newest = row.createdAt;
        }
    }

    /**
     * Several instances write one store (the Kafka feed): none holds a window whole, so every cell counted here is a
     * change to add to the stored one, and statistics read the store (with this instance's unwritten changes over it).
     */
    synchronized void readFromStore() {
        cells.clear();
        horizon = Instant.MAX;
        // this instance sees only its share of the traffic: endpoint health reads the store instead
        health.shareStore();
        changes++;
    }

    /**
     * Received, failed and dead-lettered per endpoint over the hours in [{@code from}, {@code to}) from the counters
     * kept at ingest ({@link HealthCounters}), or null when the window reaches before them or this instance shares the
     * store with others (then only the store has every count).
     */
    synchronized HealthCounters.Totals healthTotals(Instant from, Instant to) {
        return health.totals(from, to);
    }

    /**
     * Visits {@code keys}' endpoint minute cells in [{@code from}, {@code to}) from those kept at ingest
     * ({@link HealthMinutes}; as {@link #visit} would, under this lock), or visits none and answers false when the
     * window reaches before them or the counters are not whole.
     */
    synchronized boolean visitHealthMinutes(Collection<String> keys, Instant from, Instant to,
                                            java.util.function.BiConsumer<RollupCell.Key, RollupCell> action) {
        return health.visitMinutes(keys, from, to, action);
    }

    /** The roll-ups before {@code cutoff} were deleted (retention): the counters forget those hours too. */
    synchronized void expired(Instant cutoff) {
        changes++;
        health.expireBefore(cutoff);
    }

    /** Changes counted so far to what endpoint health reads in memory: the counters and the backlog. */
    synchronized long healthChanges() {
        return changes + backlog.changes();
    }

    /** Bytes the health counters' and minutes' arrays take (benchmarks). */
    synchronized long[] healthBytes() {
        return health.arrayBytes();
    }

    /**
     * Visits the cells {@link #read} would return, without copying them when the window is whole in memory (then
     * under this lock: {@code action} must be quick and must not keep or change the cells).
     */
    void visit(String group, Collection<String> keys, Instant from, Instant to,
               java.util.function.BiConsumer<RollupCell.Key, RollupCell> action) {
        synchronized (this) {
            if (KEPT.contains(group) && !from.isBefore(horizon)) {
                cells.forEach(group, keys, from, to, action);
                return;
            }
        }
        read(group, keys, from, to).forEach(action);
    }

    private RollupCell cellFor(RollupCell.Key k) {
        RollupCell c = cells.get(k);
        if (c == null) {
            c = new RollupCell(KEPT.contains(k.group()) && !k.bucket().isBefore(horizon));
            cells.put(k, c);
        }
        return c;
    }

    /** A batch about to be written: its claim on the recorded dirty_from, until it has been counted. */
    final class Hold {
        private final Instant bucket;
        private final boolean lower;
        private final long madeAt = System.nanoTime();

        private Hold(Instant bucket, boolean lower) {
            this.bucket = bucket;
            this.lower = lower;
        }

        /** In the batch's own transaction: records that roll-ups may be behind from its oldest hour. */
        void persist(Connection c) throws SQLException {
            if (lower) {
                RollupStore.lowerDirtyFrom(c, bucket);
            }
        }

        /** Once the batch is counted (or was not written): the claim ends. */
        void release(boolean committed) {
            synchronized (Rollups.this) {
                claims.remove(this);
                if (committed && lower && (floorKnown == null || bucket.isBefore(floorKnown))) {
                    floorKnown = bucket;
                }
            }
        }
    }

    /** Claims the hour of the oldest of {@code rows} before they are written (see {@link Hold}). */
    synchronized Hold hold(List<MessageRow> rows) {
        Instant oldest = null;
        for (MessageRow r : rows) {
            if (oldest == null || r.createdAt.isBefore(oldest)) {
                oldest = r.createdAt;
            }
        }
        Instant bucket = (oldest == null ? newest : oldest).truncatedTo(ChronoUnit.HOURS);
        Hold h = new Hold(bucket, floorKnown == null || bucket.isBefore(floorKnown));
        claims.put(h, bucket);
        return h;
    }

    /**
     * After a writer's batch: flushes on the writer's thread when more than {@code maxPending} changed cells wait,
     * which holds the writers back to the pace the store takes the roll-ups at (see {@link #MAX_PENDING}).
     */
    void flushIfBehind() {
        int pending = pendingCells();
        if (pending <= maxPending) {
            leftByLastForcedFlush = 0;
            return;
        }
        if (pending > maxPending + leftByLastForcedFlush) {
            flush();
            leftByLastForcedFlush = pendingCells();
        }
    }

    /** Changed cells not yet written. */
    synchronized int pendingCells() {
        return cells.dirtyCount();
    }

    /** Writes what is due: small groupings' changes, endpoint cells of closed buckets. */
    void flush() {
        flush(false);
    }

    /** Writes every change, closed bucket or not (at shutdown). */
    void flushAll() {
        flush(true);
    }

    private void flush(boolean all) {
        synchronized (flushing) {
            storeLock.writeLock().lock();
            try {
                Map<RollupCell.Key, RollupCell> complete = new HashMap<>();
                Map<RollupCell.Key, RollupCell> deltas = new HashMap<>();
                synchronized (this) {
                    Instant closedBefore = newest.minus(GRACE);
                    for (RollupCell.Key k : cells.dirtyKeys()) {
                        if (!(all || due(k, closedBefore))) {
                            continue;
                        }
                        RollupCell c = cells.get(k);
                        if (c.complete) {
                            complete.put(k, c.copy());
                            cells.markClean(k, c);
                        } else {
                            deltas.put(k, c);
                            cells.remove(k);
                        }
                    }
                    if (complete.isEmpty() && deltas.isEmpty() && java.util.Objects.equals(floorKnown, floorNow())) {
                        evict();
                        return;
                    }
                }
                write(complete, deltas);
            } finally {
                storeLock.writeLock().unlock();
            }
        }
    }

    private static boolean due(RollupCell.Key k, Instant closedBefore) {
        if (!k.group().equals(ENDPOINT) && !k.group().equals(ENDPOINT_HOUR)) {
            return true;
        }
        Duration length = k.group().equals(ENDPOINT) ? Duration.ofMinutes(1) : Duration.ofHours(1);
        return !k.bucket().plus(length).isAfter(closedBefore);
    }

    private void write(Map<RollupCell.Key, RollupCell> complete, Map<RollupCell.Key, RollupCell> deltas) {
        try {
            sql.inConnection(c -> {
                boolean auto = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    store.writeComplete(c, complete);
                    store.addDeltas(c, deltas);
                    synchronized (this) {
                        Instant floor = floorNow();
                        RollupStore.setDirtyFrom(c, floor);
                        c.commit();
                        floorKnown = floor;
                        complete.keySet().forEach(k -> {
                            RollupCell kept = cells.get(k);
                            if (kept != null) {
                                kept.stored = true;
                            }
                        });
                        evict();
                    }
                    return null;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(auto);
                }
            });
        } catch (RuntimeException e) {
            synchronized (this) {
                complete.keySet().forEach(k -> {
                    RollupCell kept = cells.get(k);
                    if (kept != null) {
                        cells.markDirty(k, kept);
                    }
                });
                deltas.forEach((k, d) -> {
                    RollupCell now = cells.get(k);
                    if (now == null) {
                        d.dirty = true;
                        cells.put(k, d);
                    } else {
                        now.add(d.count, d.errors, d.latency);
                        cells.markDirty(k, now);
                    }
                });
            }
            throw e;
        }
    }

    /** The hour from which something is not yet written: the oldest dirty cell or batch in flight; null if none. */
    private Instant floorNow() {
        Instant floor = null;
        for (RollupCell.Key k : cells.dirtyKeys()) {
            if (floor == null || k.bucket().isBefore(floor)) {
                floor = k.bucket();
            }
        }
        // A claim whose transaction never reported back (it failed in a caller's hands) stops counting after a while.
        claims.keySet().removeIf(h -> System.nanoTime() - h.madeAt > STALE_CLAIM.toNanos());
        for (Instant claimed : claims.values()) {
            if (floor == null || claimed.isBefore(floor)) {
                floor = claimed;
            }
        }
        return floor == null ? null : floor.truncatedTo(ChronoUnit.HOURS);
    }

    /** Moves the kept window on with the newest message, dropping written cells that fell out of it. */
    private void evict() {
        Instant from = newest.minus(KEEP).truncatedTo(ChronoUnit.HOURS);
        if (!from.isAfter(horizon)) {
            return;
        }
        horizon = from;
        cells.evictBefore(KEPT, from);
    }

    /**
     * Cells of one grouping with buckets in [{@code from}, {@code to}), only those of {@code keys}
     * when given: from memory alone inside the kept window, else the stored cells with what memory
     * holds laid over them.
     */
    Map<RollupCell.Key, RollupCell> read(String group, Collection<String> keys, Instant from, Instant to) {
        synchronized (this) {
            if (KEPT.contains(group) && !from.isBefore(horizon)) {
                Map<RollupCell.Key, RollupCell> out = new HashMap<>();
                overlay(out, group, keys, from, to);
                return out;
            }
        }
        storeLock.readLock().lock();
        try {
            Map<RollupCell.Key, RollupCell> out = sql.inConnection(c -> keys == null
                    ? RollupStore.window(c, List.of(group), from, to, false)
                    : store.forKeys(c, group, keys, from, to));
            synchronized (this) {
                overlay(out, group, keys, from, to);
            }
            return out;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    private void overlay(Map<RollupCell.Key, RollupCell> out, String group, Collection<String> keys, Instant from,
                         Instant to) {
        cells.forEach(group, keys, from, to, (k, cell) -> {
            RollupCell c = cell.copy();
            if (c.complete) {
                out.put(k, c);
            } else {
                out.merge(k, c, (a, b) -> {
                    a.add(b.count, b.errors, b.latency);
                    return a;
                });
            }
        });
    }

    /**
     * Messages and errors per key of one grouping over buckets in [{@code from}, {@code to}): from memory alone
     * inside the kept window (no cell is copied), else summed from {@link #read}.
     */
    Map<String, long[]> totals(String group, Instant from, Instant to) {
        Map<String, long[]> out = new HashMap<>();
        synchronized (this) {
            if (KEPT.contains(group) && !from.isBefore(horizon)) {
                cells.sumCounts(group, from, to, out);
                return out;
            }
        }
        read(group, null, from, to).forEach((k, c) -> {
            long[] sum = out.computeIfAbsent(k.key(), x -> new long[2]);
            sum[0] += c.count;
            sum[1] += c.errors;
        });
        return out;
    }

    /**
     * Messages and errors per key of a kept grouping over [{@code from}, {@code to}), added up by the store for the
     * buckets before the kept window (no cell read into memory, no histogram decoded: endpoint health over days at
     * the national directory) and from memory inside it. Changes to older buckets not yet written are added; a
     * whole cell not yet rewritten counts as stored, until the next flush (seconds).
     */
    Map<String, long[]> sums(String group, Instant from, Instant to) {
        if (!KEPT.contains(group)) {
            return totals(group, from, to);
        }
        storeLock.readLock().lock(); // no flush moves the kept window or writes cells meanwhile
        try {
            Instant split;
            synchronized (this) {
                split = horizon.isAfter(from) ? horizon.isBefore(to) ? horizon : to : from;
            }
            Map<String, long[]> out = new HashMap<>();
            if (split.isAfter(from)) {
                sql.list("SELECT group_key, SUM(msg_count) AS n, SUM(error_count) AS e FROM message_rollup "
                        + "WHERE group_by = ? AND minute_start >= ? AND minute_start < ? GROUP BY group_key", r -> {
                            long[] sum = out.computeIfAbsent(r.getString(1), x -> new long[2]);
                            sum[0] += r.getLong(2);
                            sum[1] += r.getLong(3);
                            return null;
                        }, group, from, split);
            }
            synchronized (this) {
                cells.sumCounts(group, split, to, out);
                cells.forEach(group, null, from, split, (k, c) -> {
                    if (!c.complete) {
                        long[] sum = out.computeIfAbsent(k.key(), x -> new long[2]);
                        sum[0] += c.count;
                        sum[1] += c.errors;
                    }
                });
            }
            return out;
        } finally {
            storeLock.readLock().unlock();
        }
    }

    /** Test hook: forgets every change not yet written, as a crash would. */
    synchronized void dropUnwritten() {
        cells.clear();
        health.clear();
        changes++;
        claims.clear();
        horizon = Instant.MAX;
    }

    /** The state of the recorded dirty_from, as this process knows it (tests). */
    synchronized Instant floorKnown() {
        return floorKnown;
    }
}
