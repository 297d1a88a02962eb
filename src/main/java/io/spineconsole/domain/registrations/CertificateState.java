package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** A certificate's state at the time of the answer (expiring = valid but ending within 30 days). */
public enum CertificateState implements Coded {
    VALID("valid"),
    EXPIRING("expiring"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid");

    private final String code;

    CertificateState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
