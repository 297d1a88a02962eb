package io.spineconsole.domain.audit;

import io.spineconsole.domain.Role;

/**
 * Who made an audited change: the token holder's name, the token and its role. {@code tokenId} and
 * {@code role} are null for history recorded without a token (the sandbox's seeded programme history,
 * or entries carried over from an older system): the name alone is known.
 */
public record AuditActor(String name, Long tokenId, Role role) {
}
