package io.spineconsole.sandbox.messages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The counters' hours: a ring that moves on with the newest message, grows with new endpoints, and forgets. */
class HealthCountersTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aWindowAddsUpItsHoursAndTheRingMovesOn() {
        HealthCounters c = new HealthCounters();
        c.start(T0);
        String a = UUID.randomUUID().toString();
        c.add(T0.plusSeconds(60), a, 2, 1, 0);
        // Many endpoints after the first: the hour's columns grow as they come.
        for (int i = 0; i < 5_000; i++) {
            c.add(T0.plusSeconds(120), UUID.randomUUID().toString(), 1, 0, i % 2);
        }
        c.add(T0.plusSeconds(3_600), a, 3, 0, 1);
        HealthCounters.Totals both = c.totals(T0, T0.plusSeconds(7_200));
        assertEquals(5, both.received()[0]);
        assertEquals(1, both.failed()[0]);
        assertEquals(1, both.dead()[0]);
        assertEquals(5_001, both.size());
        assertEquals(2_500, java.util.Arrays.stream(both.dead()).sum() - 1);
        assertEquals(3, c.totals(T0.plusSeconds(3_600), T0.plusSeconds(7_200)).received()[0], "the later hour alone");

        // A message 170 hours on: the first hours fall out of the ring, and a window reaching them is not answered.
        Instant later = T0.plus(Duration.ofHours(HealthCounters.HOURS));
        c.add(later, a, 1, 0, 0);
        assertNull(c.totals(T0, later), "hour 0 is gone");
        HealthCounters.Totals week = c.totals(later.minus(Duration.ofDays(7)).minusSeconds(1_800), later.plusSeconds(60));
        assertNotNull(week, "a 7-day window from the newest hour is always within the ring");
        HealthCounters.Totals kept = c.totals(T0.plusSeconds(3_600), later.plusSeconds(60));
        assertNotNull(kept);
        assertEquals(4, kept.received()[0], "hour 1 and the new one");

        c.expireBefore(T0.plusSeconds(7_200));
        assertNull(c.totals(T0.plusSeconds(3_600), later.plusSeconds(60)), "expired hours are not answered");
        assertEquals(1, c.totals(T0.plusSeconds(7_200), later.plusSeconds(60)).received()[0]);
    }
}
