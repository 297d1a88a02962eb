package io.spineconsole.sandbox.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Message search, detail, redelivery and failure groups over HTTP, on H2. */
class MessageRoutesTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi admin;
    private static HttpBackboneApi operator;
    private static HttpBackboneApi viewer;
    private static String operatorToken;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = MessageApiChecks.client(sandbox, sandbox.adminToken());
        operatorToken = MessageApiChecks.token(sandbox, Role.OPERATOR);
        operator = MessageApiChecks.client(sandbox, operatorToken);
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
    }

    @AfterAll
    static void stop() {
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
}
