package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What H2 can say cheaply about the message table, for estimating a search plan's rows (plain H2
 * {@code EXPLAIN} names the index but gives no row counts, and {@code EXPLAIN ANALYZE} would run the
 * search): the row count H2 keeps ({@code INFORMATION_SCHEMA.TABLES.ROW_COUNT_ESTIMATE}); the oldest
 * and newest message (two lookups at the ends of the time index), so a window's share assumes
 * traffic is even over time; and how many values a column holds. For a column that leads an index and
 * holds few values (status, site, interaction, ODS codes, signature), that is counted exactly by
 * reading its distinct values off the index (H2 skips from value to value); for any other column it
 * is H2's own {@code SELECTIVITY} statistic (kept by ANALYZE, in whole per cent, so only good for
 * near-unique columns such as ids). Answers are kept for a minute.
 */
final class H2Statistics {
    private static final Duration KEEP = Duration.ofMinutes(1);
    private static final Set<String> FEW_VALUES = Set.of("status", "site_code", "interaction_id", "from_ods", "to_ods",
            "signature");

    private record Kept(double value, long at) {
    }

    private final Sql sql;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    H2Statistics(Sql sql) {
        this.sql = sql;
    }

    /** The messages stored. */
    double rows() {
        return remember("rows", () -> sql.one("SELECT ROW_COUNT_ESTIMATE FROM INFORMATION_SCHEMA.TABLES WHERE "
                + "TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = 'MESSAGE'", r -> r.getDouble(1)).orElse(0.0));
    }

    /** The share of the stored messages received in {@code from}..{@code to} (either open), traffic taken as even. */
    double windowShare(Instant from, Instant to) {
        double oldest = remember("oldest", () -> edge("MIN"));
        double newest = remember("newest", () -> edge("MAX"));
        if (Double.isNaN(oldest) || newest <= oldest) {
            return 1;
        }
        double start = Math.max(oldest, from == null ? oldest : from.toEpochMilli());
        double end = Math.min(newest, to == null ? newest : to.toEpochMilli());
        return Math.max(0, Math.min(1, (end - start) / (newest - oldest)));
    }

    private double edge(String fn) {
        return sql.one("SELECT " + fn + "(created_at) FROM message", r -> {
            java.time.OffsetDateTime at = r.getObject(1, java.time.OffsetDateTime.class);
            return at == null ? Double.NaN : (double) at.toInstant().toEpochMilli();
        }).orElse(Double.NaN);
    }

    /** The share of rows one value of {@code column} holds: one over its distinct values. */
    double valueShare(String column) {
        String c = column.toLowerCase(Locale.ROOT);
        return 1 / Math.max(1, remember("distinct:" + c, () -> distinct(c)));
    }

    private double distinct(String column) {
        if (FEW_VALUES.contains(column)) {
            return sql.list("SELECT DISTINCT " + column + " FROM message", r -> 1).size();
        }
        double selectivity = sql.one("SELECT SELECTIVITY FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = SCHEMA() "
                + "AND TABLE_NAME = 'MESSAGE' AND COLUMN_NAME = ?", r -> r.getDouble(1), column.toUpperCase(Locale.ROOT))
                .orElse(50.0);
        return rows() * selectivity / 100;
    }

    private double remember(String key, java.util.function.DoubleSupplier compute) {
        long now = System.nanoTime();
        Kept k = kept.get(key);
        if (k == null || now - k.at() > KEEP.toNanos()) {
            k = new Kept(compute.getAsDouble(), now);
            kept.put(key, k);
        }
        return k.value();
    }
}
