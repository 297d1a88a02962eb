package io.spineconsole.ui.messages;

import java.time.Duration;
import java.util.Optional;

/**
 * The time window of a search: a preset relative to now (kept relative in saved searches and links,
 * so "last hour" means the reader's last hour), or a custom from/to. The server searches at most 31 days.
 */
enum TimeRange {
    LAST_15_MINUTES("PT15M", Duration.ofMinutes(15)),
    LAST_HOUR("PT1H", Duration.ofHours(1)),
    LAST_6_HOURS("PT6H", Duration.ofHours(6)),
    LAST_24_HOURS("P1D", Duration.ofDays(1)),
    LAST_7_DAYS("P7D", Duration.ofDays(7)),
    LAST_31_DAYS("P31D", Duration.ofDays(31)),
    CUSTOM("custom", null);

    /** The widest window the server searches. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final String code;
    private final Duration length;

    TimeRange(String code, Duration length) {
        this.code = code;
        this.length = length;
    }

    String code() {
        return code;
    }

    /** How far back the preset reaches; null for {@link #CUSTOM}. */
    Duration length() {
        return length;
    }

    static Optional<TimeRange> fromCode(String code) {
        for (TimeRange r : values()) {
            if (r.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
