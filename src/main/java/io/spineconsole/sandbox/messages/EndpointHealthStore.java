package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.CertificateState;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.paging.PageCursor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Endpoint health: one row per receiving endpoint (or per organisation, its endpoints added up),
 * from what ingest keeps and never by reading message rows. Received, failed and dead-lettered per
 * endpoint and clock hour come from {@link HealthCounters} (the roll-ups' endpoint hours and the
 * status index when a window reaches before them), the backlog now (retrying, in flight, the
 * oldest waiting) from {@link Backlog}. Each query's ranking is kept ({@link HealthRankings}), so a
 * request reads its page off it; only the page's rows (or every row, for a sort on latency or last
 * success, when ranking) have their cells read for latency, deliveries and the sparkline.
 */
public final class EndpointHealthStore {
    /** Windows up to this long read minute cells for the page's rows, longer ones hour cells. */
    static final Duration MINUTE_DETAIL = Duration.ofHours(6);
    /** Sparkline buckets for minute detail: the smallest that gives at most {@link #SPARK_POINTS}. */
    private static final List<StatsBucket> SPARK_BUCKETS = List.of(StatsBucket.MINUTE, StatsBucket.FIVE_MINUTES,
            StatsBucket.QUARTER_HOUR, StatsBucket.HOUR);
    private static final int SPARK_POINTS = 60;
    private static final Duration NAMES_FOR = Duration.ofSeconds(60);
    /** How long a reading of the window's dead letters serves further requests. */
    static final Duration READ_FOR = Duration.ofSeconds(5);

    private final Sql sql;
    private final Rollups rollups;
    private final Supplier<TrafficDirectory> directory;
    private volatile Map<String, String> names = Map.of();
    private volatile Instant namesRead = Instant.EPOCH;
    private volatile Read<Map<String, Long>> dead;

    private final HealthRankings<Ranking> rankings;

    EndpointHealthStore(Sql sql, Rollups rollups, Supplier<TrafficDirectory> directory) {
        this(sql, rollups, directory, HealthRankings.MAX_STALE);
    }

    /** With rankings served at most {@code maxStale} old once their inputs changed (zero: always exact). */
    EndpointHealthStore(Sql sql, Rollups rollups, Supplier<TrafficDirectory> directory, Duration maxStale) {
        this.sql = sql;
        this.rollups = rollups;
        this.directory = directory;
        this.rankings = new HealthRankings<>(() -> new Stamp(rollups.healthChanges(), directory.get(), names),
                r -> r.keys().length, maxStale);
    }

    /** The figures of one row as they are gathered. */
    private static final class Tally {
        final TrafficDirectory.Target target;
        long received;
        long failed;
        long delivered;
        long retrying;
        long deadLettered;
        long inFlight;
        Instant oldestWaiting;
        Instant lastSuccess;
        LatencyHistogram latency;
        long[] sparkReceived;
        long[] sparkFailed;

        Tally(TrafficDirectory.Target target) {
            this.target = target;
        }

        /** The figures kept at ingest, without those read from cells (a page reads its own). */
        Tally copy() {
            Tally c = new Tally(target);
            c.received = received;
            c.failed = failed;
            c.retrying = retrying;
            c.deadLettered = deadLettered;
            c.inFlight = inFlight;
            c.oldestWaiting = oldestWaiting;
            return c;
        }

        void waiting(long n, Instant oldest) {
            inFlight += n;
            if (oldest != null && (oldestWaiting == null || oldest.isBefore(oldestWaiting))) {
                oldestWaiting = oldest;
            }
        }
    }

    /** The window a query covers, and its sparkline's buckets. */
    private record Window(Instant from, Instant to, StatsBucket bucket, String detailGroup) {
        int points() {
            long size = bucket.length().toMillis();
            return (int) Math.max(1, (Duration.between(from, to).toMillis() + size - 1) / size);
        }
    }

    public EndpointHealthPage health(EndpointHealthQuery q, Instant now) {
        return health(q, now, true);
    }

