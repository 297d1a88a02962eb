package io.spineconsole.sandbox.messages;

import io.spineconsole.api.Page;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.PlanAccess;
import io.spineconsole.domain.messages.PlanVerdict;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search plans against the store's own EXPLAIN, on H2 and on PostgreSQL, over three weeks of messages
 * (an even trickle every hour, so PostgreSQL has a partition a day): an ODS search over two days reads
 * the two ODS indexes (and on PostgreSQL only the partitions of its window); a search by id is a
 * primary-key lookup; no filter over a wide window reads the time index and estimates most of the
 * store; a limit cut says so as the search itself does; and the threshold decides the verdict.
 */
abstract class SearchPlanContract extends StoreContract {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final Instant NOW = TODAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1);
    private static final int DAYS = 21;
    private static final int PER_HOUR = 12;
    /** Low, so that the test's few thousand rows can cross it. */
    private static final long THRESHOLD = 300;

    private MessageTestStore db;
    private SearchPlanner planner;
    private MessageStore messages;

    SearchPlanContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        db = store == TestStore.POSTGRES ? MessageTestStore.postgres(Clock.fixed(NOW, ZoneOffset.UTC))
                : MessageTestStore.h2(Clock.fixed(NOW, ZoneOffset.UTC));
        MessageIngest ingest = db.ingest(db.openRollups(NOW));
        for (int day = 0; day < DAYS; day++) {
            List<MessageRow> rows = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                rows.addAll(db.messages(PER_HOUR, NOW.minus(Duration.ofDays(day)).minus(Duration.ofHours(hour))
                        .minusSeconds(30)));
            }
            ingest.insert(rows);
        }
        db.sql.update(db.postgres ? "ANALYZE message" : "ANALYZE");
        planner = new SearchPlanner(db.sql, db.postgres, WireJson.strictMapper(), db.parties,
                db.partitions, THRESHOLD);
        messages = new MessageStore(db.sql, db.postgres, WireJson.strictMapper(), db.parties);
    }

    @AfterAll
    void stop() {
        db.close();
    }

    private SearchPlan plan(MessageSearch s) {
        return planner.plan(s, NOW);
    }

    private long count(String where, Object... params) {
        return db.sql.count("SELECT COUNT(*) FROM message WHERE " + where, params);
    }

    /** The raw plan text of the first branch's page, as the store explains it. */
    private String explain(MessageSearch s) {
        MessageStore.Window w = MessageStore.firstWindow(s, NOW);
        MessageQuery q = new MessageQuery(s, w.from(), w.to());
        MessageQuery.Statement page = q.page(q.branches(db.parties).get(0), null, s.limit() + 1);
        return db.postgres ? Explain.postgres(db.sql, WireJson.strictMapper(), page).toString()
                : Explain.h2(db.sql, page);
    }

    @Test
    void anOdsSearchOverTwoDaysReadsTheOdsIndexes() {
        // An organisation of middling traffic: selective as sender and as recipient, as most are.
        List<String> senders = db.sql.list("SELECT from_ods FROM message GROUP BY from_ods ORDER BY COUNT(*) DESC, from_ods",
                r -> r.getString(1));
        String ods = senders.get(senders.size() / 2);
        Instant from = NOW.minus(Duration.ofDays(2));
        MessageSearch s = MessageSearch.all().withParties(ods, null, null).withWindow(from, NOW).withLimit(50);
        SearchPlan plan = plan(s);
        assertEquals(PlanAccess.INDEX, plan.access(), plan.toString());
        assertEquals(List.of("message_by_from_ods", "message_by_to_ods"), plan.indexes(), plan.toString());
        String explained = explain(s).toLowerCase(Locale.ROOT);
        assertTrue(explained.contains(db.postgres ? "from_ods" : "message_by_from_ods"), explained);
        long actual = count("(from_ods = ? OR to_ods = ?) AND created_at >= ? AND created_at < ?", ods, ods,
                from, NOW);
        assertWithin(actual, plan.rowsMatching(), plan);
        assertTrue(plan.rowsToRead() >= plan.rowsToReturn(), plan.toString());
        if (db.postgres) {
            assertTrue(plan.partitionsRead() <= 3, "two days touch at most three daily partitions: " + plan);
            assertTrue(plan.partitionsPruned() >= DAYS - 3, "the rest are pruned: " + plan);
        } else {
            assertEquals(null, plan.partitionsRead(), "H2 keeps one table");
        }
    }

    @Test
    void aSearchByIdIsAPrimaryKeyLookup() {
        UUID id = db.sql.one("SELECT message_id FROM message", r -> r.getObject(1, UUID.class)).orElseThrow();
        SearchPlan plan = plan(MessageSearch.byId(id));
        assertEquals(PlanAccess.LOOKUP, plan.access(), plan.toString());
        assertEquals(List.of("message_pk"), plan.indexes());
        assertTrue(plan.complete());
        assertTrue(plan.rowsToReturn() <= 1, plan.toString());
        assertEquals(PlanVerdict.CHEAP, plan.verdict());
        String explained = explain(MessageSearch.byId(id)).toLowerCase(Locale.ROOT);
        assertTrue(explained.contains(db.postgres ? "index scan" : "primary_key"), explained);
    }

    @Test
    void noFilterOverAWideWindowReadsTheWholeWindowByTime() {
        Instant from = NOW.minus(Duration.ofDays(DAYS - 1));
        MessageSearch s = MessageSearch.all().withWindow(from, NOW).withLimit(500);
        SearchPlan plan = plan(s);
        assertTrue(plan.access() == PlanAccess.TIME_RANGE || plan.access() == PlanAccess.SCAN, plan.toString());
        long actual = count("created_at >= ? AND created_at < ?", from, NOW);
        assertWithin(actual, plan.rowsMatching(), plan);
        assertFalse(plan.complete());
        assertEquals(500, plan.rowsToReturn());
        assertTrue(plan.rowsToRead() > THRESHOLD, "reads past the threshold: " + plan);
        assertEquals(PlanVerdict.COSTLY, plan.verdict());
        assertEquals(THRESHOLD, plan.readThreshold());
    }

    @Test
    void aLimitCutSaysIncompleteAsTheSearchFindsMore() {
        MessageSearch s = MessageSearch.all().withStatuses(List.of(MessageStatus.ACKNOWLEDGED))
                .withWindow(NOW.minus(Duration.ofDays(7)), NOW).withLimit(10);
        SearchPlan plan = plan(s);
        assertFalse(plan.complete(), plan.toString());
        assertEquals(10, plan.rowsToReturn());
        assertTrue(plan.indexes().contains("message_by_status"), plan.toString());
        Page<MessageSummary> page = messages.search(s, null, NOW);
        assertTrue(page.hasMore(), "the search is cut off too");
    }

    @Test
    void aNarrowSearchIsCompleteAsTheSearchFindsAll() {
        Instant from = NOW.minus(Duration.ofHours(1));
        MessageSearch s = MessageSearch.all().withWindow(from, NOW).withLimit(500);
        SearchPlan plan = plan(s);
        assertTrue(plan.complete(), plan.toString());
        Page<MessageSummary> page = messages.search(s, null, NOW);
        assertFalse(page.hasMore());
        assertWithin(page.items().size(), plan.rowsToReturn(), plan);
        assertEquals(PlanVerdict.CHEAP, plan.verdict());
    }

    /** An estimate within a factor of three of the truth (and never nothing for something). */
    private static void assertWithin(long actual, long estimate, SearchPlan plan) {
        assertTrue(actual > 0, "the test data has rows for this");
        assertTrue(estimate * 3 >= actual && estimate <= actual * 3, "estimate " + estimate + " for " + actual + ": " + plan);
    }
}
