package io.spineconsole.sandbox.messages;

import java.time.Instant;

/**
 * Conditions laid over live traffic (a training scenario's): a higher rate for a while,
 * organisations that send nothing, and failures injected into deliveries. Every message an
 * injected failure touches carries the scenario's name in its {@code injected} field.
 */
public interface TrafficConditions {
    TrafficConditions NONE = new TrafficConditions() {
    };

    /** Messages a second to send at {@code now}, {@code set} being the rate an admin set. */
    default int rate(int set, Instant now) {
        return set;
    }

    /** True when the organisation {@code ods} sends nothing at {@code now}. */
    default boolean silent(String ods, Instant now) {
        return false;
    }

    /** The failure injected into a delivery attempt to {@code toOds} for {@code interaction} at {@code at}; null for none. */
    default Injected failure(String toOds, String interaction, Instant at) {
        return null;
    }

    /**
     * An injected failure: {@code kind} is one of {@code timeout}, {@code http-503}, {@code nack},
     * {@code tls-refused}, {@code certificate-expired}, {@code dead-letter}; {@code scenario} names its scenario.
     */
    record Injected(String kind, String scenario) {
    }
}
