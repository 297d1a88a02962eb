package io.spineconsole.domain.tokens;

import java.time.Instant;

/** A token's new expiry (null: never) and why it changes. */
public record TokenExpiry(Instant expiresAt, String reason) {
}
