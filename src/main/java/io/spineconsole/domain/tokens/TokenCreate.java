package io.spineconsole.domain.tokens;

import io.spineconsole.domain.Role;

import java.time.Instant;

/**
 * A request to issue a token: its name, the person answerable for it, its role, when it expires
 * (null: never), and why it is issued (optional; kept in the audit log).
 */
public record TokenCreate(String name, String owner, Role role, Instant expiresAt, String reason) {
    /** A token without a named owner or a reason. */
    public TokenCreate(String name, Role role, Instant expiresAt) {
        this(name, null, role, expiresAt, null);
    }
}
