package io.spineconsole.domain.messages;

import java.time.Instant;

/** A request for dead letters; {@code redelivered} null means both. Default window: the last 7 days. */
public record DeadLetterQuery(String ods, String partyKey, String interaction, String site, Instant from, Instant to,
                              Boolean redelivered, int limit, String cursor) {
    public static DeadLetterQuery recent() {
        return new DeadLetterQuery(null, null, null, null, null, null, null, 100, null);
    }
}
