package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** Type of registration record. */
public enum RecordType implements Coded {
    ORGANISATION("organisation"),
    ACCREDITED_SYSTEM("accredited-system"),
    ENDPOINT("endpoint");

    private final String code;

    RecordType(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
