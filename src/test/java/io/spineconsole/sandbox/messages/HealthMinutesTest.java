package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kept minutes: the same cells as counting into roll-up cells gives, as the hours move on and arrays fill. */
class HealthMinutesTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aWindowsCellsAreWhatTheMessagesAddUpToWhileTheHoursMoveOn() {
        HealthMinutes minutes = new HealthMinutes();
        minutes.start(T0);
        Random random = new Random(7);
        List<String> keys = List.of("a", "b", "c");
        Map<RollupCell.Key, RollupCell> expected = new HashMap<>();
        // Twelve hours of traffic, mostly in order, some late outcomes up to an hour back: the kept hours move on,
        // a busy endpoint's array fills (and is compacted) many times, a quiet one's hardly at all.
        for (int i = 0; i < 40_000; i++) {
            Instant at = T0.plusMillis(i * 1_080L).minusSeconds(random.nextInt(10) == 0 ? random.nextInt(3_600) : 0);
            String key = i % 50 == 0 ? "c" : keys.get(random.nextInt(2));
            boolean received = random.nextBoolean();
            boolean failed = random.nextInt(5) == 0;
            Long latency = failed || random.nextInt(3) == 0 ? null : (long) random.nextInt(400_000);
            minutes.add(at, key, received, failed, latency);
            RollupCell c = expected.computeIfAbsent(new RollupCell.Key(Rollups.ENDPOINT,
                    at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES), key), k -> new RollupCell(true));
            c.count += received ? 1 : 0;
            c.errors += failed ? 1 : 0;
            if (latency != null) {
                c.latency.add(latency);
            }
        }
        Instant newest = T0.plusMillis(39_999 * 1_080L);
        Instant now = newest.plusSeconds(90);
        for (Duration length : List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6))) {
            Instant from = now.minus(length).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            assertTrue(minutes.covers(from), length.toString());
            Map<String, String> got = new HashMap<>();
            minutes.forEach(keys, from, now, (k, c) -> got.put(k.toString(), figures(c)));
            Map<String, String> want = new HashMap<>();
            expected.forEach((k, c) -> {
                if (!k.bucket().isBefore(from) && k.bucket().isBefore(now)
                        && (c.count > 0 || c.errors > 0 || c.latency.total() > 0)) {
                    want.put(k.toString(), figures(c));
                }
            });
            assertFalse(want.isEmpty());
            assertEquals(want, got, length.toString());
        }
        assertFalse(minutes.covers(now.minus(Duration.ofHours(8)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)),
                "hours before the kept ones are not answered");
        minutes.expireBefore(now.minus(Duration.ofMinutes(30)));
        assertFalse(minutes.covers(now.minus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)),
                "expired minutes are not answered");
    }

    private static String figures(RollupCell c) {
        return c.count + " " + c.errors + " " + c.latency.encode();
    }
}
