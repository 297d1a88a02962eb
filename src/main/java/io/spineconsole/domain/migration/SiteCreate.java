package io.spineconsole.domain.migration;


/** A new site; {@code status} may not be decommissioned. */
public record SiteCreate(String code, String name, SiteKind kind, String region, SiteStatus status) {
}
