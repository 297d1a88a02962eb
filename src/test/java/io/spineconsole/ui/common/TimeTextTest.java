package io.spineconsole.ui.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeTextTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final Instant WINTER_NOON = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant SUMMER_NOON = Instant.parse("2026-07-01T11:00:00Z");

    private static TimeText uk(Instant now) {
        return new TimeText(Clock.fixed(now, ZoneOffset.UTC), I18N, TimeText.UK);
    }

    @Test
    void ukTimeInOneStyleWithTheDayWhenTheViewSpansMoreThanToday() {
        TimeText t = uk(WINTER_NOON);
        Instant morning = Instant.parse("2026-12-01T07:55:37.212361583Z");
        assertEquals("07:55:37", t.format(morning, Duration.ofHours(1), TimeText.Detail.SECONDS));
        assertEquals("Tue 1 Dec 07:55:37", t.format(morning, Duration.ofDays(7), TimeText.Detail.SECONDS));
        assertEquals("07:55:37.212", t.format(morning, Duration.ofHours(1), TimeText.Detail.MILLIS));
        assertEquals("GMT", t.zoneName());
        assertEquals("Received (GMT)", t.withZone("Received"));
    }

    /** Just after midnight the last hour reaches into yesterday; an axis still marks hours and minutes alone. */
    @Test
    void aChartsTimeAxisNamesTheDayOnlyWhenItSpansMoreThanADay() {
        TimeText t = uk(Instant.parse("2026-12-08T00:10:00Z"));
        Instant beforeMidnight = Instant.parse("2026-12-07T23:20:00Z");
        assertEquals("23:20", t.format(beforeMidnight, Duration.ofHours(1), TimeText.Detail.MINUTES));
        assertEquals("23:20", t.format(beforeMidnight, Duration.ofDays(1), TimeText.Detail.MINUTES));
        assertEquals("Mon 7 Dec 23:20", t.format(beforeMidnight, Duration.ofDays(7), TimeText.Detail.MINUTES));
    }

    @Test
    void aChartsAxisMarksDaysShortWithTheYearOnlyWhenItSpansMore() {
        TimeText t = uk(WINTER_NOON);
        assertEquals("1 Dec", t.axisDay(java.time.LocalDate.of(2026, 12, 1), false));
        assertEquals("28 Dec 2025", t.axisDay(java.time.LocalDate.of(2025, 12, 28), true));
        assertEquals("", t.axisDay(null, true));
    }

    @Test
    void summerIsBritishSummerTimeAndCopiesCarryTheOffset() {
        TimeText t = uk(SUMMER_NOON);
        assertEquals("12:00:00", t.format(SUMMER_NOON, Duration.ofHours(1), TimeText.Detail.SECONDS));
        assertEquals("BST", t.zoneName());
        assertEquals("2026-07-01T12:00:00+01:00", t.iso(SUMMER_NOON));
    }

    @Test
    void utcForAnalystsReadingServerLogs() {
        TimeText t = new TimeText(Clock.fixed(SUMMER_NOON, ZoneOffset.UTC), I18N, ZoneOffset.UTC);
        assertEquals("11:00:00", t.format(SUMMER_NOON, Duration.ofHours(1), TimeText.Detail.SECONDS));
        assertEquals("UTC", t.zoneName());
        assertEquals("2026-07-01T11:00:00Z", t.iso(SUMMER_NOON));
    }

    @Test
    void anHourWindowJustAfterMidnightReachesYesterday() {
        TimeText t = uk(Instant.parse("2026-12-01T00:20:00Z"));
        assertEquals("Mon 30 Nov 23:40:00",
                t.format(Instant.parse("2026-11-30T23:40:00Z"), Duration.ofHours(1), TimeText.Detail.SECONDS));
    }

    @Test
    void relativeTimeIsAHint() {
        TimeText t = uk(WINTER_NOON);
        assertEquals("just now", t.relative(WINTER_NOON.minusSeconds(10)));
        assertEquals("3 min ago", t.relative(WINTER_NOON.minusSeconds(180)));
        assertEquals("in 2 h", t.relative(WINTER_NOON.plusSeconds(7200)));
        assertEquals("5 d ago", t.relative(WINTER_NOON.minus(Duration.ofDays(5))));
    }
}
