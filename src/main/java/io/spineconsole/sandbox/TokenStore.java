package io.spineconsole.sandbox;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer tokens. Only a SHA-256 hash of each token is stored: a leaked database reveals no
 * usable token. Tokens are 256 random bits, so a fast hash is enough (no password stretching).
 */
public final class TokenStore {
    private static final String PREFIX = "spc_";
    private final Sql sql;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Creates a token and returns its secret, which is never stored and cannot be shown again. */
    public String create(String name, Role role) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sql.update("INSERT INTO api_token (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)",
                name, role.code(), hash(secret), clock.instant());
        return secret;
    }

    /** Revokes every live token with this name (used to replace the embedded console's session token). */
    public void revokeByName(String name) {
        sql.update("UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL", clock.instant(), name);
    }

    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return sql.one("SELECT id, name, role FROM api_token WHERE token_hash = ? AND revoked_at IS NULL",
                r -> new Principal(r.getString("name"), Coded.fromCode(Role.class, r.getString("role")),
                        r.getLong("id")),
                hash(secret));
    }

    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
