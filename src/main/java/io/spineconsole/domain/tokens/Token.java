package io.spineconsole.domain.tokens;

import io.spineconsole.domain.Role;

import java.time.Instant;

/**
 * A bearer token as the admin API shows it: never its secret, only the first 8 characters of it.
 * {@code owner} is the person answerable for it (null for the server's own tokens).
 */
public record Token(long id, String name, String owner, Role role, String prefix, Instant expiresAt, Instant lastUsedAt,
                    Instant revokedAt, String revokedBy, String revokeReason, long version, Instant createdAt,
                    String createdBy, Instant updatedAt, String updatedBy) {
}
