package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** Spacing of burn-down points. */
public enum BurndownInterval implements Coded {
    DAY("day"),
    WEEK("week");

    private final String code;

    BurndownInterval(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
