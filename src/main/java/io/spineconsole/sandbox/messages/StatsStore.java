package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.StatsBucket;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsPoint;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Message statistics from the per-minute roll-ups: throughput, errors and latency percentiles per
 * bucket for the top series, the rest summed as {@code other}. Never reads raw message rows.
 */
public final class StatsStore {
    /** Roll-up key of messages whose recipient was never resolved (an unregistered To address). */
    static final String UNRESOLVED = "unresolved";
    static final int MAX_BUCKETS = 1_440;

    private final Sql sql;
    private final Rollups rollups;
    private final Function<UUID, TrafficDirectory.Target> endpoints;

    StatsStore(Sql sql, Rollups rollups, Function<UUID, TrafficDirectory.Target> endpoints) {
        this.sql = sql;
        this.rollups = rollups;
        this.endpoints = endpoints;
    }

    /** Messages and errors counted so far. */
    private static final class Tally {
        long count;
        long errors;

        void add(long messages, long failed) {
            count += messages;
            errors += failed;
        }
    }

    private record Cell(Instant bucket, String key, long count, long errors, LatencyHistogram latency) {
    }

    private static List<Cell> cells(Map<RollupCell.Key, RollupCell> read) {
        List<Cell> out = new ArrayList<>(read.size());
        read.forEach((k, v) -> out.add(new Cell(k.bucket(), k.key(), v.count, v.errors, v.latency)));
        return out;
    }

    /**
     * The {@code size} busiest of the keys offered that are {@code wanted}, most messages first, then by key; a key
     * less busy than all kept is let go at once.
     */
    private static final class Leaders {
        private record Leader(String key, long messages) {
        }

        private static final Comparator<Leader> BUSIEST = Comparator.comparingLong((Leader l) -> -l.messages())
                .thenComparing(Leader::key);
        private final int size;
        private final java.util.function.Predicate<String> wanted;
        /** The least busy kept leader on top. */
        private final java.util.PriorityQueue<Leader> heap = new java.util.PriorityQueue<>(BUSIEST.reversed());

        Leaders(int size, java.util.function.Predicate<String> wanted) {
            this.size = size;
            this.wanted = wanted;
        }

        void offer(String key, long messages) {
            if (messages == 0 || !wanted.test(key)) {
                return;  // a key without messages in the window (a counter's hour without it) is no leader, nor one not wanted
            }
            if (heap.size() == size) {
                Leader least = heap.peek();
                if (messages < least.messages() || messages == least.messages() && key.compareTo(least.key()) > 0) {
                    return;
                }
                heap.poll();
            }
            heap.add(new Leader(key, messages));
        }

        List<String> busiestFirst() {
            return heap.stream().sorted(BUSIEST).map(Leader::key).toList();
        }
    }

    private boolean inOrganisation(String key, String ods) {
        TrafficDirectory.Target t = key.equals(UNRESOLVED) ? null : endpoints.apply(UUID.fromString(key));
        return t != null && t.ods().equals(ods);
    }

    /** The series to show, their cells, and whether an {@code other} series (already among the cells) is shown. */
    private record Ranked(List<Cell> cells, List<String> shown, boolean other) {
    }

