package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** What message statistics are grouped by. */
public enum StatsGroup implements Coded {
    INTERACTION("interaction"),
    ENDPOINT("endpoint"),
    SITE("site");

    private final String code;

    StatsGroup(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
