package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** Progress of a runbook step; {@link #SKIPPED} only for steps that are not required. */
public enum RunbookStepStatus implements Coded {
    TODO("todo"),
    IN_PROGRESS("in-progress"),
    DONE("done"),
    SKIPPED("skipped");

    private final String code;

    RunbookStepStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
