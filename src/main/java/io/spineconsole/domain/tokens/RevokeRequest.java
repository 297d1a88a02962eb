package io.spineconsole.domain.tokens;

/** Why a token is revoked. */
public record RevokeRequest(String reason) {
}
