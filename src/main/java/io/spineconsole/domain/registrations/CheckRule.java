package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** A registration check rule and the severity of its findings. */
public enum CheckRule implements Coded {
    ODS_CODE_FORMAT(Severity.ERROR),
    ASID_FORMAT(Severity.ERROR),
    ASID_PREFIX(Severity.WARNING),
    PARTY_KEY_FORMAT(Severity.ERROR),
    PARTY_KEY_PREFIX_MISMATCH(Severity.WARNING),
    URL_NOT_HTTPS(Severity.ERROR),
    FQDN_URL_HOST_MISMATCH(Severity.ERROR),
    INTERACTION_FORMAT(Severity.ERROR),
    INTERACTION_UNKNOWN(Severity.INFO),
    INTERACTION_PATTERN_MISMATCH(Severity.ERROR),
    RELIABILITY_MISSING(Severity.ERROR),
    RELIABILITY_NOT_APPLICABLE(Severity.INFO),
    DUPLICATE_ENDPOINT(Severity.ERROR),
    DUPLICATE_ASID_INTERACTION(Severity.WARNING),
    /** Warning, or error when the endpoint is active (see {@code RegistrationChecks}). */
    CERTIFICATE_MISSING(Severity.WARNING),
    CERTIFICATE_EXPIRED(Severity.ERROR),
    CERTIFICATE_EXPIRING(Severity.WARNING),
    CERTIFICATE_NOT_YET_VALID(Severity.WARNING),
    OWNER_UNKNOWN(Severity.ERROR),
    OWNER_NOT_ACTIVE(Severity.WARNING);

    private final Severity severity;

    CheckRule(Severity severity) {
        this.severity = severity;
    }

    @Override
    public String code() {
        return name();
    }

    public Severity severity() {
        return severity;
    }
}
