package io.spineconsole.domain.registrations;


import java.time.Instant;

/** An organisation registered on the backbone, keyed by ODS code. */
public record Organisation(String odsCode, String name, OrganisationKind kind, String parentOdsCode, String postcode,
                           RegistrationStatus status, RegistrationTransition lastTransition,
                           long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
