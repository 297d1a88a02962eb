package io.spineconsole.domain.messages;

import java.time.Duration;

/**
 * A request for endpoint health; null members take the server's defaults (the last hour, by
 * endpoint, worst first, 100 rows). {@code reverse} turns the sort around.
 */
public record EndpointHealthQuery(Duration window, HealthGroup groupBy, HealthSort sort, boolean reverse, String text,
                                  String ods, boolean failingOnly, Integer limit, String cursor) {
    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofDays(7);

    public static EndpointHealthQuery lastHour() {
        return new EndpointHealthQuery(null, null, null, false, null, null, false, null, null);
    }

    public EndpointHealthQuery withCursor(String next) {
        return new EndpointHealthQuery(window, groupBy, sort, reverse, text, ods, failingOnly, limit, next);
    }
}
