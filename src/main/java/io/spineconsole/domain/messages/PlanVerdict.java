package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** A search plan against the server's threshold of rows to read: within it, or over it. */
public enum PlanVerdict implements Coded {
    CHEAP("cheap"),
    COSTLY("costly");

    private final String code;

    PlanVerdict(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
