package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

/** What an endpoint health row stands for: one receiving endpoint, or an organisation's endpoints added up. */
public enum HealthGroup implements Coded {
    ENDPOINT("endpoint"),
    ORGANISATION("organisation");

    private final String code;

    HealthGroup(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
