package io.spineconsole.domain.registrations;


import java.time.Instant;
import java.util.List;

/** An accredited system (SDS Device), keyed by ASID. */
public record AccreditedSystem(String asid, String odsCode, String name, String manufacturerOdsCode,
                               String productName, String productVersion, String partyKey, List<String> interactions,
                               String sdsId, RegistrationStatus status, RegistrationTransition lastTransition,
                               long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    public AccreditedSystem {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }
}
