package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

/** What a rule's {@code target} names: nothing (every subject), an ODS code, an endpoint id, a component code. */
public enum AlertScope implements Coded {
    ALL("all"),
    ORGANISATION("organisation"),
    ENDPOINT("endpoint"),
    COMPONENT("component");

    private final String code;

    AlertScope(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** Whether a rule with this scope names a target. */
    public boolean needsTarget() {
        return this != ALL;
    }
}
