package io.spineconsole.domain.registrations;

import java.time.Duration;
import java.time.Instant;

/** TLS client certificate of an endpoint, with its expiry state derived at the time of the answer. */
public record Certificate(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                          CertificateState state, long daysToExpiry) {
    /** Within this many days of notAfter a valid certificate counts as expiring. */
    public static final int EXPIRING_DAYS = 30;

    public static Certificate of(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                                 Instant now) {
        CertificateState state = notAfter.isBefore(now) ? CertificateState.EXPIRED
                : notBefore != null && notBefore.isAfter(now) ? CertificateState.NOT_YET_VALID
                : notAfter.isBefore(now.plus(Duration.ofDays(EXPIRING_DAYS))) ? CertificateState.EXPIRING
                : CertificateState.VALID;
        long days = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400L);
        return new Certificate(subject, issuer, serial, notBefore, notAfter, state, days);
    }

    public boolean isCurrentlyValid() {
        return state == CertificateState.VALID || state == CertificateState.EXPIRING;
    }
}
