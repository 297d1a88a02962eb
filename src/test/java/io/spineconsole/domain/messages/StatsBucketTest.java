package io.spineconsole.domain.messages;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistics buckets: each code is the ISO-8601 duration of its length, smallest first. */
class StatsBucketTest {

    @Test
    void eachCodeIsItsLengthAsAnIsoDurationSmallestFirst() {
        Duration previous = Duration.ZERO;
        for (StatsBucket b : StatsBucket.values()) {
            assertEquals(Duration.parse(b.code()), b.length(), b.code());
            assertTrue(b.length().compareTo(previous) > 0, b.code() + " is longer than the one before");
            previous = b.length();
        }
        assertEquals(Duration.ofMinutes(1), StatsBucket.MINUTE.length());
        assertEquals(Duration.ofDays(1), StatsBucket.DAY.length());
    }
}
