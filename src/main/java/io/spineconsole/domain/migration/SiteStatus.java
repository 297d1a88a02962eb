package io.spineconsole.domain.migration;

import io.spineconsole.domain.Coded;

/** Where a site is in its life: only the decommission sign-off sets {@link #DECOMMISSIONED}. */
public enum SiteStatus implements Coded {
    PLANNED("planned"),
    ACTIVE("active"),
    /** Traffic being moved off (data centres only). */
    DRAINING("draining"),
    DECOMMISSIONED("decommissioned");

    private final String code;

    SiteStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