    /**
     * Statistics by endpoint over the whole directory: a national directory has ~100,000 endpoints,
     * so an hour holds up to that many cells per minute, too many to read for one chart. Endpoints
     * are ranked on their hourly roll-ups over the clock hours the window touches (one cell per
     * endpoint and hour, in memory for the recent window); the leaders' minutes are read by key, and
     * are exact; everything else is the total of each minute (every message is counted once under
     * its site) less the leaders. With {@code ods}, only that organisation's endpoints are ranked.
     */
    private Ranked topEndpoints(Instant start, Instant end, int top, String ods) {
        Instant hours = start.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        // Every endpoint of the organisation, or the few busiest of ~100,000 (a heap of them, no sort of them all);
        // fed from the counters kept at ingest (the endpoint-hour cells' counts in arrays, a scan of them a few
        // milliseconds) or, when they do not cover the window or this instance shares the store, the cells themselves.
        Leaders leaders = ods == null ? new Leaders(top + 5, key -> true)
                : new Leaders(Integer.MAX_VALUE, key -> inOrganisation(key, ods));
        HealthCounters.Totals kept = rollups.healthTotals(hours, end);
        if (kept != null) {
            for (int e = 0; e < kept.size(); e++) {
                leaders.offer(kept.keys()[e], kept.received()[e]);
            }
        } else {
            rollups.totals(Rollups.ENDPOINT_HOUR, hours, end).forEach((key, sum) -> leaders.offer(key, sum[0]));
        }
        List<String> candidates = leaders.busiestFirst();
        List<Cell> cells = cells(rollups.read(Rollups.ENDPOINT, candidates, start, end));
        Map<String, Long> totals = new HashMap<>();
        cells.forEach(c -> totals.merge(c.key(), c.count(), Long::sum));
        List<String> ranked = totals.keySet().stream()
                .sorted(Comparator.comparingLong((String k) -> -totals.get(k)).thenComparing(k -> k)).toList();
        List<String> shown = ranked.subList(0, Math.min(top, ranked.size()));
        if (ods != null) {
            // Only that organisation's endpoints: those beyond the leaders make "everything else".
            return new Ranked(cells, shown, ranked.size() > top);
        }
        cells.removeIf(c -> !shown.contains(c.key()));
        Map<Instant, Tally> restCounts = new HashMap<>();
        Map<Instant, LatencyHistogram> restLatency = new HashMap<>();
        for (Cell c : cells(rollups.read(Rollups.SITE, null, start, end))) {
            restCounts.computeIfAbsent(c.bucket(), b -> new Tally()).add(c.count(), c.errors());
            restLatency.computeIfAbsent(c.bucket(), b -> new LatencyHistogram()).addAll(c.latency());
        }
        for (Cell c : cells) {
            restCounts.computeIfAbsent(c.bucket(), b -> new Tally()).add(-c.count(), -c.errors());
            restLatency.computeIfAbsent(c.bucket(), b -> new LatencyHistogram()).subtract(c.latency());
        }
        boolean other = false;
        List<Cell> all = new ArrayList<>(cells);
        for (Map.Entry<Instant, Tally> e : restCounts.entrySet()) {
            long n = Math.max(0, e.getValue().count);
            long errors = Math.max(0, Math.min(n, e.getValue().errors));
            if (n > 0) {
                all.add(new Cell(e.getKey(), "other", n, errors, restLatency.get(e.getKey())));
                other = true;
            }
        }
        return new Ranked(all, shown, other);
    }

