package io.spineconsole.domain.tokens;

import io.spineconsole.domain.Role;

import java.time.Instant;

/** A request to issue a token: its name, the person answerable for it, its role, and when it expires (null: never). */
public record TokenCreate(String name, String owner, Role role, Instant expiresAt) {
    /** A token without a named owner. */
    public TokenCreate(String name, Role role, Instant expiresAt) {
        this(name, null, role, expiresAt);
    }
}
