package io.spineconsole.domain.messages;

import java.time.Instant;

/** A request for failure groups; null members take the server's defaults (the last 24 hours). */
public record FailureGroupQuery(Instant from, Instant to, String interaction, String ods, String partyKey, String site,
                                int limit, String cursor) {
    public static FailureGroupQuery lastDay() {
        return new FailureGroupQuery(null, null, null, null, null, null, 100, null);
    }
}
