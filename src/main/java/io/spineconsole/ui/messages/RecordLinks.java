package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.RecordRef;
import io.spineconsole.ui.common.ConsoleLink;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the records behind a message are, as links into the other workspaces: a party's
 * registration (its endpoint, its accredited system, or its endpoints by party key), the
 * registration most likely at fault for a failure group, and the site a message went through.
 */
final class RecordLinks {
    private RecordLinks() {
    }

    static ConsoleLink endpoint(UUID id) {
        return ConsoleLink.of("registrations", "endpoints/" + id);
    }

    /** A party's registration: the endpoint a message went to when known, else its system, else its endpoints by party key. */
    static Optional<ConsoleLink> party(MessageParty p, UUID endpointId) {
        if (endpointId != null) {
            return Optional.of(endpoint(endpointId));
        }
        if (p == null) {
            return Optional.empty();
        }
        if (p.asid() != null && !p.asid().isBlank()) {
            return Optional.of(ConsoleLink.of("registrations", "systems/" + p.asid()));
        }
        return partyKey(p);
    }

    /** The party's endpoints by party key (both parties have one when registered). */
    static Optional<ConsoleLink> partyKey(MessageParty p) {
        return p == null || p.partyKey() == null || p.partyKey().isBlank() ? Optional.empty()
                : Optional.of(ConsoleLink.of("registrations", "endpoints").with("partyKey", p.partyKey()));
    }

    /** A site in the migration workspace. */
    static Optional<ConsoleLink> site(String code) {
        return code == null ? Optional.empty() : Optional.of(ConsoleLink.of("migration", "sites/" + code));
    }

    /** The registration most likely at fault for a failure group: the recipient endpoint, else its organisation, else by party key. */
    static Optional<ConsoleLink> atFault(FailureGroup g) {
        RecordRef r = g.record();
        if (r != null && r.id() != null) {
            switch (r.type()) {
                case "endpoint" -> {
                    return Optional.of(ConsoleLink.of("registrations", "endpoints/" + r.id()));
                }
                case "organisation" -> {
                    return Optional.of(ConsoleLink.of("registrations", "organisations/" + r.id()));
                }
                case "system", "accredited-system" -> {
                    return Optional.of(ConsoleLink.of("registrations", "systems/" + r.id()));
                }
                default -> { }
            }
        }
        if (g.endpointId() != null) {
            return Optional.of(endpoint(g.endpointId()));
        }
        return partyKey(new MessageParty(g.odsCode(), g.asid(), g.partyKey()))
                .or(() -> g.odsCode() == null ? Optional.empty()
                        : Optional.of(ConsoleLink.of("registrations", "organisations/" + g.odsCode())));
    }
}
