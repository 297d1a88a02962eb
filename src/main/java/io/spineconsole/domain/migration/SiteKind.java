package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** What kind of place a site is. */
public enum SiteKind implements Coded {
    /** An on-premises data centre, due to be decommissioned. */
    DATA_CENTRE("data-centre"),
    /** A cloud region the backbone is moving to. */
    CLOUD_REGION("cloud-region");

    private final String code;

    SiteKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
