package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parties a search by ASID, party key or endpoint reads ({@link MessageParties}) are registered for every
 * stored message, whichever writer stored it: concurrent writers meeting the same new parties all commit, and every
 * party of every row is registered exactly once.
 */
abstract class MessagePartiesContract {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");

    abstract MessageTestStore open(Clock clock);

    @Test
    void concurrentWritersMeetingTheSameNewPartiesAllCommitAndRegisterEveryParty() throws Exception {
        try (MessageTestStore store = open(Clock.fixed(NOW, ZoneOffset.UTC))) {
            MessageIngest ingest = store.ingest(store.openRollups(NOW));
            int writers = 4;
            List<List<MessageRow>> batches = new ArrayList<>();
            for (int b = 0; b < writers * 5; b++) {
                List<MessageRow> rows = store.messages(40, NOW.minusSeconds(600 - b * 10L));
                // Every batch also sends to the same few unregistered addresses, new to the store.
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).toPartyKey = "UNREG-" + (i % 6);
                }
                batches.add(rows);
            }
            Set<List<String>> expected = new HashSet<>();
            batches.forEach(rows -> rows.forEach(r -> expected.addAll(partiesOf(r))));

            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (List<MessageRow> rows : batches) {
                    done.add(pool.submit(() -> ingest.insert(rows)));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertEquals(writers * 5 * 40L, store.sql.count("SELECT COUNT(*) FROM message"));
            assertEquals(expected, stored(store), "every party of every stored row, once");
        }
    }

    @Test
    void aBatchThatFailsLeavesNoRegistrationBehindThatWouldHideItsPartiesLater() {
        try (MessageTestStore store = open(Clock.fixed(NOW, ZoneOffset.UTC))) {
            MessageIngest ingest = store.ingest(store.openRollups(NOW));
            List<MessageRow> stored = store.messages(5, NOW.minusSeconds(300));
            ingest.insert(stored);
            List<MessageRow> fresh = store.messages(3, NOW.minusSeconds(200));
            fresh.forEach(r -> r.toPartyKey = "UNREG-LATER");

            // A batch holding a message already stored is refused whole.
            List<MessageRow> refused = new ArrayList<>(fresh);
            refused.add(stored.get(0));
            assertThrows(RuntimeException.class, () -> ingest.insert(refused));
            assertEquals(5, store.sql.count("SELECT COUNT(*) FROM message"), "nothing of the refused batch");

            ingest.insert(fresh);
            Set<List<String>> theirs = new HashSet<>();
            fresh.forEach(r -> theirs.addAll(partiesOf(r)));
            assertTrue(stored(store).containsAll(theirs), "their parties are registered once they are stored: " + theirs);
        }
    }

    private static Set<List<String>> stored(MessageTestStore store) {
        return new HashSet<>(store.sql.list("SELECT kind, party, ods_code FROM message_party",
                r -> List.of(r.getString(1), r.getString(2), r.getString(3))));
    }

    private static List<List<String>> partiesOf(MessageRow r) {
        List<List<String>> out = new ArrayList<>();
        add(out, MessageParties.ASID, r.fromAsid, r.fromOds);
        add(out, MessageParties.ASID, r.toAsid, r.toOds);
        add(out, MessageParties.PARTY_KEY, r.fromPartyKey, r.fromOds);
        add(out, MessageParties.PARTY_KEY, r.toPartyKey, r.toOds);
        add(out, MessageParties.ENDPOINT, r.endpointKey(), r.toOds);
        return Collections.unmodifiableList(out);
    }

    private static void add(List<List<String>> out, String kind, String party, String ods) {
        if (party != null && ods != null) {
            out.add(List.of(kind, party, ods));
        }
    }
}
