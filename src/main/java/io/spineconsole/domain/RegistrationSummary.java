package io.spineconsole.domain;

/** Headline counts of the national directory. */
public record RegistrationSummary(
        long organisations, long accreditedSystems, long endpoints, long certificatesExpiringIn30Days) {
}
