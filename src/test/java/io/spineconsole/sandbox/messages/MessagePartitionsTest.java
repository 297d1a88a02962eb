package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PostgreSQL's daily partitions: made ahead of time, made on demand for older messages, and used by the rows. */
class MessagePartitionsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T23:59:59Z");

    @Test
    void partitionsAreMadeAheadOfTheDaysTheyHold() {
        try (MessageTestStore store = MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))) {
            store.partitions.createAhead(NOW);
            assertEquals(List.of(LocalDate.parse("2026-12-06"), LocalDate.parse("2026-12-07"),
                    LocalDate.parse("2026-12-08")), store.partitions.days(), "today and two days ahead");
            // Live traffic just after midnight needs no new partition: tomorrow's is there already.
            Rollups rollups = store.openRollups(NOW);
            MessageIngest ingest = store.ingest(rollups);
            ingest.insert(store.messages(5, NOW.plusSeconds(2)));
            assertEquals(3, store.partitions.days().size());
            assertEquals(5, store.sql.count("SELECT COUNT(*) FROM " + MessageSchema.partition(LocalDate.parse("2026-12-07"))),
                    "the rows are in their day's partition");
            // Seeded history from an older day gets its partition on demand.
            ingest.insert(store.messages(2, Instant.parse("2026-12-01T10:00:00Z")));
            assertTrue(store.partitions.days().contains(LocalDate.parse("2026-12-01")));
            assertEquals(2, store.sql.count("SELECT COUNT(*) FROM " + MessageSchema.partition(LocalDate.parse("2026-12-01"))));
            // Making them again changes nothing.
            store.partitions.createAhead(NOW);
            assertEquals(4, store.partitions.days().size());
        }
    }
}