    /**
     * With {@code fast}, received, failed and dead letters come from the counters kept at ingest
     * ({@link HealthCounters}) when they cover the window; without, from the roll-ups and the status index as
     * before them (tests compare the two).
     */
    EndpointHealthPage health(EndpointHealthQuery q, Instant now, boolean fast) {
        Duration length = q.window() == null ? Duration.ofHours(1) : q.window();
        if (length.compareTo(EndpointHealthQuery.SHORTEST) < 0 || length.compareTo(EndpointHealthQuery.LONGEST) > 0) {
            throw Invalid.parameter("query.window", "OUT_OF_RANGE",
                    "'window' must be from 15 minutes (PT15M) to 7 days (P7D).");
        }
        HealthGroup groupBy = q.groupBy() == null ? HealthGroup.ENDPOINT : q.groupBy();
        HealthSort sort = q.sort() == null ? HealthSort.WORST : q.sort();
        int limit = q.limit() == null ? 100 : q.limit();
        String search = String.join("|", length.toString(), groupBy.code(), sort.code(), Boolean.toString(q.reverse()),
                String.valueOf(q.text()), String.valueOf(q.ods()), Boolean.toString(q.failingOnly()));
        HealthOrder order = new HealthOrder(sort, q.reverse());
        HealthOrder.Key after = q.cursor() == null ? null : HealthOrder.decode(PageCursor.decode(q.cursor()), search);

        Window w = window(now, length);
        Ranking ranking = fast
                ? rankings.get(search + "|" + w.from(), now, at -> rank(q, groupBy, order, w.from(), at, true))
                : rank(q, groupBy, order, w.from(), now, false);
        int start = after == null ? 0 : ranking.firstAfter(after, order);
        int end = Math.min(ranking.keys().length, start + limit);
        boolean more = end < ranking.keys().length;
        // The page's rows read their own cells (on copies: a kept ranking is shared): deliveries, latency, last
        // success and the sparkline at the window's resolution. The cursor keeps the key the row was sorted by.
        List<List<Tally>> shown = new ArrayList<>(end - start);
        List<Tally> tallies = new ArrayList<>();
        for (int i = start; i < end; i++) {
            List<Tally> g = new ArrayList<>();
            ranking.groups().get(i).forEach(t -> g.add(t.copy()));
            shown.add(g);
            tallies.addAll(g);
        }
        detail(tallies, w, true, fast);
        Map<String, String> orgNames = organisationNames(now);
        List<EndpointHealth> page = new ArrayList<>(shown.size());
        for (List<Tally> g : shown) {
            page.add(row(groupBy, g, orgNames, now, w));
        }
        String next = more ? PageCursor.after(search, ranking.keys()[end - 1].text()).encode() : null;
        return new EndpointHealthPage(page, next, ranking.keys().length, true, w.from(), w.to(), w.bucket());
    }

