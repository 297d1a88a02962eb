package io.spineconsole.domain.sds;

import io.spineconsole.domain.Coded;

/** How one of our registrations stands against what SDS publishes. */
public enum DriftStatus implements Coded {
    /** Registered here; SDS publishes no such record. */
    MISSING_IN_SDS("missing-in-sds"),
    /** Published in SDS; not registered here. */
    MISSING_HERE("missing-here"),
    /** The same record on both sides, with fields that disagree. */
    DIFFERENT("different");

    private final String code;

    DriftStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
