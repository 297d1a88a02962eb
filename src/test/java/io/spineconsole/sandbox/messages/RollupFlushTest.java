package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roll-ups written while history is ingested oldest first on two writers, flushed on an interval
 * meanwhile: every flush succeeds and the stored figures end equal to the messages.
 */
class RollupFlushTest {
    private static final Instant NOW = Instant.parse("2026-12-06T23:43:00Z");

    @Test
    void historyIngestedWhileFlushingAddsUpOnH2() throws Exception {
        try (MessageTestStore store = MessageTestStore.h2(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    @Test
    void historyIngestedWhileFlushingAddsUpOnPostgres() throws Exception {
        try (MessageTestStore store = MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))) {
            check(store);
        }
    }

    /**
     * A history written far faster than it happened, with no flush on a timer: the writer flushes once the changed
     * cells pass the limit, so they never pile up much beyond it (without it they reach thousands), and the stored
     * figures still add up.
     */
    @Test
    void aHistoryWrittenFasterThanItHappenedIsFlushedByItsWriterAndStillAddsUp() {
        assertTrue(mostPendingWriting(Integer.MAX_VALUE) > 3_000, "the case piles cells up when nobody flushes");
        int most = mostPendingWriting(300);
        assertTrue(most < 300 + 200, "the limit, what is not yet due and a batch's cells at most; was " + most);
    }

    private static int mostPendingWriting(int limit) {
        try (MessageTestStore store = MessageTestStore.h2(Clock.fixed(NOW, ZoneOffset.UTC))) {
            Rollups rollups = new Rollups(store.sql, false, limit);
            rollups.open(NOW);
            MessageIngest ingest = store.ingest(rollups);
            Instant from = NOW.minusSeconds(5 * 3_600);
            int most = 0;
            for (int minute = 0; minute < 300; minute++) {
                ingest.insert(store.messages(20, from.plusSeconds(minute * 60L)));
                most = Math.max(most, rollups.pendingCells());
            }
            rollups.flushAll();
            assertEquals(6_000, store.sql.count("SELECT SUM(msg_count) FROM message_rollup WHERE group_by = 'endpoint'"));
            assertEquals(6_000, store.sql.count("SELECT SUM(msg_count) FROM message_rollup WHERE group_by = 'site'"));
            return most;
        }
    }

    private static void check(MessageTestStore store) throws Exception {
        {
            Rollups rollups = store.openRollups(NOW);
            MessageIngest ingest = store.ingest(rollups);
            AtomicBoolean done = new AtomicBoolean();
            List<Throwable> failures = new ArrayList<>();
            Thread flusher = new Thread(() -> {
                while (!done.get()) {
                    try {
                        rollups.flush();
                        Thread.sleep(20);
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }
            });
            flusher.start();
            Instant from = NOW.minusSeconds(5 * 3_600);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int offset = w;
                Thread t = new Thread(() -> {
                    for (int i = offset; i < 300; i += 2) {
                        try {
                            ingest.insert(store.messages(20, from.plusSeconds(i * 60L)));
                        } catch (Throwable e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    }
                });
                t.start();
                writers.add(t);
            }
            for (Thread t : writers) {
                t.join();
            }
            done.set(true);
            flusher.join();
            rollups.flush();
            rollups.flushAll();
            assertEquals(List.of(), failures);
            assertEquals(6_000, store.sql.count("SELECT SUM(msg_count) FROM message_rollup WHERE group_by = 'endpoint-h'"));
            assertEquals(6_000, store.sql.count("SELECT SUM(msg_count) FROM message_rollup WHERE group_by = 'endpoint'"));
            assertEquals(6_000, store.sql.count("SELECT SUM(msg_count) FROM message_rollup WHERE group_by = 'site'"));
        }
    }
}
