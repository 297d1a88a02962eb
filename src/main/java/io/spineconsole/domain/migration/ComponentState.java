package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** A backbone component's migration state. */
public enum ComponentState implements Coded {
    /** Scheduled in a wave; nothing has moved. */
    PLANNED("planned"),
    /** Runbook in progress: environments, data and certificates being prepared. */
    PREPARING("preparing"),
    /** Being moved to the cloud. */
    MIGRATING("migrating"),
    /** Running on premises and in the cloud at once. */
    PARALLEL_RUN("parallel-run"),
    /** Serving from the cloud only. */
    CUT_OVER("cut-over"),
    /** The on-premises instance is being switched off. */
    DECOMMISSIONING("decommissioning"),
    /** Nothing of it is left on premises. */
    DECOMMISSIONED("decommissioned"),
    /** Cannot progress until something else changes. */
    BLOCKED("blocked"),
    /** Returned to premises after a failed cut-over. */
    ROLLED_BACK("rolled-back");

    private final String code;

    ComponentState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
