package io.spineconsole.sandbox.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint health over HTTP on both stores: every figure is what the stored messages say, the worst
 * come first, pages continue each other, organisation rows add up their endpoints, filters narrow,
 * and a bad query is a 400 that names the parameter.
 */
abstract class EndpointHealthContract extends StoreContract {
    private static final String FAILED = "('nacked', 'transmission-failed', 'dead-lettered', 'expired')";
    private SandboxFixture sandbox;
    private HttpBackboneApi viewer;
    private String viewerToken;
    private Sql sql;

    EndpointHealthContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox();
        viewerToken = MessageApiChecks.token(sandbox, Role.VIEWER);
        viewer = MessageApiChecks.client(sandbox, viewerToken);
        sql = new Sql(sandbox.backbone().database().dataSource());
    }

    @AfterAll
    void stop() {
        viewer.close();
        sandbox.close();
    }

    private EndpointHealthPage health(Duration window, HealthGroup group, HealthSort sort, String text, String ods,
                                      boolean failing, int limit, String cursor) {
        return viewer.messages().endpointHealth(new EndpointHealthQuery(window, group, sort, false, text, ods, failing,
                limit, cursor)).join();
    }

    private EndpointHealthPage day(int limit) {
        return health(Duration.ofDays(1), null, null, null, null, false, limit, null);
    }

    @Test
    void everyFigureIsWhatTheStoredMessagesSay() {
        EndpointHealthPage page = day(500);
        assertFalse(page.items().isEmpty(), "the seeded traffic has receivers");
        assertEquals(page.items().size(), page.approximateTotal());
        for (EndpointHealth h : page.items().subList(0, Math.min(15, page.items().size()))) {
            String where = " FROM message WHERE endpoint_id = ? AND created_at >= ? AND created_at < ?";
            Object[] args = {h.endpointId(), page.from(), page.to()};
            assertEquals(sql.count("SELECT COUNT(*)" + where, args), h.received(), "received " + h);
            assertEquals(sql.count("SELECT COUNT(*)" + where + " AND status IN " + FAILED, args), h.failed(), "failed " + h);
            assertEquals(sql.count("SELECT COUNT(*)" + where + " AND status IN ('delivered', 'acknowledged') "
                    + "AND latency_ms IS NOT NULL", args), h.delivered(), "delivered " + h);
            assertEquals(sql.count("SELECT COUNT(*)" + where + " AND status = 'dead-lettered'", args), h.deadLettered(),
                    "dead-lettered " + h);
            assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE endpoint_id = ? AND status = 'retrying'",
                    h.endpointId()), h.retrying(), "retrying " + h);
            assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE endpoint_id = ? AND status IN ('received', "
                    + "'routed', 'retrying')", h.endpointId()), h.inFlight(), "in flight " + h);
            assertEquals(h.received(), h.sparkReceived().stream().mapToLong(Long::longValue).sum(), "sparkline " + h);
            assertEquals(h.failed(), h.sparkFailed().stream().mapToLong(Long::longValue).sum(), "failed sparkline " + h);
            assertEquals(h.received() == 0 ? 0 : (double) h.failed() / h.received(), h.errorRate(), 1e-9);
            assertEquals(1, h.endpoints());
            assertNotNull(h.partyKey());
            assertNotNull(h.certificate());
            if (h.inFlight() > 0) {
                // To the microsecond the store keeps (engines round the last half microsecond either way).
                java.time.Instant oldest = sql.one("SELECT MIN(created_at) AS m FROM message WHERE endpoint_id = ? AND "
                        + "status IN ('received', 'routed', 'retrying')", r -> Sql.instant(r, "m"), h.endpointId())
                        .orElseThrow();
                assertTrue(Math.abs(Duration.between(oldest, h.oldestWaiting()).toNanos()) <= 1_000,
                        "oldest waiting " + oldest + " against " + h);
            }
            if (h.delivered() > 0) {
                assertNotNull(h.p95Ms(), "latency of deliveries " + h);
                assertNotNull(h.lastSuccess(), "last success " + h);
            }
        }
    }

    @Test
    void theWorstComeFirst() {
        List<EndpointHealth> rows = day(500).items();
        assertTrue(rows.get(0).inTrouble() > 0, "the seeded traffic has failures: " + rows.get(0));
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).inTrouble() >= rows.get(i).inTrouble(), "worst first at row " + i);
        }
        List<EndpointHealth> busiest = health(Duration.ofDays(1), null, HealthSort.RECEIVED, null, null, false, 500, null)
                .items();
        for (int i = 1; i < busiest.size(); i++) {
            assertTrue(busiest.get(i - 1).received() >= busiest.get(i).received(), "busiest first at row " + i);
        }
        List<EndpointHealth> slowest = health(Duration.ofDays(1), null, HealthSort.P95, null, null, false, 500, null)
                .items();
        for (int i = 1; i < slowest.size(); i++) {
            Long a = slowest.get(i - 1).p95Ms();
            Long b = slowest.get(i).p95Ms();
            assertTrue(b == null || (a != null && a >= b), "slowest first, none last, at row " + i);
        }
    }

    @Test
    void pagesContinueEachOtherExactly() {
        List<EndpointHealth> all = day(500).items();
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            EndpointHealthPage p = health(Duration.ofDays(1), null, null, null, null, false, 4, cursor);
            p.items().forEach(h -> paged.add(h.endpointId().toString()));
            cursor = p.nextCursor();
        } while (cursor != null && paged.size() < 40);
        List<String> expected = all.stream().limit(paged.size()).map(h -> h.endpointId().toString()).toList();
        assertEquals(expected, paged);
    }

    @Test
    void organisationRowsAddUpTheirEndpoints() {
        EndpointHealthPage orgs = health(Duration.ofDays(1), HealthGroup.ORGANISATION, null, null, null, false, 500, null);
        EndpointHealth org = orgs.items().get(0);
        assertEquals(HealthGroup.ORGANISATION, org.kind());
        List<EndpointHealth> its = health(Duration.ofDays(1), null, null, null, org.odsCode(), false, 500, null).items();
        assertEquals(its.size(), org.endpoints());
        assertEquals(its.stream().mapToLong(EndpointHealth::received).sum(), org.received());
        assertEquals(its.stream().mapToLong(EndpointHealth::failed).sum(), org.failed());
        assertEquals(its.stream().mapToLong(EndpointHealth::inFlight).sum(), org.inFlight());
        assertTrue(its.stream().allMatch(h -> h.odsCode().equals(org.odsCode())));
    }

    @Test
    void filtersNarrowTheRows() {
        List<EndpointHealth> failing = health(Duration.ofDays(1), null, null, null, null, true, 500, null).items();
        assertFalse(failing.isEmpty());
        assertTrue(failing.stream().allMatch(h -> h.inTrouble() > 0));
        EndpointHealth one = failing.get(0);
        List<EndpointHealth> found = health(Duration.ofDays(1), null, null, one.partyKey().toLowerCase(), null, false,
                500, null).items();
        assertTrue(found.stream().anyMatch(h -> h.endpointId().equals(one.endpointId())), "found by party key");
        assertTrue(found.size() < day(500).items().size());
    }

    @Test
    void aBadQueryIsRefusedWithTheParameterNamed() {
        String[][] cases = {{"window=PT5M", "query.window"}, {"window=P8D", "query.window"},
            {"window=soon", "query.window"}, {"sort=best", "query.sort"}, {"order=up", "query.order"},
            {"groupBy=site", "query.groupBy"}, {"limit=0", "query.limit"}, {"cursor=nonsense", "query.cursor"},
            {"failing=maybe", "query.failing"}, {"ods=rr8!", "query.ods"}, {"colour=red", "query.colour"},
            {"q=" + "x".repeat(101), "query.q"}};
        for (String[] c : cases) {
            HttpResponse<String> r = raw("?" + c[0]);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertTrue(r.body().contains(c[1]), c[0] + " names " + c[1] + ": " + r.body());
        }
        String cursor = day(2).nextCursor();
        ApiException other = (ApiException) assertThrows(CompletionException.class, () -> health(Duration.ofDays(1),
                null, HealthSort.NAME, null, null, false, 2, cursor)).getCause();
        assertEquals(400, other.status(), "a cursor of another sort");
    }

    private HttpResponse<String> raw(String query) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                    + "/api/v1/messages/endpoint-health" + query)).header("Authorization", "Bearer " + viewerToken)
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
