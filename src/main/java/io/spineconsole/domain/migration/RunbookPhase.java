package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** The phase a runbook step belongs to; its required steps gate the next component state. */
public enum RunbookPhase implements Coded {
    PREPARE("prepare"),
    MIGRATE("migrate"),
    PARALLEL_RUN("parallel-run"),
    CUT_OVER("cut-over"),
    DECOMMISSION("decommission");

    private final String code;

    RunbookPhase(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
