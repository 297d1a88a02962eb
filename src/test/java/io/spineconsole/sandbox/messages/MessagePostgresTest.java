package io.spineconsole.sandbox.messages;

import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The message-flow API on a real PostgreSQL server: the same behaviour, the planner's estimate for counts. */
class MessagePostgresTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi operator;
    private static HttpBackboneApi viewer;
    private static String operatorToken;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startOnPostgres();
        operatorToken = MessageApiChecks.token(sandbox, Role.OPERATOR);
        operator = MessageApiChecks.client(sandbox, operatorToken);
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
    }

    @AfterAll
    static void stop() {
        operator.close();
        viewer.close();
        sandbox.close();
    }

    @Test
    void pagingFiltersAndEstimatedCounts() {
        MessageApiChecks.pagingContinuesExactly(viewer, MessageSearch.all());
        MessageApiChecks.pagingContinuesExactly(viewer, MessageSearch.all()
                .withStatuses(List.of(MessageStatus.ACKNOWLEDGED, MessageStatus.DELIVERED)));
        MessageApiChecks.filtersMatch(viewer);
        Page<MessageSummary> page = viewer.messages().search(MessageSearch.all().withLimit(10)).join();
        assertFalse(page.totalIsExact(), "on PostgreSQL the total is the planner's estimate");
        assertTrue(page.approximateTotal() > 100);
    }

    @Test
    void detailRedeliveryAndFailureGroups() throws Exception {
        MessageApiChecks.detailHasTimeline(viewer);
        MessageApiChecks.redeliverIsOperatorOnlyAndAppliedOnce(sandbox, operator, viewer, operatorToken);
        MessageApiChecks.failureGroupsLeadToTheirMessages(viewer);
        MessageApiChecks.badInputIsRefused(viewer);
    }

    @Test
    void statsFromRollups() {
        MessageStats stats = viewer.messages().stats(StatsQuery.lastHour(StatsGroup.ENDPOINT)).join();
        assertFalse(stats.keys().isEmpty());
        assertTrue(stats.keys().stream().mapToLong(StatsKey::count).sum() > 0);
    }
}
