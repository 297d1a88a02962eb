package io.spineconsole.domain.tokens;

import io.spineconsole.domain.Role;

import java.time.Instant;

/** A bearer token as the admin API shows it: never its secret, only the first 8 characters of it. */
public record Token(long id, String name, Role role, String prefix, Instant expiresAt, Instant lastUsedAt,
                    Instant revokedAt, String revokedBy, String revokeReason, long version, Instant createdAt,
                    String createdBy, Instant updatedAt, String updatedBy) {
}
