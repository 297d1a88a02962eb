package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** Why a site may not be decommissioned yet. */
public enum ReadinessReasonCode implements Coded {
    TRAFFIC_IN_WINDOW("traffic-in-window"),
    COMPONENTS_HOSTED("components-hosted"),
    CHECKLIST_INCOMPLETE("checklist-incomplete"),
    NOT_A_DATA_CENTRE("not-a-data-centre"),
    ALREADY_DECOMMISSIONED("already-decommissioned");

    private final String code;

    ReadinessReasonCode(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
