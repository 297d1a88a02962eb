package io.spineconsole.settings;

import io.spineconsole.domain.Coded;

/** Which backbone environment a profile points at. LIVE is the real national service. */
public enum EnvironmentKind implements Coded {
    /** The embedded sandbox backbone on this machine. */
    SANDBOX("sandbox"),
    /** Integration: shared test environment. */
    INT("int"),
    /** Deployment: pre-production. */
    DEP("dep"),
    /** The live national service: destructive actions need the environment's name typed. */
    LIVE("live");

    private final String code;

    EnvironmentKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean isLive() {
        return this == LIVE;
    }
}
