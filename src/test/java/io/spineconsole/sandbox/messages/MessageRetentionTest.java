package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention removes exactly what has expired, on both stores: every message received before the
 * start of the UTC day {@code days} days ago, and the roll-ups of those minutes; nothing after.
 * On PostgreSQL by dropping the days' partitions, on H2 by deleting the time range.
 */
class MessageRetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-06T15:30:00Z");

    @Test
    void removesExactlyWhatHasExpiredOnH2() {
        try (MessageTestStore store = MessageTestStore.h2(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    @Test
    void dropsExpiredDaysOnPostgres() {
        try (MessageTestStore store = MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    private static void check(MessageTestStore store) {
        MessageRetention retention = new MessageRetention(7);
        Instant cutoff = Instant.parse("2026-11-29T00:00:00Z");
        assertEquals(cutoff, retention.cutoff(NOW), "7 days: from the start of the UTC day a week before today");
        Rollups rollups = store.openRollups(NOW);
        MessageIngest ingest = store.ingest(rollups);
        // Either side of the cutoff, to the millisecond, and well before and after it.
        List<Instant> times = List.of(cutoff.minusSeconds(3 * 86_400), cutoff.minusSeconds(3_600), cutoff.minusMillis(1),
                cutoff, cutoff.plusMillis(1), cutoff.plusSeconds(86_400), NOW.minusSeconds(60));
        for (Instant t : times) {
            ingest.insert(store.messages(3, t));
        }
        rollups.flushAll();
        List<Instant> before = store.storedTimes();
        assertEquals(21, before.size());
        long rollupsBefore = store.sql.count("SELECT COUNT(*) FROM message_rollup");

        MessageRetention.Expired expired = retention.expire(store.sql, store.partitions, store.postgres, NOW);

        List<Instant> kept = new ArrayList<>(before);
        kept.removeIf(t -> t.isBefore(cutoff));
        assertEquals(kept, store.storedTimes(), "every message received before the cutoff is gone, and only those");
        assertEquals(14, kept.size(), "the one message a millisecond before the cutoff goes; the one at it stays");
        assertEquals(0, store.sql.count("SELECT COUNT(*) FROM message_rollup WHERE minute_start < ?", cutoff),
                "no roll-up before the cutoff is left");
        long rollupsAfter = store.sql.count("SELECT COUNT(*) FROM message_rollup");
        assertTrue(rollupsAfter > 0 && rollupsAfter < rollupsBefore, "roll-ups after the cutoff are kept");
        assertEquals(store.sql.count("SELECT COUNT(*) FROM message_rollup WHERE group_by = 'site'"),
                store.sql.count("SELECT COUNT(*) FROM message_rollup WHERE group_by = 'site' AND minute_start >= ?", cutoff));
        if (store.postgres) {
            assertEquals(List.of(LocalDate.parse("2026-11-26"), LocalDate.parse("2026-11-28")),
                    expired.partitionsDropped(), "the expired days' partitions are dropped, no row is deleted");
            assertEquals(0, expired.rowsDeleted());
            assertTrue(store.partitions.days().stream().noneMatch(d -> d.isBefore(LocalDate.parse("2026-11-29"))));
        } else {
            assertEquals(7, expired.rowsDeleted());
        }
        // A second run finds nothing more to remove.
        MessageRetention.Expired again = retention.expire(store.sql, store.partitions, store.postgres, NOW);
        assertEquals(0, again.rowsDeleted() + again.rollupsDeleted() + again.partitionsDropped().size());
        assertEquals(kept, store.storedTimes());
    }
}
