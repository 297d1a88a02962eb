package io.spineconsole.sandbox.messages;

import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void statsFromRollups() {
        MessageStats stats = viewer.messages().stats(StatsQuery.lastHour(StatsGroup.ENDPOINT)).join();
        assertFalse(stats.keys().isEmpty());
        assertTrue(stats.keys().stream().mapToLong(StatsKey::count).sum() > 0);
    }
}
