package io.spineconsole.domain.migration;

/** Headline counts of the migration and decommission programme. */
public record MigrationSummary(
        long components, long onPremises, long cutOver, long decommissioned, long blocked,
        long sites, long dataCentresOpen) {
}