    /** Statistics for a window (by default the last hour), per bucket, for the top series and the rest. */
    public MessageStats stats(StatsQuery q, Instant now) {
        StatsGroup groupBy = q.groupBy() == null ? StatsGroup.INTERACTION : q.groupBy();
        StatsBucket bucket = q.bucket() == null ? StatsBucket.MINUTE : q.bucket();
        int top = q.top() == null ? 10 : q.top();
        Instant to = q.to() == null ? now : q.to();
        Instant from = q.from() == null ? to.minus(Duration.ofHours(1)) : q.from();
        if (!from.isBefore(to)) {
            throw Invalid.parameter("query.from", "WINDOW_EMPTY", "'from' must be before 'to'.");
        }
        long size = bucket.length().toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), size) * size);
        Instant end = Instant.ofEpochMilli(Math.floorDiv(to.toEpochMilli() + size - 1, size) * size);
        long buckets = (end.toEpochMilli() - start.toEpochMilli()) / size;
        if (buckets > MAX_BUCKETS) {
            // BAD_REQUEST is the problem code openapi.yaml names for a window too wide; the field says why.
            throw new Invalid(Invalid.Part.REQUEST, "At most " + MAX_BUCKETS
                    + " buckets per series: widen 'bucket' or narrow the window.",
                    List.of(new Issue("query.bucket", "WINDOW_TOO_WIDE", buckets + " buckets asked for.")));
        }
        List<Cell> kept;
        List<String> shown;
        boolean other;
        if (groupBy == StatsGroup.ENDPOINT && q.endpointId() == null) {
            refuse(q.interaction() != null, "interaction", groupBy);
            refuse(q.site() != null, "site", groupBy);
            Ranked r = topEndpoints(start, end, top, q.ods());
            kept = r.cells();
            shown = r.shown();
            other = r.other();
        } else {
            Source source = source(groupBy, q);
            Map<String, Tally> totals = new HashMap<>();
            kept = new ArrayList<>();
            for (Cell c : cells(rollups.read(source.group(), source.keys(), start, end))) {
                String key = source.seriesKey.apply(c.key());
                if (key == null || !source.keep.test(key)) {
                    continue;
                }
                kept.add(new Cell(c.bucket(), key, c.count(), c.errors(), c.latency()));
                totals.computeIfAbsent(key, k -> new Tally()).add(c.count(), c.errors());
            }
            List<String> ranked = totals.keySet().stream()
                    .sorted(Comparator.comparingLong((String k) -> -totals.get(k).count).thenComparing(k -> k)).toList();
            shown = new ArrayList<>(ranked.subList(0, Math.min(top, ranked.size())));
            other = ranked.size() > top;
        }
        Map<String, Map<Instant, Cell>> grid = new LinkedHashMap<>();
        for (Cell c : kept) {
            String key = shown.contains(c.key()) ? c.key() : "other";
            Instant b = Instant.ofEpochMilli(Math.floorDiv(c.bucket().toEpochMilli(), size) * size);
            grid.computeIfAbsent(key, k -> new HashMap<>()).merge(b, new Cell(b, key, c.count(), c.errors(), c.latency()),
                    (x, y) -> {
                        LatencyHistogram h = new LatencyHistogram();
                        h.addAll(x.latency());
                        h.addAll(y.latency());
                        return new Cell(b, key, x.count() + y.count(), x.errors() + y.errors(), h);
                    });
        }
        List<StatsKey> keys = new ArrayList<>();
        List<StatsPoint> series = new ArrayList<>();
        List<String> order = new ArrayList<>(shown);
        if (other) {
            order.add("other");
        }
        Map<String, String> siteNames = groupBy == StatsGroup.SITE ? siteNames() : Map.of();
        for (String key : order) {
            long count = 0;
            long errors = 0;
            Map<Instant, Cell> byBucket = grid.getOrDefault(key, Map.of());
            for (long t = start.toEpochMilli(); t < end.toEpochMilli(); t += size) {
                Instant b = Instant.ofEpochMilli(t);
                Cell c = byBucket.get(b);
                long n = c == null ? 0 : c.count();
                long e = c == null ? 0 : c.errors();
                count += n;
                errors += e;
                LatencyHistogram h = c == null ? new LatencyHistogram() : c.latency();
                series.add(new StatsPoint(b, key, n, e, n == 0 ? 0 : Math.min(1.0, (double) e / n), h.percentile(0.50),
                        h.percentile(0.95), h.percentile(0.99)));
            }
            keys.add(new StatsKey(key, label(groupBy, key, siteNames), count, errors));
        }
        return new MessageStats(groupBy, bucket, start, end, keys, series);
    }

    /** Which roll-up cells answer a query (only {@code keys}, when given), and how their keys become series keys. */
    private record Source(String group, List<String> keys, Function<String, String> seriesKey, Predicate<String> keep) {
    }

    private Source source(StatsGroup groupBy, StatsQuery q) {
        Predicate<String> all = k -> true;
        switch (groupBy) {
            case INTERACTION -> {
                refuse(q.endpointId() != null, "endpointId", groupBy);
                refuse(q.ods() != null, "ods", groupBy);
                if (q.site() != null) {
                    String prefix = q.site() + "|";
                    return new Source(Rollups.SITE_INTERACTION, null,
                            k -> k.startsWith(prefix) ? k.substring(prefix.length()) : null,
                            k -> q.interaction() == null || k.equals(q.interaction()));
                }
                return new Source(groupBy.code(), q.interaction() == null ? null : List.of(q.interaction()), k -> k, all);
            }
            case SITE -> {
                refuse(q.endpointId() != null, "endpointId", groupBy);
                refuse(q.ods() != null, "ods", groupBy);
                if (q.interaction() != null) {
                    String suffix = "|" + q.interaction();
                    return new Source(Rollups.SITE_INTERACTION, null,
                            k -> k.endsWith(suffix) ? k.substring(0, k.length() - suffix.length()) : null,
                            k -> q.site() == null || k.equals(q.site()));
                }
                return new Source(groupBy.code(), q.site() == null ? null : List.of(q.site()), k -> k, all);
            }
            default -> {
                refuse(q.interaction() != null, "interaction", groupBy);
                refuse(q.site() != null, "site", groupBy);
                return new Source(groupBy.code(), List.of(q.endpointId().toString()), k -> k, all);
            }
        }
    }

    private static void refuse(boolean given, String parameter, StatsGroup groupBy) {
        if (given) {
            throw Invalid.parameter("query." + parameter, "UNSUPPORTED_FILTER", "Statistics grouped by "
                    + groupBy.code() + " cannot be filtered by " + parameter + ": the roll-ups do not keep that "
                    + "combination. Group by " + (parameter.equals("endpointId") || parameter.equals("ods")
                    ? "endpoint" : "interaction or site") + " instead.");
        }
    }

    private String label(StatsGroup groupBy, String key, Map<String, String> siteNames) {
        if (key.equals("other")) {
            return "Everything else";
        }
        return switch (groupBy) {
            case INTERACTION -> DeliveryModel.shortName(key);
            case SITE -> siteNames.getOrDefault(key, key);
            case ENDPOINT -> {
                if (key.equals(UNRESOLVED)) {
                    yield "Unresolved (unregistered To address)";
                }
                TrafficDirectory.Target t = endpoints.apply(UUID.fromString(key));
                yield t == null ? key : t.partyKey() + " " + t.fqdn();
            }
        };
    }

    private Map<String, String> siteNames() {
        Map<String, String> names = new HashMap<>();
        sql.list("SELECT code, name FROM site", r -> names.put(r.getString(1), r.getString(2)));
        return names;
    }
}
