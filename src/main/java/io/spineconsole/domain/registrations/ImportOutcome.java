package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** What happened (or, in a dry run, would happen) to one import entry. */
public enum ImportOutcome implements Coded {
    CREATED("created"),
    UPDATED("updated"),
    UNCHANGED("unchanged"),
    REJECTED("rejected");

    private final String code;

    ImportOutcome(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
