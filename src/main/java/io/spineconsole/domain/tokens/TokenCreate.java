package io.spineconsole.domain.tokens;

import io.spineconsole.domain.Role;

import java.time.Instant;

/** A request to issue a token: who holds it, its role, and when it expires (null: never). */
public record TokenCreate(String name, Role role, Instant expiresAt) {
}
