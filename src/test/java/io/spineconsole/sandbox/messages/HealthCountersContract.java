package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint health from what is kept at ingest ({@link HealthCounters}, and {@link HealthMinutes} for
 * the page rows' minute detail) is exactly what the roll-ups and the status index say: on random
 * traffic over eight days (late retries, dead letters, flushes at random), for every window, grouping,
 * sort, filter and page; again after a restart and after a crash that lost unwritten roll-ups.
 */
abstract class HealthCountersContract {
    private static final Instant NOW = Instant.parse("2026-12-06T15:37:00Z");
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(15), Duration.ofMinutes(50),
            Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(7), Duration.ofDays(1), Duration.ofDays(7));

    abstract MessageTestStore open(Clock clock);

    @Test
    void theCountersAnswerExactlyAsTheStoreDoes() {
        try (MessageTestStore store = open(Clock.fixed(NOW, ZoneOffset.UTC))) {
            Random random = new Random(15);
            Rollups rollups = store.openRollups(NOW.minus(Duration.ofDays(8)));
            MessageIngest ingest = store.ingest(rollups);
            List<MessageRow> waiting = new ArrayList<>();
            for (int batch = 0; batch < 60; batch++) {
                // Mostly recent traffic, some of every age back to eight days (older than the longest window).
                long ageSeconds = random.nextInt(4) == 0 ? random.nextInt(8 * 86_400) : random.nextInt(3 * 3_600);
                Instant at = NOW.minusSeconds(ageSeconds);
                List<MessageRow> rows = store.messages(20 + random.nextInt(40), at);
                ingest.insert(rows);
                rows.stream().filter(r -> r.status == io.spineconsole.domain.messages.MessageStatus.RETRYING)
                        .forEach(waiting::add);
                if (random.nextInt(5) == 0) {
                    ingest.update(store.progress(waiting, at.plusSeconds(random.nextInt(6 * 3_600))));
                    waiting.removeIf(r -> r.status != io.spineconsole.domain.messages.MessageStatus.RETRYING);
                }
                if (random.nextInt(6) == 0) {
                    rollups.flush();
                }
            }
            EndpointHealthStore health = new EndpointHealthStore(store.sql, rollups, store::directory);
            assertNotNull(rollups.healthTotals(NOW.minus(Duration.ofDays(7)).truncatedTo(java.time.temporal.ChronoUnit.HOURS),
                    NOW), "a 7-day window is answered from the counters");
            assertTrue(keptMinutes(rollups, Duration.ofHours(6)), "a 6-hour window's minutes are kept");
            sameEitherWay(health, random);

            rollups.flushAll();
            Rollups restarted = store.openRollups(NOW);
            assertTrue(keptMinutes(restarted, Duration.ofHours(6)), "loaded from the stored minutes");
            sameEitherWay(new EndpointHealthStore(store.sql, restarted, store::directory), random);

            MessageIngest after = store.ingest(restarted);
            after.insert(store.messages(80, NOW.minusSeconds(4_000)));
            after.insert(store.messages(80, NOW.minusSeconds(30)));
            restarted.flush();
            restarted.dropUnwritten(); // a crash: unwritten roll-ups (and the counters) lost with the process
            assertNull(restarted.healthTotals(NOW.minus(Duration.ofHours(1)), NOW), "a crashed keeper answers nothing");
            Rollups rebuilt = store.openRollups(NOW);
            sameEitherWay(new EndpointHealthStore(store.sql, rebuilt, store::directory), random);

            rebuilt.readFromStore(); // fed: this instance's counts are only its share
            assertNull(rebuilt.healthTotals(NOW.minus(Duration.ofHours(1)), NOW));
            assertFalse(keptMinutes(rebuilt, Duration.ofHours(1)), "a fed instance reads minutes from the store");
            sameEitherWay(new EndpointHealthStore(store.sql, rebuilt, store::directory), random);
        }
    }

    @Test
    void aKeptRankingIsExactWhileNothingChangedAndFollowsChanges() {
        try (MessageTestStore store = open(Clock.fixed(NOW, ZoneOffset.UTC))) {
            Rollups rollups = store.openRollups(NOW.minus(Duration.ofDays(1)));
            MessageIngest ingest = store.ingest(rollups);
            ingest.insert(store.messages(200, NOW.minusSeconds(1_800)));
            EndpointHealthStore exact = new EndpointHealthStore(store.sql, rollups, store::directory, Duration.ZERO);
            EndpointHealthStore lagging = new EndpointHealthStore(store.sql, rollups, store::directory,
                    Duration.ofHours(1));
            EndpointHealthQuery q = new EndpointHealthQuery(Duration.ofHours(1), null, HealthSort.RECEIVED, false, null,
                    null, false, 500, null);
            EndpointHealthPage before = lagging.health(q, NOW);
            assertEquals(before, lagging.health(q, NOW), "kept while nothing changed");
            assertEquals(exact.health(q, NOW, false), exact.health(q, NOW));

            ingest.insert(store.messages(300, NOW.minusSeconds(60)));
            EndpointHealthPage now = exact.health(q, NOW, false);
            assertEquals(now, exact.health(q, NOW), "no staleness allowed: ranked again at once");
            // The ranking and its figures as kept (each page row still reads its own cells for the sparkline).
            assertEquals(ranked(before), ranked(lagging.health(q, NOW)), "served as kept until the background refresh");
            lagging.refreshRankings();
            assertEquals(now, lagging.health(q, NOW), "the refresh ranked it again");
        }
    }

    /** Whether the minutes of a window of {@code length} to now are answered from memory, and hold some cells. */
    private static boolean keptMinutes(Rollups rollups, Duration length) {
        Instant from = NOW.minus(length).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        List<String> keys = new ArrayList<>();
        rollups.visit(Rollups.ENDPOINT, null, from, NOW, (k, c) -> keys.add(k.key()));
        List<RollupCell> cells = new ArrayList<>();
        boolean kept = rollups.visitHealthMinutes(keys, from, NOW, (k, c) -> cells.add(c));
        return kept && !cells.isEmpty();
    }

    private static List<String> ranked(EndpointHealthPage page) {
        return page.items().stream().map(h -> h.endpointId() + " " + h.received() + " " + h.failed()).toList();
    }

    private static void sameEitherWay(EndpointHealthStore health, Random random) {
        int compared = 0;
        for (Duration window : WINDOWS) {
            for (HealthGroup group : HealthGroup.values()) {
                for (HealthSort sort : HealthSort.values()) {
                    boolean reverse = random.nextBoolean();
                    compared += samePages(health, new EndpointHealthQuery(window, group, sort, reverse, null, null,
                            false, 1 + random.nextInt(12), null));
                }
                compared += samePages(health, new EndpointHealthQuery(window, group, null, false, null, null, true, 5,
                        null));
            }
        }
        List<EndpointHealth> week = health.health(new EndpointHealthQuery(Duration.ofDays(7), null, null, false, null,
                null, false, 500, null), NOW, false).items();
        // The traffic has every figure the counters keep, so that a miscount would show.
        assertTrue(week.stream().mapToLong(EndpointHealth::failed).sum() > 0, "failures");
        assertTrue(week.stream().mapToLong(EndpointHealth::deadLettered).sum() > 0, "dead letters");
        assertTrue(week.stream().mapToLong(EndpointHealth::inFlight).sum() > 0, "a backlog");
        EndpointHealth some = week.get(0);
        for (Duration window : WINDOWS) {
            compared += samePages(health, new EndpointHealthQuery(window, null, null, false, null, some.odsCode(),
                    false, 3, null));
            compared += samePages(health, new EndpointHealthQuery(window, null, HealthSort.NAME, false,
                    some.partyKey().substring(0, 4).toLowerCase(), null, false, 3, null));
        }
        assertFalse(compared == 0);
    }

    /** Every page of the query, both ways, equal; how many rows were compared. */
    private static int samePages(EndpointHealthStore health, EndpointHealthQuery q) {
        int rows = 0;
        String cursor = null;
        do {
            EndpointHealthPage slow = health.health(q.withCursor(cursor), NOW, false);
            EndpointHealthPage fast = health.health(q.withCursor(cursor), NOW, true);
            assertEquals(slow, fast, q + " from " + cursor);
            rows += fast.items().size();
            cursor = fast.nextCursor();
        } while (cursor != null && rows < 60);
        return rows;
    }
}
