package io.spineconsole.domain.registrations;

/** A new organisation; created in status requested. */
public record OrganisationCreate(String odsCode, String name, OrganisationKind kind, String parentOdsCode,
                                 String postcode) {
}
