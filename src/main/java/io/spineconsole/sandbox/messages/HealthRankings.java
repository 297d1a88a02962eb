package io.spineconsole.sandbox.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Endpoint health rankings (every row of a query in order) kept between requests, so that a page
 * is read off an ordered list instead of ~100,000 rows being made and ranked per request. A ranking
 * is served as it is while nothing it was made from has changed (its stamp: the counters' and the
 * backlog's change count, the directory and the organisation names), so without traffic every
 * answer is exact. Under traffic one is served at most {@code maxStale} old (or ten times what it
 * took to make, if longer) while {@link #refresh}
 * (on a timer) ranks again in the background the queries asked for in the last
 * {@link #REFRESH_WHILE_ASKED}; older than that, the request ranks it itself. Queries not asked for
 * in {@link #KEEP_WARM} are dropped. At most {@link #MAX_ROWS} rows are kept in all
 * (~250 bytes a row: ~100 MB; the least recently asked query goes first).
 */
final class HealthRankings<R> {
    /** How often rankings whose inputs changed are made again. */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** How old a ranking may be served once its inputs changed (the roll-up flush interval too). */
    static final Duration MAX_STALE = Duration.ofSeconds(5);
    /** Only queries asked for in this long are ranked again in the background (each costs ~0.1-1 s of CPU). */
    static final Duration REFRESH_WHILE_ASKED = Duration.ofSeconds(15);
    /** Queries not asked for in this long are dropped. */
    static final Duration KEEP_WARM = Duration.ofMinutes(1);
    /** Rows kept in all: four rankings of every endpoint at the national directory. */
    static final int MAX_ROWS = 400_000;

    /** Makes a query's ranking as of {@code now}. */
    interface Ranker<R> {
        R rank(Instant now);
    }

    /** A ranking, what it was made from, when (nanoTime) and how long it took. */
    private record Made<R>(R value, Object stamp, long at, long took) {
    }

    private static final class Kept<R> {
        final Ranker<R> ranker;
        /** The clock the query was asked at, and when (nanoTime): a background ranking's "now" follows on from it. */
        final Instant askedAt;
        final long askedNanos;
        volatile Made<R> made;
        volatile long usedAt;

        Kept(Ranker<R> ranker, Instant askedAt, long askedNanos, Made<R> made) {
            this.ranker = ranker;
            this.askedAt = askedAt;
            this.askedNanos = askedNanos;
            this.made = made;
            this.usedAt = askedNanos;
        }
    }

    private final Supplier<Object> stamp;
    private final java.util.function.ToIntFunction<R> rows;
    private final long maxStaleNanos;
    private final Map<String, Kept<R>> kept = new ConcurrentHashMap<>();

    HealthRankings(Supplier<Object> stamp, java.util.function.ToIntFunction<R> rows, Duration maxStale) {
        this.stamp = stamp;
        this.rows = rows;
        this.maxStaleNanos = maxStale.toNanos();
    }

    /** The ranking of the query {@code key}: kept if still good, else made now by {@code ranker}. */
    R get(String key, Instant now, Ranker<R> ranker) {
        Object current = stamp.get();
        long t = System.nanoTime();
        Kept<R> k = kept.get(key);
        if (k != null) {
            k.usedAt = t;
            Made<R> m = k.made;
            if (m.stamp().equals(current) || t - m.at() < stale(m)) {
                return m.value();
            }
        }
        R value = ranker.rank(now);
        kept.put(key, new Kept<>(ranker, now, t, new Made<>(value, current, t, System.nanoTime() - t)));
        while (kept.size() > 1 && kept.values().stream().mapToLong(x -> rows.applyAsInt(x.made.value())).sum() > MAX_ROWS) {
            kept.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().usedAt))
                    .ifPresent(e -> kept.remove(e.getKey(), e.getValue()));
        }
        return value;
    }

    /** Ranks again the kept queries whose inputs changed; drops those not asked for lately. */
    void refresh() {
        long t = System.nanoTime();
        kept.values().removeIf(k -> t - k.usedAt > KEEP_WARM.toNanos());
        for (Kept<R> k : kept.values()) {
            if (t - k.usedAt > REFRESH_WHILE_ASKED.toNanos()) {
                continue; // not being looked at: ranked again when next asked for (or served, if still good)
            }
            Object current = stamp.get();
            Made<R> m = k.made;
            // A costly ranking (a sort on p95 over days reads every endpoint's hours from the store) is made again
            // at most once per five times its cost, so the store is never kept busy with it.
            if (!m.stamp().equals(current) && System.nanoTime() - m.at() >= 5 * m.took()) {
                long started = System.nanoTime();
                R value = k.ranker.rank(k.askedAt.plusNanos(started - k.askedNanos));
                k.made = new Made<>(value, current, started, System.nanoTime() - started);
            }
        }
    }

    /** How old a changed ranking may be served: {@code maxStale}, or ten times its cost if longer (none if zero). */
    private long stale(Made<R> m) {
        return maxStaleNanos == 0 ? 0 : Math.max(maxStaleNanos, 10 * m.took());
    }

    /** Rankings kept (tests). */
    int size() {
        return kept.size();
    }
}