    /** Every row of a query in order: each row's sort key and the tallies it adds up, as of when it was ranked. */
    private record Ranking(HealthOrder.Key[] keys, List<List<Tally>> groups) {
        /** Where the rows after the cursor's start. */
        int firstAfter(HealthOrder.Key last, HealthOrder order) {
            int lo = 0;
            int hi = keys.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (order.after(keys[mid], last)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** Ranks every row of a query over [{@code from}, {@code now}): filters, groups, figures to sort on, order. */
    private Ranking rank(EndpointHealthQuery q, HealthGroup groupBy, HealthOrder order, Instant from, Instant now,
                         boolean fast) {
        Window w = new Window(from, now, StatsBucket.HOUR, Rollups.ENDPOINT_HOUR);
        Map<String, String> orgNames = organisationNames(now);
        Map<UUID, Tally> byEndpoint = endpointTallies(w, now, fast);
        // Filters first: only what is left is grouped and ranked.
        String text = q.text() == null ? null : q.text().toLowerCase(Locale.ROOT);
        if (q.ods() != null || text != null) {
            byEndpoint.values().removeIf(t -> (q.ods() != null && !t.target.ods().equals(q.ods()))
                    || (text != null && !matches(t.target, orgNames.get(t.target.ods()), text)));
        }
        List<List<Tally>> groups = new ArrayList<>(byEndpoint.size());
        if (groupBy == HealthGroup.ENDPOINT) {
            byEndpoint.values().forEach(t -> groups.add(List.of(t)));
        } else {
            Map<String, List<Tally>> byOds = new HashMap<>();
            byEndpoint.values().forEach(t -> byOds.computeIfAbsent(t.target.ods(), k -> new ArrayList<>()).add(t));
            groups.addAll(byOds.values());
        }
        HealthSort sort = q.sort() == null ? HealthSort.WORST : q.sort();
        if (sort == HealthSort.P95 || sort == HealthSort.LAST_SUCCESS) {
            // Every row's latency to sort on: from the hour cells (the window starts on the hour, so they hold the
            // same messages as its minutes; the last success is to the hour here), not ~100,000 endpoints' minutes.
            detail(byEndpoint.values(), w, false, fast);
        }
        // Each row's key made once (not at every comparison): ~100,000 rows at the national directory.
        List<Map.Entry<HealthOrder.Key, List<Tally>>> keyed = new ArrayList<>(groups.size());
        for (List<Tally> g : groups) {
            EndpointHealth h = row(groupBy, g, orgNames, now, w);
            if (!q.failingOnly() || h.inTrouble() > 0) {
                keyed.add(Map.entry(order.key(h), g));
            }
        }
        keyed.sort(Map.Entry.comparingByKey(order.keys()));
        for (Tally t : byEndpoint.values()) { // what was read from cells to sort on is not kept (a page reads its own)
            t.latency = null;
            t.sparkReceived = null;
            t.sparkFailed = null;
        }
        HealthOrder.Key[] keys = new HealthOrder.Key[keyed.size()];
        List<List<Tally>> ordered = new ArrayList<>(keyed.size());
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keyed.get(i).getKey();
            ordered.add(keyed.get(i).getValue());
        }
        return new Ranking(keys, ordered);
    }

    /** Ranks again, in the background, the kept rankings whose inputs changed (on the roll-ups' timer). */
    void refreshRankings() {
        rankings.refresh();
    }

    /** What a kept ranking was made from: when this changes, it is made again. */
    private record Stamp(long changes, TrafficDirectory directory, Map<String, String> names) {
    }

    private static Window window(Instant now, Duration length) {
        Instant from = now.minus(length).truncatedTo(ChronoUnit.HOURS);
        Duration span = Duration.between(from, now);
        boolean minutes = length.compareTo(MINUTE_DETAIL) <= 0;
        // Hour detail: one point an hour (169 at most, for 7 days).
        StatsBucket bucket = StatsBucket.HOUR;
        for (StatsBucket b : minutes ? SPARK_BUCKETS : List.<StatsBucket>of()) {
            if (span.toMillis() / b.length().toMillis() < SPARK_POINTS) {
                bucket = b;
                break;
            }
        }
        return new Window(from, now, bucket, minutes ? Rollups.ENDPOINT : Rollups.ENDPOINT_HOUR);
    }

    private static boolean matches(TrafficDirectory.Target t, String orgName, String text) {
        return contains(t.partyKey(), text) || contains(t.asid(), text) || contains(t.fqdn(), text)
                || contains(t.ods(), text) || contains(orgName, text);
    }

    private static boolean contains(String value, String text) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(text);
    }

    /**
     * Received, failed and dead-lettered per endpoint from the counters kept at ingest (or, when they do not cover
     * the window or {@code fast} is off, the hour roll-ups and the status index), and the backlog kept beside them.
     */
    private Map<UUID, Tally> endpointTallies(Window w, Instant now, boolean fast) {
        TrafficDirectory dir = directory.get();
        Map<UUID, Tally> out = new HashMap<>();
        HealthCounters.Totals totals = fast ? rollups.healthTotals(w.from(), w.to()) : null;
        if (totals != null) {
            for (int i = 0; i < totals.size(); i++) {
                if (totals.received()[i] == 0 && totals.failed()[i] == 0 && totals.dead()[i] == 0) {
                    continue;
                }
                Tally t = tally(out, dir, totals.ids()[i]);
                if (t != null) {
                    t.received += totals.received()[i];
                    t.failed += totals.failed()[i];
                    t.deadLettered += totals.dead()[i];
                }
            }
        } else {
            storedTallies(out, dir, w, now, fast);
        }
        for (Backlog.Waiting waiting : rollups.backlog().byEndpoint()) {
            Tally t = tally(out, dir, waiting.endpoint().toString());
            if (t != null) {
                t.waiting(waiting.count(), waiting.oldest());
                t.retrying += waiting.retrying();
            }
        }
        return out;
    }

