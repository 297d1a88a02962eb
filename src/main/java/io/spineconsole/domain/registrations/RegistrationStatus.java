package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** Where a registration is in its lifecycle: requested → approved → active → suspended → retired. */
public enum RegistrationStatus implements Coded {
    /** Asked for, not yet approved: no traffic is routed to it. */
    REQUESTED("requested"),
    /** Approved by national service management, not yet live. */
    APPROVED("approved"),
    /** Live: the backbone routes messages to and from it. */
    ACTIVE("active"),
    /** Temporarily stopped; may be reinstated. */
    SUSPENDED("suspended"),
    /** Permanently withdrawn; kept for audit. */
    RETIRED("retired");

    private final String code;

    RegistrationStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
