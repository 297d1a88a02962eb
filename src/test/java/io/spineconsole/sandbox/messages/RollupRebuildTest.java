package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Roll-ups after a crash: what was counted in memory but not yet written is lost with the process;
 * the stored marker says from which hour, and the next start rebuilds the roll-ups from the stored
 * messages before anything is served, so the figures again match the messages exactly.
 */
class RollupRebuildTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:30:00Z");

    @Test
    void rebuildsFromStoredMessagesOnH2() {
        try (MessageTestStore store = MessageTestStore.h2(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    @Test
    void rebuildsFromStoredMessagesOnPostgres() {
        try (MessageTestStore store = MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    private static void check(MessageTestStore store) {
        Rollups first = store.openRollups(NOW);
        MessageIngest ingest = store.ingest(first);
        ingest.insert(store.messages(300, NOW.minusSeconds(7_200)));
        ingest.insert(store.messages(300, NOW.minusSeconds(600)));
        first.flushAll();
        assertNull(dirtyFrom(store), "everything written: nothing to rebuild");
        assertEquals(expected(store), stored(store), "written roll-ups match the messages");

        // More traffic: an older hour's message (a late arrival) and the current minute's; the endpoint cells of
        // the open minute and hour wait for their bucket to close, so they are unwritten when the process dies.
        ingest.insert(store.messages(50, NOW.minusSeconds(5_000)));
        ingest.insert(store.messages(200, NOW.minusSeconds(30)));
        first.flush();
        ingest.insert(store.messages(100, NOW.minusSeconds(10)));
        first.dropUnwritten(); // the crash
        assertNotNull(dirtyFrom(store), "the store knows its roll-ups may be behind");
        assertNotEquals(expected(store), stored(store), "the crash lost counted changes");

        Rollups second = store.openRollups(NOW);
        assertNull(dirtyFrom(store));
        assertEquals(expected(store), stored(store), "rebuilt from the stored messages: every message counted once");
        // And what the second run serves from memory is the same.
        Map<String, Long> served = new TreeMap<>();
        second.read(Rollups.INTERACTION, null, NOW.minusSeconds(3 * 3_600), NOW.plusSeconds(60))
                .forEach((k, v) -> served.merge(k.key(), v.count, Long::sum));
        Map<String, Long> raw = new TreeMap<>();
        for (String i : store.sql.list("SELECT interaction_id FROM message WHERE created_at >= ?", r -> r.getString(1),
                NOW.minusSeconds(3 * 3_600))) {
            raw.merge(i, 1L, Long::sum);
        }
        assertEquals(raw, served);
    }

    private static Instant dirtyFrom(MessageTestStore store) {
        return store.sql.inConnection(RollupStore::dirtyFrom);
    }

    /** Per grouping: messages, errors and latency samples, summed over every stored cell. */
    private static Map<String, List<Long>> stored(MessageTestStore store) {
        Map<String, List<Long>> out = new TreeMap<>();
        store.sql.list("SELECT group_by, msg_count, error_count, latency_hist FROM message_rollup", r -> {
            long[] sum = {r.getLong(2), r.getLong(3), LatencyHistogram.decode(r.getString(4)).total()};
            out.merge(r.getString(1), List.of(sum[0], sum[1], sum[2]), (a, b) -> List.of(a.get(0) + b.get(0),
                    a.get(1) + b.get(1), a.get(2) + b.get(2)));
            return null;
        });
        // Per interaction and minute too, so a count moved to the wrong cell is caught.
        store.sql.list("SELECT minute_start, group_key, msg_count FROM message_rollup WHERE group_by = 'interaction'", r -> {
            out.put(Sql.instant(r, "minute_start") + "|" + r.getString(2), List.of(r.getLong(3)));
            return null;
        });
        return out;
    }

    /** The same figures computed from the stored messages alone. */
    private static Map<String, List<Long>> expected(MessageTestStore store) {
        long[] totals = new long[3];
        Map<String, List<Long>> out = new TreeMap<>();
        store.sql.list("SELECT created_at, interaction_id, status, latency_ms FROM message", r -> {
            MessageStatus status = Coded.fromCode(MessageStatus.class, r.getString("status"));
            boolean failed = MessageStatuses.isTerminal(status) && MessageStatuses.isFailed(status);
            boolean timed = MessageStatuses.isTerminal(status) && !failed && r.getObject("latency_ms") != null;
            totals[0]++;
            totals[1] += failed ? 1 : 0;
            totals[2] += timed ? 1 : 0;
            out.merge(Sql.instant(r, "created_at").truncatedTo(ChronoUnit.MINUTES) + "|" + r.getString("interaction_id"),
                    List.of(1L), (a, b) -> List.of(a.get(0) + b.get(0)));
            return null;
        });
        for (String g : Rollups.GROUPS) {
            // Every grouping, endpoint hours included (endpoint health reads deliveries and latency from them).
            out.put(g, List.of(totals[0], totals[1], totals[2]));
        }
        return out;
    }
}
