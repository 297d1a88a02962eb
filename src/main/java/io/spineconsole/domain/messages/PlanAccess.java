package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/**
 * How the store reaches a search's rows: one message by its id, a range of a selective index, the
 * time index (every message in the window, newest first), or the whole table with no index.
 */
public enum PlanAccess implements Coded {
    LOOKUP("lookup"),
    INDEX("index"),
    TIME_RANGE("time-range"),
    SCAN("scan");

    private final String code;

    PlanAccess(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
