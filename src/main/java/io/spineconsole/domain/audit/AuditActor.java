package io.spineconsole.domain.audit;

import io.spineconsole.domain.Role;

/**
 * Who made an audited change: a token's holder (its name, the token, its owner) or a person signed in
 * through single sign-on (their display name and their subject at the issuer), and the role. {@code tokenId}
 * and {@code role} are null for history recorded without a token (the sandbox's seeded programme history,
 * or entries carried over from an older system): the name alone is known. {@code tokenId} is null for a
 * person; {@code subject} is null for a token; {@code owner} is null when the token has none recorded.
 */
public record AuditActor(String name, Long tokenId, Role role, String subject, String owner) {
    /** A token's holder, or history with only a name. */
    public AuditActor(String name, Long tokenId, Role role) {
        this(name, tokenId, role, null, null);
    }
}