    /** Received and failed from the hour roll-ups, dead letters from the status index (shared for a while if cached). */
    private void storedTallies(Map<UUID, Tally> out, TrafficDirectory dir, Window w, Instant now, boolean cached) {
        rollups.sums(Rollups.ENDPOINT_HOUR, w.from(), w.to()).forEach((key, sum) -> {
            Tally t = tally(out, dir, key);
            if (t != null) {
                t.received += sum[0];
                t.failed += sum[1];
            }
        });
        deadLetters(w.from(), now, cached).forEach((endpoint, n) -> {
            Tally t = tally(out, dir, endpoint);
            if (t != null) {
                t.deadLettered += n;
            }
        });
    }

    /** What was read from the status index, and when: shared by the requests of the next {@link #READ_FOR}. */
    private record Read<T>(Instant at, Instant from, T value) {
        boolean fresh(Instant now, Instant wanted) {
            return wanted.equals(from) && !now.isBefore(at) && Duration.between(at, now).compareTo(READ_FOR) < 0;
        }
    }

    /** Dead letters received since {@code from} (the window's start), per endpoint: one range of the status index. */
    private Map<String, Long> deadLetters(Instant from, Instant now, boolean cached) {
        Read<Map<String, Long>> last = dead;
        if (cached && last != null && last.fresh(now, from)) {
            return last.value();
        }
        Map<String, Long> read = new HashMap<>();
        sql.list("SELECT endpoint_id, COUNT(*) AS n FROM message WHERE status = 'dead-lettered' AND created_at >= ? "
                + "GROUP BY endpoint_id", r -> read.put(r.getString("endpoint_id"), r.getLong("n")), from);
        read.remove(null); // messages to an unresolved address
        dead = new Read<>(now, from, Map.copyOf(read));
        return read;
    }

