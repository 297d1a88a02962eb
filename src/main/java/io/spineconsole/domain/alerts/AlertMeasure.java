package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

/** A figure an alert gives as its evidence; the console words each ({@code alert.measure.<code>}). */
public enum AlertMeasure implements Coded {
    ERROR_RATE_PERCENT("error-rate-percent"),
    MESSAGES("messages"),
    FAILED("failed"),
    MESSAGES_BEFORE("messages-before"),
    IN_FLIGHT("in-flight"),
    OLDEST_WAITING_MINUTES("oldest-waiting-minutes"),
    DEAD_LETTERED("dead-lettered"),
    CERTIFICATE_DAYS_LEFT("certificate-days-left"),
    BLOCKED_MINUTES("blocked-minutes"),
    /** An organisation's endpoints in trouble, on an alert that stands for them all. */
    ENDPOINTS("endpoints"),
    /** Subjects in trouble with no alert of their own, on a rule's summary alert (more than a round opens). */
    HELD_BACK("held-back");

    private final String code;

    AlertMeasure(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
