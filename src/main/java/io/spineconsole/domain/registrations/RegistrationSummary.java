package io.spineconsole.domain.registrations;

/**
 * Headline counts of the national directory. {@code certificatesExpiringIn30Days} counts the live
 * endpoints whose certificate ends within 30 days or has ended; {@code certificatesExpired} those of
 * them whose certificate has already ended.
 */
public record RegistrationSummary(
        long organisations, long accreditedSystems, long endpoints, long certificatesExpiringIn30Days,
        long certificatesExpired) {
}
