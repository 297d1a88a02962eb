package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.sandbox.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes the stored roll-ups from the stored messages, from the hour {@code dirty_from} names
 * on: what a crash left unwritten is counted again, and nothing twice (every cell from that hour is
 * deleted and written anew in one transaction). Each message counts as ingest counts it: once when
 * received, and its error or latency once it has reached a final outcome.
 */
final class RollupRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(RollupRebuild.class);

    /** Minute cells are written this much data at a time. */
    private static final Duration SLICE = Duration.ofMinutes(5);
    private static final Instant FAR_FUTURE = Instant.parse("9000-01-01T00:00:00Z");
    private static final int BATCH = 10_000;

    private RollupRebuild() {
    }

    /** Writes and forgets every cell whose bucket ends by {@code before} (the messages come in time order). */
    private static void writeBefore(java.sql.Connection c, RollupStore store, Map<RollupCell.Key, RollupCell> cells,
                                    Instant before) throws java.sql.SQLException {
        Map<RollupCell.Key, RollupCell> out = new HashMap<>();
        for (java.util.Iterator<Map.Entry<RollupCell.Key, RollupCell>> it = cells.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<RollupCell.Key, RollupCell> e = it.next();
            Duration length = e.getKey().group().equals(Rollups.ENDPOINT_HOUR) ? Duration.ofHours(1) : Duration.ofMinutes(1);
            if (!e.getKey().bucket().plus(length).isAfter(before)) {
                out.put(e.getKey(), e.getValue());
                it.remove();
                if (out.size() == BATCH) {
                    store.writeComplete(c, out);
                    out.clear();
                }
            }
        }
        store.writeComplete(c, out);
    }

    /** Rebuilds when the last run stopped with roll-ups unwritten; does nothing otherwise. */
    static void ifNeeded(Sql sql, boolean postgres) {
        Instant from = sql.inConnection(RollupStore::dirtyFrom);
        if (from != null) {
            rebuild(sql, postgres, from);
        }
    }

    /** Recomputes every roll-up cell with a bucket at or after {@code from} (an hour) from the stored messages. */
    static void rebuild(Sql sql, boolean postgres, Instant from) {
        long started = System.nanoTime();
        RollupStore store = new RollupStore(postgres);
        long messages = sql.inTransaction(c -> {
            RollupStore.deleteFrom(c, from);
            // Read in time order and written a few minutes at a time: an hour of national traffic has a cell per
            // endpoint and minute, far too many to hold at once. Hour cells are written when their hour is past.
            Map<RollupCell.Key, RollupCell> cells = new HashMap<>();
            Instant written = from;
            long n = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT created_at, interaction_id, site_code, endpoint_id, "
                    + "status, latency_ms FROM message WHERE created_at >= ? ORDER BY created_at")) {
                ps.setFetchSize(10_000);
                Sql.bind(ps, from);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        n++;
                        Instant at = Sql.instant(r, "created_at");
                        if (!at.isBefore(written.plus(SLICE))) {
                            written = at.truncatedTo(ChronoUnit.MINUTES);
                            writeBefore(c, store, cells, written);
                        }
                        MessageStatus status = Coded.fromCode(MessageStatus.class, r.getString("status"));
                        boolean finished = MessageStatuses.isTerminal(status);
                        boolean failed = finished && MessageStatuses.isFailed(status);
                        Long latency = finished && !failed && r.getObject("latency_ms") != null
                                ? r.getLong("latency_ms") : null;
                        Object endpoint = r.getObject("endpoint_id");
                        RollupKeys.forEachKey(at, r.getString("interaction_id"), r.getString("site_code"),
                                endpoint == null ? null : endpoint.toString(), k -> {
                                    RollupCell cell = cells.computeIfAbsent(k, x -> new RollupCell(true));
                                    cell.count++;
                                    if (failed) {
                                        cell.errors++;
                                    }
                                    if (latency != null) {
                                        cell.latency.add(latency); // as ingest counts them
                                    }
                                });
                    }
                }
            }
            writeBefore(c, store, cells, FAR_FUTURE);
            RollupStore.setDirtyFrom(c, null);
            return n;
        });
        LOG.info("Rebuilt the message roll-ups from {} ({} messages) after an unclean stop, in {} ms", from, messages,
                (System.nanoTime() - started) / 1_000_000);
    }
}
