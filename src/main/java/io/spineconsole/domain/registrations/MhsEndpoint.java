package io.spineconsole.domain.registrations;

import io.spineconsole.domain.messages.MessagingPattern;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message handling system endpoint (SDS Endpoint). */
public record MhsEndpoint(UUID id, String name, String odsCode, String partyKey, String url, String fqdn, String cpaId,
                          List<String> interactions, MessagingPattern messagingPattern, Reliability reliability,
                          MhsActor mhsActor, Certificate certificate, String sdsId, RegistrationStatus status,
                          RegistrationTransition lastTransition,
                          long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    public MhsEndpoint {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }
}
