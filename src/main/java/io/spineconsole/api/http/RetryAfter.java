package io.spineconsole.api.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Reads a {@code Retry-After} header: whole seconds, or an HTTP date (RFC 9110 §10.2.3). */
public final class RetryAfter {
    private RetryAfter() {
    }

    /** How long to wait, or null when the header is absent or unreadable; a date in the past is zero. */
    public static Duration parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }
}
