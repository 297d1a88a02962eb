package io.spineconsole.domain.messages;

import java.time.Instant;

/** A request for message statistics; null members take the server's defaults (the last hour, per minute). */
public record StatsQuery(StatsGroup groupBy, Instant from, Instant to, StatsBucket bucket, Integer top,
                         String interaction, String ods, String site, java.util.UUID endpointId) {
    public static StatsQuery lastHour(StatsGroup groupBy) {
        return new StatsQuery(groupBy, null, null, null, null, null, null, null, null);
    }
}
