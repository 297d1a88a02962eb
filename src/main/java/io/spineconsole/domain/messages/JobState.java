package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** State of a redelivery job; the last three are terminal. */
public enum JobState implements Coded {
    QUEUED("queued"),
    RUNNING("running"),
    COMPLETED("completed"),
    CANCELLED("cancelled"),
    FAILED("failed");

    private final String code;

    JobState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean isTerminal() {
        return this == COMPLETED || this == CANCELLED || this == FAILED;
    }
}
