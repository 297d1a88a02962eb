package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.DeliveryError;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How the message workspace writes its values: statuses in words (with an icon and a style, so a
 * status is never shown by colour alone), times through the one {@link TimeText} (UK time or UTC,
 * as the user chose), durations as "3 h 12 m", sizes, counts, and interaction ids by their short name.
 */
final class MessageText {
    private final I18n i18n;
    private final TimeText time;
    /** Interaction titles by short name ("REPC_IN150016UK05" → "Summary Care Record upload"), once loaded. */
    private final javafx.beans.property.ObjectProperty<java.util.Map<String, String>> titles =
            new javafx.beans.property.SimpleObjectProperty<>(java.util.Map.of());

    MessageText(I18n i18n, TimeText time) {
        this.i18n = i18n;
        this.time = time;
    }

    /** Times in the clock's own zone (tests). */
    MessageText(I18n i18n, Clock clock) {
        this(i18n, new TimeText(clock, i18n, clock.getZone()));
    }

    I18n i18n() {
        return i18n;
    }

    TimeText times() {
        return time;
    }

    Clock clock() {
        return time.clock();
    }

    /** The zone times are shown (and typed) in. */
    ZoneId zone() {
        return time.zone();
    }

    /** A status in words. */
    String status(MessageStatus s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case RECEIVED -> i18n.get("messages.status.received");
            case ROUTED -> i18n.get("messages.status.routed");
            case DELIVERED -> i18n.get("messages.status.delivered");
            case ACKNOWLEDGED -> i18n.get("messages.status.acknowledged");
            case NACKED -> i18n.get("messages.status.nacked");
            case TRANSMISSION_FAILED -> i18n.get("messages.status.transmissionFailed");
            case RETRYING -> i18n.get("messages.status.retrying");
            case DEAD_LETTERED -> i18n.get("messages.status.deadLettered");
            case EXPIRED -> i18n.get("messages.status.expired");
        };
    }

    /** The icon that goes with a status (its words always go with it). */
    static AppIcon statusIcon(MessageStatus s) {
        if (s == null) {
            return AppIcon.STATUS_MOVING;
        }
        return switch (s) {
            case ACKNOWLEDGED, DELIVERED -> AppIcon.STATUS_OK;
            case RECEIVED, ROUTED -> AppIcon.STATUS_MOVING;
            case RETRYING -> AppIcon.STATUS_WAITING;
            case DEAD_LETTERED -> AppIcon.DEAD_LETTER;
            case NACKED, TRANSMISSION_FAILED, EXPIRED -> AppIcon.STATUS_FAILED;
        };
    }

    /** The style class of a status: {@code status-ok}, {@code status-failed}, {@code status-waiting} or {@code status-moving}. */
    static String statusStyle(MessageStatus s) {
        if (s == null) {
            return "status-moving";
        }
        if (MessageStatuses.isFailed(s)) {
            return "status-failed";
        }
        return switch (s) {
            case ACKNOWLEDGED, DELIVERED -> "status-ok";
            case RETRYING -> "status-waiting";
            default -> "status-moving";
        };
    }

    /** A time window in words ("Last 7 days"). */
    String range(TimeRange r) {
        return switch (r) {
            case LAST_15_MINUTES -> i18n.get("messages.range.15m");
            case LAST_HOUR -> i18n.get("messages.range.1h");
            case LAST_6_HOURS -> i18n.get("messages.range.6h");
            case LAST_24_HOURS -> i18n.get("messages.range.24h");
            case LAST_7_DAYS -> i18n.get("messages.range.7d");
            case LAST_31_DAYS -> i18n.get("messages.range.31d");
            case CUSTOM -> i18n.get("messages.range.custom");
        };
    }

    String jobState(JobState s) {
        if (s == null) {
            return "";
        }
        return switch (s) {
            case QUEUED -> i18n.get("messages.job.state.queued");
            case RUNNING -> i18n.get("messages.job.state.running");
            case COMPLETED -> i18n.get("messages.job.state.completed");
            case CANCELLED -> i18n.get("messages.job.state.cancelled");
            case FAILED -> i18n.get("messages.job.state.failed");
        };
    }

    String outcome(RedeliveryItemOutcome o) {
        if (o == null) {
            return "";
        }
        return switch (o) {
            case PENDING -> i18n.get("messages.job.outcome.pending");
            case WOULD_REDELIVER -> i18n.get("messages.job.outcome.wouldRedeliver");
            case REDELIVERED -> i18n.get("messages.job.outcome.redelivered");
            case SKIPPED -> i18n.get("messages.job.outcome.skipped");
            case FAILED -> i18n.get("messages.job.outcome.failed");
            case NOT_PROCESSED -> i18n.get("messages.job.outcome.notProcessed");
        };
    }

    /** A time on its own: the time of day, with the day when it is not today. */
    String time(Instant at) {
        return at == null ? "" : time.format(at, Duration.between(at, time.clock().instant()), TimeText.Detail.SECONDS);
    }

    /** A time in a view reaching {@code window} back from now: with the day whenever that is more than today. */
    String time(Instant at, Duration window) {
        return time.format(at, window, TimeText.Detail.SECONDS);
    }

    /** As {@link #time(Instant, Duration)}, to the millisecond, where order matters (live tail, hop timeline). */
    String timeMillis(Instant at, Duration window) {
        return time.format(at, window, TimeText.Detail.MILLIS);
    }

    /** A full day and time, for details and tooltips ("Tue 1 Dec 07:55:37"). */
    String dateTime(Instant at) {
        return time.dateTime(at);
    }

    /** A column or caption with the zone named once: "Received (GMT)". */
    String withZone(String caption) {
        return time.withZone(caption);
    }

    /** A failure's code in a few words ("Unregistered To address"); an unknown code as itself. */
    String errorTitle(String code) {
        return error(code, "", code);
    }

    /** What a failure's code means, in a support analyst's words. */
    String errorWhat(String code) {
        return error(code, ".what", code);
    }

    /** The next step for a failure's code: who does what to put it right. */
    String errorNext(String code) {
        return error(code, ".next", code);
    }

    /** "Unregistered To address (12)": the words, with the code the logs use. */
    String errorWithCode(String code) {
        return code == null || code.isBlank() ? "" : i18n.get("messages.error.withCode", errorTitle(code), code);
    }

    private String error(String code, String part, String raw) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return DeliveryError.of(code).map(e -> i18n.get("messages.error." + e.code() + part))
                .orElseGet(() -> i18n.get("messages.error.unknown" + part, raw));
    }

    /** "3 h 12 m", "45 s", "2 d 4 h": the two largest units. */
    String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long seconds = Math.max(0, d.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return hours == 0 ? i18n.get("messages.duration.d", days) : i18n.get("messages.duration.dh", days, hours);
        }
        if (hours > 0) {
            return minutes == 0 ? i18n.get("messages.duration.h", hours) : i18n.get("messages.duration.hm", hours, minutes);
        }
        if (minutes > 0) {
            return secs == 0 ? i18n.get("messages.duration.m", minutes) : i18n.get("messages.duration.ms", minutes, secs);
        }
        return i18n.get("messages.duration.s", secs);
    }

    /** A step of a timeline: milliseconds under a second, else as {@link #duration}. */
    String offset(Duration d) {
        if (d.isNegative()) {
            return duration(Duration.ZERO);
        }
        return d.toMillis() < 1_000 ? i18n.get("messages.latency.ms", d.toMillis()) : duration(d);
    }

    /** An ISO-8601 duration from the reliability settings ("PT2H") as words, or the text as given. */
    String isoDuration(String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return duration(Duration.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    String latency(Long ms) {
        if (ms == null) {
            return "";
        }
        if (ms < 1_000) {
            return i18n.get("messages.latency.ms", ms);
        }
        return i18n.get("messages.latency.s", String.format(i18n.locale(), "%.1f", ms / 1000.0));
    }

    String bytes(long n) {
        if (n < 1024) {
            return i18n.get("messages.size.bytes", n);
        }
        if (n < 1024 * 1024) {
            return i18n.get("messages.size.kb", String.format(i18n.locale(), "%.1f", n / 1024.0));
        }
        return i18n.get("messages.size.mb", String.format(i18n.locale(), "%.1f", n / (1024.0 * 1024.0)));
    }

    String count(long n) {
        return NumberFormat.getIntegerInstance(i18n.locale()).format(n);
    }

    String percent(double ratio) {
        NumberFormat pct = NumberFormat.getPercentInstance(i18n.locale());
        pct.setMaximumFractionDigits(1);
        return pct.format(ratio);
    }

    /** The interaction catalogue's titles, by short name; views redraw when they arrive. */
    javafx.beans.property.ObjectProperty<java.util.Map<String, String>> titlesProperty() {
        return titles;
    }

    /** An interaction as a person reads it: "Summary Care Record upload · REPC_IN150016UK05", or the id alone. */
    String interaction(String interaction) {
        String id = shortInteraction(interaction);
        String title = titles.get().get(id);
        return title == null || title.isBlank() || title.equals(id) ? id : i18n.get("messages.interaction.titled", title, id);
    }

    /** {@code urn:nhs:names:services:psis:REPC_IN150016UK05} → {@code REPC_IN150016UK05}. */
    static String shortInteraction(String interaction) {
        if (interaction == null) {
            return "";
        }
        int colon = interaction.lastIndexOf(':');
        return colon < 0 ? interaction : interaction.substring(colon + 1);
    }
}
