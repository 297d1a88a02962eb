package io.spineconsole.domain.registrations;

import io.spineconsole.domain.Coded;

/** Kind of organisation (informative: the ODS code format is not checked against it). */
public enum OrganisationKind implements Coded {
    TRUST("trust"),
    TRUST_SITE("trust-site"),
    GP_PRACTICE("gp-practice"),
    NATIONAL_SERVICE("national-service"),
    COMMISSIONER("commissioner"),
    SUPPLIER("supplier"),
    OTHER("other");

    private final String code;

    OrganisationKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
