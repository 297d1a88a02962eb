package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.messages.MessageStore.Window;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Issue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The time window of a message search, without a database: the server's default when a bound is
 * left out, and the two refusals (an empty window, one wider than 31 days) that name the field.
 */
class SearchWindowTest {
    private static final Instant NOW = Instant.parse("2025-11-25T12:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void noBoundsIsTheLastDayUpToNow() {
        assertEquals(new Window(NOW.minus(DAY), NOW), Window.resolve(null, null, NOW, DAY));
    }

    @Test
    void aMissingBoundIsFilledFromTheOtherOrFromNow() {
        Instant to = NOW.minus(Duration.ofDays(3));
        assertEquals(new Window(to.minus(DAY), to), Window.resolve(null, to, NOW, DAY), "the day before 'to'");
        Instant from = NOW.minus(Duration.ofDays(10));
        assertEquals(new Window(from, NOW), Window.resolve(from, null, NOW, DAY), "from 'from' up to now");
        assertEquals(new Window(from, NOW.plusSeconds(60)), Window.resolve(from, NOW.plusSeconds(60), NOW, DAY),
                "given bounds are kept as given");
    }

    @Test
    void anEmptyOrBackwardWindowIsRefusedOnFrom() {
        for (Instant from : new Instant[] {NOW, NOW.plusMillis(1)}) {
            Invalid refused = assertThrows(Invalid.class, () -> Window.resolve(from, NOW, NOW, DAY));
            assertEquals(Invalid.Part.REQUEST, refused.part());
            Issue issue = refused.issues().get(0);
            assertEquals("query.from", issue.field());
            assertEquals("WINDOW_EMPTY", issue.code());
            assertFalse(issue.message().isBlank(), "the refusal says why");
        }
    }

    @Test
    void thirtyOneDaysIsTheWidestWindowToTheMillisecond() {
        Instant from = NOW.minus(Duration.ofDays(31));
        assertEquals(new Window(from, NOW), Window.resolve(from, NOW, NOW, DAY));
        Invalid refused = assertThrows(Invalid.class, () -> Window.resolve(from.minusMillis(1), NOW, NOW, DAY));
        assertEquals(Invalid.Part.REQUEST, refused.part());
        assertEquals("query.from", refused.issues().get(0).field());
        assertEquals("WINDOW_TOO_WIDE", refused.issues().get(0).code());
        assertEquals(1, refused.issues().size());
    }

    @Test
    void aDefaultSpanWiderThanTheLimitIsRefusedToo() {
        Invalid refused = assertThrows(Invalid.class, () -> Window.resolve(null, null, NOW, Duration.ofDays(32)));
        assertEquals("WINDOW_TOO_WIDE", refused.issues().get(0).code());
    }
}
