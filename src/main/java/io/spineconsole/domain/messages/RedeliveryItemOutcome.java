package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** What a redelivery job did with one selected message. */
public enum RedeliveryItemOutcome implements Coded {
    PENDING("pending"),
    WOULD_REDELIVER("would-redeliver"),
    REDELIVERED("redelivered"),
    SKIPPED("skipped"),
    FAILED("failed"),
    NOT_PROCESSED("not-processed");

    private final String code;

    RedeliveryItemOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
