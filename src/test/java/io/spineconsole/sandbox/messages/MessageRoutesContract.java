package io.spineconsole.sandbox.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Message search, detail, redelivery, failure groups and statistics over HTTP, on H2 and on
 * PostgreSQL (the subclasses name the store): the same behaviour, but for how a total is counted.
 */
abstract class MessageRoutesContract extends StoreContract {
    private SandboxFixture sandbox;
    private HttpBackboneApi admin;
    private HttpBackboneApi operator;
    private HttpBackboneApi viewer;
    private String operatorToken;

    MessageRoutesContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        admin = MessageApiChecks.client(sandbox, sandbox.adminToken());
        operatorToken = MessageApiChecks.token(sandbox, Role.OPERATOR);
        operator = MessageApiChecks.client(sandbox, operatorToken);
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
    }

    @AfterAll
    void stop() {
        admin.close();
        operator.close();
        viewer.close();
        sandbox.close();
    }

    @Test
    void pageTwoContinuesPageOneExactly() {
        MessageApiChecks.pagingContinuesExactly(viewer, io.spineconsole.domain.messages.MessageSearch.all());
    }

    @Test
    void filtersNarrowTheSearch() {
        MessageApiChecks.filtersMatch(viewer);
    }

    @Test
    void detailShowsTheHopTimeline() {
        MessageApiChecks.detailHasTimeline(viewer);
    }

    @Test
    void redeliveryIsForOperatorsAndAppliedOnce() throws Exception {
        MessageApiChecks.redeliverIsOperatorOnlyAndAppliedOnce(sandbox, operator, viewer, operatorToken);
    }

    @Test
    void failureGroupsLeadToTheirMessages() {
        MessageApiChecks.failureGroupsLeadToTheirMessages(viewer);
    }

    @Test
    void badInputIsRefusedWithAClearProblem() {
        MessageApiChecks.badInputIsRefused(viewer);
    }

    @Test
    void aViewerAsksWhatASearchWillCostAndBadFiltersAreRefusedAsTheSearchRefusesThem() {
        MessageSearch failedToday = MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED)).withLimit(20);
        SearchPlan plan = viewer.messages().searchPlan(failedToday).join();
        assertTrue(plan.indexes().contains("message_by_status"), plan.toString());
        assertEquals(20, plan.limit());
        assertTrue(plan.rowsToReturn() <= 20 && plan.rowsToRead() >= plan.rowsToReturn(), plan.toString());
        assertEquals(store == TestStore.POSTGRES, plan.partitionsRead() != null, "partitions on PostgreSQL only");
        assertEquals(SearchPlanner.DEFAULT_READ_THRESHOLD, plan.readThreshold());
        ApiException badOds = (ApiException) org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> viewer.messages().searchPlan(MessageSearch.all().withParties("rr8!", null, null)).join()).getCause();
        assertEquals(400, badOds.status());
        assertEquals("query.ods", badOds.fieldErrors().get(0).field());
        ApiException wide = (ApiException) org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> viewer.messages().searchPlan(MessageSearch.all().withWindow(java.time.Instant.now()
                        .minusSeconds(40L * 86_400), java.time.Instant.now())).join()).getCause();
        assertEquals("WINDOW_TOO_WIDE", wide.fieldErrors().get(0).code());
    }

    @Test
    void pagingWithinStatusesContinuesExactly() {
        MessageApiChecks.pagingContinuesExactly(viewer, MessageSearch.all()
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED, MessageStatus.DELIVERED)));
    }

    @Test
    void aTotalIsCountedOnH2AndThePlannersEstimateOnPostgres() {
        Page<MessageSummary> page = viewer.messages().search(MessageSearch.all().withLimit(10)).join();
        assertEquals(store.countsExactly(), page.totalIsExact(),
                "on PostgreSQL the total is the planner's estimate; H2 counts");
        assertTrue(page.approximateTotal() > 100);
    }

    @Test
    void aJobsItemsSayWhichMessageEachIsWithItsPartiesByName() {
        List<MessageSummary> failed = viewer.messages().search(MessageSearch.all().withStatuses(List.of(
                MessageStatus.NACKED, MessageStatus.DEAD_LETTERED, MessageStatus.TRANSMISSION_FAILED)).withLimit(5))
                .join().items();
        assertFalse(failed.isEmpty(), "the seeded store has failed messages");
        UUID gone = UUID.randomUUID();
        List<UUID> ids = new ArrayList<>(failed.stream().map(MessageSummary::messageId).toList());
        ids.add(gone);
        RedeliveryJob dry = operator.messages().createRedeliveryJob(new RedeliveryJobCreate(ids, null,
                "What would be redelivered (INC0093311)", true, null, null)).join();

        List<RedeliveryJobItem> items = viewer.messages().redeliveryJobItems(dry.id(), null, 50, null).join().items();

        assertEquals(ids, items.stream().map(RedeliveryJobItem::originalMessageId).toList());
        for (int i = 0; i < failed.size(); i++) {
            MessageSummary m = failed.get(i);
            RedeliveryJobItem item = items.get(i);
            assertEquals(m.interaction(), item.interaction());
            assertEquals(m.from(), item.from(), "the sender as message search names it");
            assertEquals(m.to(), item.to(), "the recipient as message search names it");
        }
        assertTrue(items.stream().anyMatch(i -> i.from().name() != null && !i.from().name().isBlank()),
                "the directory's organisations are named: " + items);
        RedeliveryJobItem missing = items.get(items.size() - 1);
        assertEquals(RedeliveryItemOutcome.SKIPPED, missing.outcome());
        assertNull(missing.interaction(), "a message no longer stored has no interaction");
        assertNull(missing.from());
        assertNull(missing.to());
    }

    @Test
    void statsFromRollups() {
        MessageStats stats = viewer.messages().stats(StatsQuery.lastHour(StatsGroup.ENDPOINT)).join();
        assertFalse(stats.keys().isEmpty());
        assertTrue(stats.keys().stream().mapToLong(StatsKey::count).sum() > 0);
    }
}
