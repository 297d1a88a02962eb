package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** Severity of a check finding: error = traffic will fail; warning = suspicious or about to break; info = noteworthy. */
public enum Severity implements Coded {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String code;

    Severity(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
