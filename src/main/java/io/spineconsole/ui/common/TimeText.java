package io.spineconsole.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The one way a time is written on screen: UK time (Europe/London) in one 24-hour style, or UTC
 * for analysts reading server logs (a preference), with the zone named once per view ("Received
 * (BST)"). The date is shown whenever a view spans more than today ("Tue 1 Dec 07:55:37");
 * milliseconds where order matters (live tail, hop timeline); "3 min ago" as a secondary hint; and
 * what is copied is ISO-8601 with its offset. Nothing here formats a time inside a server's sentence:
 * the server sends timestamps as fields and the console words them.
 */
public final class TimeText {
    /** The zone the console shows by default: the backbone's users work in UK time. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK);
    private static final DateTimeFormatter TIME_MILLIS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss", Locale.UK);
    private static final DateTimeFormatter DAY_TIME_MILLIS = DateTimeFormatter.ofPattern("EEE d MMM HH:mm:ss.SSS", Locale.UK);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY_MINUTE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter AXIS_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter AXIS_DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** How much of a time a view needs. */
    public enum Detail {
        /** Hours, minutes and seconds; the date too when the view spans more than today. */
        SECONDS,
        /** As SECONDS, with milliseconds: where order matters (live tail, hop timeline). */
        MILLIS,
        /**
         * Hours and minutes, for chart axes; the day too only when the axis spans more than a day. An axis is read
         * left to right, so "23:50, 00:00" needs no day, and with it seven labels of a narrow chart were cut off
         * whenever the last hour reached past midnight.
         */
        MINUTES
    }

    private final Clock clock;
    private final I18n i18n;
    private final ObjectProperty<ZoneId> zone;

    /** @param zone the zone to show, usually {@link #UK} or UTC (from the user's preference) */
    public TimeText(Clock clock, I18n i18n, ZoneId zone) {
        this.clock = clock;
        this.i18n = i18n;
        this.zone = new SimpleObjectProperty<>(zone);
    }

    /** The zone shown; views listen to it to redraw when the user switches between UK time and UTC. */
    public ObjectProperty<ZoneId> zoneProperty() {
        return zone;
    }

    public ZoneId zone() {
        return zone.get();
    }

    public Clock clock() {
        return clock;
    }

    /**
     * A time for a view whose rows may span {@code window} back from now: the time alone when every
     * row can only be today, else with the day ("Tue 1 Dec 07:55:37").
     */
    public String format(Instant at, Duration window, Detail detail) {
        if (at == null) {
            return "";
        }
        ZonedDateTime t = at.atZone(zone());
        boolean withDay = spansMoreThanToday(window);
        return switch (detail) {
            case SECONDS -> (withDay ? DAY_TIME : TIME).format(t);
            case MILLIS -> (withDay ? DAY_TIME_MILLIS : TIME_MILLIS).format(t);
            case MINUTES -> (window == null || window.compareTo(Duration.ofDays(1)) > 0 ? DAY_MINUTE : MINUTE)
                    .format(t);
        };
    }

    /** A time whose day is not implied by the view (a record's "updated", a certificate's end): always with the day. */
    public String dateTime(Instant at) {
        return at == null ? "" : DAY_TIME.format(at.atZone(zone()));
    }

    /** A day alone ("Tue 1 Dec 2026"), for dates such as a certificate's expiry. */
    public String date(Instant at) {
        return at == null ? "" : DATE.format(at.atZone(zone()));
    }

    /** A day alone, for values that are dates already. */
    public String date(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /**
     * A day as a chart's axis marks it, short ("1 Dec"), with the year when the chart spans more than
     * one ("1 Dec 2026").
     */
    public String axisDay(LocalDate day, boolean withYear) {
        return day == null ? "" : (withYear ? AXIS_DAY_YEAR : AXIS_DAY).format(day);
    }

    /** True when a view reaching {@code window} back from now can show rows from before today. */
    public boolean spansMoreThanToday(Duration window) {
        if (window == null) {
            return true;
        }
        ZonedDateTime now = clock.instant().atZone(zone());
        return now.minus(window).toLocalDate().isBefore(now.toLocalDate());
    }

    /**
     * The zone's short name for a column header or a view's caption ("GMT", "BST" or "UTC"), as it
     * is at {@code at} (a view spanning the clock change shows the zone of its newest row).
     */
    public String zoneName(Instant at) {
        ZoneId z = zone();
        if (z.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0) {
            return "UTC";
        }
        boolean summer = z.getRules().isDaylightSavings(at == null ? clock.instant() : at);
        return java.util.TimeZone.getTimeZone(z).getDisplayName(summer, java.util.TimeZone.SHORT, Locale.UK);
    }

    /** The zone's short name now. */
    public String zoneName() {
        return zoneName(clock.instant());
    }

    /** A column or caption with the zone named once: "Received (BST)". */
    public String withZone(String caption) {
        return i18n.get("time.caption", caption, zoneName());
    }

    /** What is copied: ISO-8601 with the offset of the zone shown ("2026-12-01T07:55:37.212Z" style, with +01:00 in summer). */
    public String iso(Instant at) {
        return at == null ? "" : ISO.format(at.atZone(zone()).toOffsetDateTime());
    }

    /** "3 min ago", "in 2 h", "just now": a secondary hint beside a time, never instead of it. */
    public String relative(Instant at) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, clock.instant());
        boolean future = d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        String amount;
        if (seconds < 45) {
            return i18n.get("time.justNow");
        } else if (seconds < 90 * 60) {
            amount = i18n.get("time.minutes", Math.max(1, Math.round(seconds / 60.0)));
        } else if (seconds < 36 * 3600) {
            amount = i18n.get("time.hours", Math.round(seconds / 3600.0));
        } else {
            amount = i18n.get("time.days", Math.round(seconds / 86400.0));
        }
        return i18n.get(future ? "time.in" : "time.ago", amount);
    }

    /** The display name of a zone choice, for the preference ("UK time (Europe/London)", "UTC"). */
    public static String zoneChoiceName(ZoneId zone, I18n i18n) {
        return UK.equals(zone) ? i18n.get("time.zone.uk") : zone.getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
