package io.spineconsole.domain.registrations;

/** Every editable member of an organisation (PUT: an omitted optional member is cleared). */
public record OrganisationUpdate(String name, OrganisationKind kind, String parentOdsCode, String postcode) {
}
