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
    // The last second of today: the schema's migration makes its partitions from the real date, so the
    // store's clock is on the same day (a fixed date would meet the migration's days as extra ones).
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Instant NOW = TODAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);

    @Test
    void partitionsAreMadeAheadOfTheDaysTheyHold() {
        try (MessageTestStore store = MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))) {
            store.partitions.createAhead(NOW);
            assertEquals(List.of(TODAY, TODAY.plusDays(1), TODAY.plusDays(2)), store.partitions.days(), "today and two days ahead");
            // Live traffic just after midnight needs no new partition: tomorrow's is there already.
            Rollups rollups = store.openRollups(NOW);
            MessageIngest ingest = store.ingest(rollups);
            ingest.insert(store.messages(5, NOW.plusSeconds(2)));
            assertEquals(3, store.partitions.days().size());
            assertEquals(5, store.sql.count("SELECT COUNT(*) FROM " + MessageSchema.partition(TODAY.plusDays(1))),
                    "the rows are in their day's partition");
            // Seeded history from an older day gets its partition on demand.
            ingest.insert(store.messages(2, TODAY.minusDays(5).atTime(10, 0).toInstant(ZoneOffset.UTC)));
            assertTrue(store.partitions.days().contains(TODAY.minusDays(5)));
            assertEquals(2, store.sql.count("SELECT COUNT(*) FROM " + MessageSchema.partition(TODAY.minusDays(5))));
            // Making them again changes nothing.
            store.partitions.createAhead(NOW);
            assertEquals(4, store.partitions.days().size());
        }
    }
}
