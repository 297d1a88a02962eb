package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** ebXML reliability flag as SDS stores it (nhsMHSAckRequested, nhsMHSDuplicateElimination). */
public enum ReliabilityFlag implements Coded {
    ALWAYS("always"),
    NEVER("never");

    private final String code;

    ReliabilityFlag(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
