package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** ebXML sync reply mode (SDS None, MSHSignalsOnly, SignalsAndResponse). */
public enum SyncReplyMode implements Coded {
    NONE("none"),
    MSH_SIGNALS_ONLY("msh-signals-only"),
    SIGNALS_AND_RESPONSE("signals-and-response");

    private final String code;

    SyncReplyMode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
