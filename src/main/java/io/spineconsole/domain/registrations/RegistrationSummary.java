package io.spineconsole.domain.registrations;

/** Headline counts of the national directory. */
public record RegistrationSummary(
        long organisations, long accreditedSystems, long endpoints, long certificatesExpiringIn30Days) {
}
