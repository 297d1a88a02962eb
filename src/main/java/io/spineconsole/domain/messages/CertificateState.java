package io.spineconsole.domain.messages;

import io.spineconsole.domain.Coded;

import java.time.Duration;
import java.time.Instant;

/** An endpoint's certificate as endpoint health shows it; declared from best to worst. */
public enum CertificateState implements Coded {
    VALID("valid"),
    UNKNOWN("unknown"),
    EXPIRING("expiring"),
    EXPIRED("expired");

    /** A certificate ending within this is {@link #EXPIRING}. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

    private final String code;

    CertificateState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The state of a certificate ending at {@code notAfter} (null: none registered) as of {@code now}. */
    public static CertificateState of(Instant notAfter, Instant now) {
        if (notAfter == null) {
            return UNKNOWN;
        }
        if (!notAfter.isAfter(now)) {
            return EXPIRED;
        }
        return notAfter.isBefore(now.plus(EXPIRING_WITHIN)) ? EXPIRING : VALID;
    }

    /** The worse of two states. */
    public CertificateState worse(CertificateState other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
