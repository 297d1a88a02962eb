package io.spineconsole.sandbox.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageStats;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.domain.messages.StatsPoint;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics by endpoint over the whole directory come from hourly roll-ups for the ranking and
 * from each minute's total for "everything else": the numbers must still add up to the messages
 * stored, endpoint by endpoint and minute by minute.
 */
class StatsByEndpointTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi viewer;
    private static Sql sql;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        viewer = MessageApiChecks.client(sandbox, MessageApiChecks.token(sandbox, Role.VIEWER));
        sql = new Sql(sandbox.backbone().database().dataSource());
    }

    @AfterAll
    static void stop() {
        viewer.close();
        sandbox.close();
    }

    @Test
    void theLeadingEndpointsAndEverythingElseAddUpToTheStoredMessages() {
        Instant to = Instant.now();
        MessageStats stats = viewer.messages().stats(new StatsQuery(StatsGroup.ENDPOINT, to.minus(Duration.ofHours(3)),
                to, null, 3, null, null, null, null)).join();
        List<StatsKey> keys = stats.keys();
        assertEquals(4, keys.size(), "three endpoints and everything else: " + keys);
        assertEquals("other", keys.get(3).key());
        long all = 0;
        for (StatsKey k : keys) {
            all += k.count();
        }
        assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ? AND created_at < ?", stats.from(),
                stats.to()), all, "every message in the window is counted once");
        for (int i = 0; i < 3; i++) {
            StatsKey k = keys.get(i);
            String endpoint = "endpoint_id = ?";
            Object id = k.key().equals(StatsStore.UNRESOLVED) ? null : UUID.fromString(k.key());
            if (id == null) {
                endpoint = "endpoint_id IS NULL AND 1 = ?";
                id = 1;
            }
            assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE " + endpoint + " AND created_at >= ? "
                    + "AND created_at < ?", id, stats.from(), stats.to()), k.count(), "exact count for " + k);
            if (i > 0) {
                assertTrue(keys.get(i - 1).count() >= k.count(), "leaders in order: " + keys);
            }
            // Minute by minute, too.
            for (StatsPoint p : stats.series()) {
                if (p.key().equals(k.key()) && p.count() > 0) {
                    assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE " + endpoint + " AND created_at >= ? "
                            + "AND created_at < ?", id, p.bucketStart(), p.bucketStart().plus(Duration.ofMinutes(1))),
                            p.count(), "minute " + p.bucketStart() + " of " + k.key());
                }
            }
        }
        long busiest = sql.count("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM message WHERE created_at >= ? "
                + "AND created_at < ? GROUP BY endpoint_id) x", stats.from(), stats.to());
        assertEquals(busiest, keys.get(0).count(), "the busiest endpoint leads");
    }

    @Test
    void oneOrganisationsEndpointsAreItsOwnBusiestFirst() {
        Instant to = Instant.now();
        Instant from = to.minus(Duration.ofHours(3));
        String ods = sql.one("SELECT to_ods FROM message WHERE endpoint_id IS NOT NULL AND created_at >= ? GROUP BY to_ods "
                + "ORDER BY COUNT(DISTINCT endpoint_id) DESC, to_ods FETCH FIRST 1 ROWS ONLY", r -> r.getString(1), from)
                .orElseThrow();
        MessageStats stats = viewer.messages().stats(new StatsQuery(StatsGroup.ENDPOINT, from, to, null, 10, null, ods,
                null, null)).join();
        List<StatsKey> keys = stats.keys().stream().filter(k -> !k.key().equals("other")).toList();
        assertTrue(!keys.isEmpty(), "the organisation's endpoints: " + stats.keys());
        for (int i = 0; i < keys.size(); i++) {
            StatsKey k = keys.get(i);
            assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE endpoint_id = ? AND created_at >= ? "
                    + "AND created_at < ?", UUID.fromString(k.key()), stats.from(), stats.to()), k.count(), "exact count for " + k);
            assertEquals(0, sql.count("SELECT COUNT(*) FROM message WHERE endpoint_id = ? AND to_ods <> ?",
                    UUID.fromString(k.key()), ods), k.key() + " belongs to " + ods);
            if (i > 0) {
                assertTrue(keys.get(i - 1).count() >= k.count(), "busiest first: " + keys);
            }
        }
    }

    @Test
    void oneEndpointsStatisticsAreItsOwnMessages() {
        UUID endpoint = sql.one("SELECT endpoint_id FROM message WHERE endpoint_id IS NOT NULL ORDER BY created_at DESC, "
                + "message_id DESC LIMIT 1", r -> r.getObject(1, UUID.class)).orElseThrow();
        MessageStats stats = viewer.messages().stats(new StatsQuery(StatsGroup.ENDPOINT, null, null, null, null, null,
                null, null, endpoint)).join();
        assertEquals(1, stats.keys().size());
        assertEquals(sql.count("SELECT COUNT(*) FROM message WHERE endpoint_id = ? AND created_at >= ? AND created_at < ?",
                endpoint, stats.from(), stats.to()), stats.keys().get(0).count());
    }
}