    /** The tally of an endpoint the directory knows (messages to an unresolved or retired endpoint have no row). */
    private static Tally tally(Map<UUID, Tally> out, TrafficDirectory dir, String key) {
        if (key == null || key.equals(StatsStore.UNRESOLVED)) {
            return null;
        }
        try {
            return tally(out, dir, UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Tally tally(Map<UUID, Tally> out, TrafficDirectory dir, UUID id) {
        if (id == null) {
            return null;
        }
        Tally t = out.get(id);
        if (t == null) {
            TrafficDirectory.Target target = dir.target(id);
            if (target == null) {
                return null;
            }
            t = new Tally(target);
            out.put(id, t);
        }
        return t;
    }

    /**
     * Deliveries, latency, last success and the sparkline of {@code tallies}, from their own cells: with {@code fast},
     * a page's minute cells from those kept at ingest ({@link HealthMinutes}) when they cover the window.
     */
    private void detail(Collection<Tally> tallies, Window w, boolean sparks, boolean fast) {
        if (tallies.isEmpty()) {
            return;
        }
        Map<String, Tally> byKey = new HashMap<>();
        for (Tally t : tallies) {
            byKey.put(t.target.id().toString(), t);
            t.delivered = 0;
            t.latency = new LatencyHistogram();
            t.lastSuccess = null;
            // No sparkline for the sorting pass over every endpoint: only the page shows one.
            t.sparkReceived = new long[sparks ? w.points() : 0];
            t.sparkFailed = new long[sparks ? w.points() : 0];
        }
        // All keys of the grouping when most are wanted (a sorting pass over the window); a page's by key, however
        // many endpoints its organisations have.
        Collection<String> keys = !sparks && tallies.size() > 500 ? null : byKey.keySet();
        long size = w.bucket().length().toMillis();
        java.util.function.BiConsumer<RollupCell.Key, RollupCell> add = (k, c) -> {
            Tally t = byKey.get(k.key());
            if (t == null) {
                return;
            }
            long deliveries = c.latency.total();
            t.delivered += deliveries;
            t.latency.addAll(c.latency);
            if (deliveries > 0 && (t.lastSuccess == null || k.bucket().isAfter(t.lastSuccess))) {
                t.lastSuccess = k.bucket();
            }
            int i = (int) ((k.bucket().toEpochMilli() - w.from().toEpochMilli()) / size);
            if (i >= 0 && i < t.sparkReceived.length) {
                t.sparkReceived[i] += c.count;
                t.sparkFailed[i] += c.errors;
            }
        };
        boolean kept = fast && keys != null && w.detailGroup().equals(Rollups.ENDPOINT)
                && rollups.visitHealthMinutes(keys, w.from(), w.to(), add);
        if (!kept) {
            rollups.visit(w.detailGroup(), keys, w.from(), w.to(), add);
        }
    }

    private static EndpointHealth row(HealthGroup kind, List<Tally> group, Map<String, String> orgNames, Instant now,
                                      Window w) {
        TrafficDirectory.Target first = group.get(0).target;
        long received = 0;
        long failed = 0;
        long delivered = 0;
        long retrying = 0;
        long dead = 0;
        long inFlight = 0;
        Instant oldest = null;
        Instant lastSuccess = null;
        Instant certEnds = null;
        CertificateState cert = CertificateState.VALID;
        LatencyHistogram latency = new LatencyHistogram();
        long[] sparkReceived = new long[0];
        long[] sparkFailed = new long[0];
        for (Tally t : group) {
            received += t.received;
            failed += t.failed;
            delivered += t.delivered;
            retrying += t.retrying;
            dead += t.deadLettered;
            inFlight += t.inFlight;
            oldest = earlier(oldest, t.oldestWaiting);
            if (t.lastSuccess != null && (lastSuccess == null || t.lastSuccess.isAfter(lastSuccess))) {
                lastSuccess = t.lastSuccess;
            }
            cert = cert.worse(CertificateState.of(t.target.certNotAfter(), now));
            certEnds = earlier(certEnds, t.target.certNotAfter());
            if (t.latency != null) {
                latency.addAll(t.latency);
                if (sparkReceived.length == 0) {
                    sparkReceived = new long[t.sparkReceived.length];
                    sparkFailed = new long[t.sparkFailed.length];
                }
                for (int i = 0; i < sparkReceived.length; i++) {
                    sparkReceived[i] += t.sparkReceived[i];
                    sparkFailed[i] += t.sparkFailed[i];
                }
            }
        }
        boolean endpoint = kind == HealthGroup.ENDPOINT;
        // Failed can run ahead of received only when a message failed in another hour than it came; keep rates sane.
        double errorRate = received == 0 ? 0 : Math.min(1.0, (double) failed / received);
        return new EndpointHealth(kind, first.ods(), orgNames.get(first.ods()), endpoint ? first.id() : null,
                endpoint ? first.partyKey() : null, endpoint ? first.asid() : null, endpoint ? first.fqdn() : null,
                group.size(), received, delivered, failed, retrying, dead, inFlight, oldest, errorRate,
                latency.percentile(0.95), lastSuccess, cert, certEnds, boxed(sparkReceived), boxed(sparkFailed));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static List<Long> boxed(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return out;
    }

    /** Organisation names by ODS code, read at most once a minute (20,000 rows at the national directory). */
    private Map<String, String> organisationNames(Instant now) {
        if (Duration.between(namesRead, now).abs().compareTo(NAMES_FOR) > 0 || names.isEmpty()) {
            Map<String, String> read = new HashMap<>();
            sql.list("SELECT ods_code, name FROM organisation", r -> read.put(r.getString(1), r.getString(2)));
            if (!read.equals(names)) { // the same names keep the same map: kept rankings stay good
                names = java.util.Collections.unmodifiableMap(read);
            }
            namesRead = now;
        }
        return names;
    }
}
