package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/**
 * How endpoint health rows are ordered. Each starts from its troubling end: {@link #WORST} (most
 * messages failed or retrying, then the highest error rate, then the most in flight), counts, rates
 * and latency highest first, waits and successes longest ago first, names A to Z.
 */
public enum HealthSort implements Coded {
    WORST("worst"),
    RECEIVED("received"),
    FAILED("failed"),
    ERROR_RATE("error-rate"),
    P95("p95"),
    IN_FLIGHT("in-flight"),
    OLDEST_WAITING("oldest-waiting"),
    LAST_SUCCESS("last-success"),
    NAME("name");

    private final String code;

    HealthSort(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
