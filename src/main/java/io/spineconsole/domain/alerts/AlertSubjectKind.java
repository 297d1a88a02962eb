package io.spineconsole.domain.alerts;

import io.spineconsole.domain.Coded;

/** What an alert is about: an endpoint (id), an organisation (ODS code), a migration component (code), or the whole backbone. */
public enum AlertSubjectKind implements Coded {
    ENDPOINT("endpoint"),
    ORGANISATION("organisation"),
    COMPONENT("component"),
    BACKBONE("backbone");

    private final String code;

    AlertSubjectKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
