package io.spineconsole.sandbox;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.sandbox.outcome.Issue;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Refused;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens. Only a SHA-256 hash of each token is stored: a leaked database reveals no
 * usable token. Tokens are 256 random bits, so a fast hash is enough (no password stretching).
 */
public final class TokenStore {
    private static final String PREFIX = "spc_";
    /** Who issues the tokens the server makes for itself (the embedded console's, a headless admin's). */
    static final String SERVER = "sandbox";
    private static final String COLUMNS = "id, name, owner, role, prefix, expires_at, last_used_at, revoked_at, revoked_by, "
            + "revoke_reason, version, created_at, created_by, updated_at, updated_by";
    private final Sql sql;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    public TokenStore(Sql sql, Clock clock, AuditLog audit) {
        this.sql = sql;
        this.clock = clock;
        this.audit = audit;
    }

    /** Creates a token and returns its secret, which is never stored and cannot be shown again. */
    public String create(String name, Role role) {
        return sql.inTransaction(c -> insert(c, name, null, role, null, SERVER)).secret();
    }

    /** Issues a token for an admin, audited; the answer holds the secret, shown once. */
    public TokenCreated issue(Actor actor, TokenCreate body) {
        Issues issues = new Issues();
        if (body.name() == null || body.name().isBlank()) {
            issues.add("/name", "REQUIRED", "Name the token's holder.");
        } else if (body.name().length() > 100) {
            issues.add("/name", "TOO_LONG", "A token name is at most 100 characters.");
        }
        String owner = body.owner() == null || body.owner().isBlank() ? null : body.owner().trim();
        if (owner != null && owner.length() > 200) {
            issues.add("/owner", "TOO_LONG", "A token's owner is at most 200 characters.");
        }
        String reason = body.reason() == null || body.reason().isBlank() ? null : body.reason().trim();
        if (reason != null && (reason.length() < 3 || reason.length() > 500)) {
            issues.add("/reason", reason.length() < 3 ? "TOO_SHORT" : "TOO_LONG", "A reason is 3 to 500 characters.");
        }
        if (body.role() == null) {
            issues.add("/role", "REQUIRED", "Give the token a role: viewer, operator or admin.");
        }
        if (body.expiresAt() != null && !body.expiresAt().isAfter(clock.instant())) {
            issues.add("/expiresAt", "OUT_OF_RANGE", "expiresAt must be in the future.");
        }
        issues.throwIfAny();
        return sql.inTransaction(c -> {
            TokenCreated t = insert(c, body.name().trim(), owner, body.role(), body.expiresAt(), actor.name());
            audit.record(c, actor, "create", "token", Long.toString(t.token().id()), reason, null, t.token());
            return t;
        });
    }

    /**
     * Revokes a token, audited with the reason. Refused when it is already revoked, or when it is the
     * last usable admin token (revoking it would leave no one able to administer the server).
     */
    public Token revoke(Actor actor, long id, Version version, String reason) {
        Issues issues = new Issues();
        checkReason(issues, reason);
        issues.throwIfAny();
        String why = reason.trim();
        return sql.inTransaction(c -> {
            Token before = find(c, id).orElseThrow(() -> new NotFound("Token " + id));
            version.check(before.version(), before);
            if (before.revokedAt() != null) {
                throw new Refused(Refused.Kind.TRANSITION, "Token " + id + " is already revoked.",
                        List.of(Issue.general("INVALID_TRANSITION", "The token is already revoked.")), null);
            }
            if (before.role() == Role.ADMIN && otherUsableAdmins(c, id) == 0) {
                throw new Refused(Refused.Kind.TRANSITION, "Token " + id + " is the last usable admin token; "
                        + "issue another admin token first.", List.of(Issue.general("LAST_ADMIN_TOKEN",
                        "Revoking it would leave no one able to administer the server.")), null);
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE api_token SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = version + 1, "
                    + "updated_at = ?, updated_by = ? WHERE id = ?", now, actor.name(), why, now, actor.name(), id);
            Token after = find(c, id).orElseThrow();
            audit.record(c, actor, "revoke", "token", Long.toString(id), why, before, after);
            return after;
        });
    }

    /**
     * Sets when a token stops working (null: never), audited with the reason. Refused for a revoked
     * token; an expiry must be in the future (revoking stops a token at once).
     */
    public Token setExpiry(Actor actor, long id, Version version, Instant expiresAt, String reason) {
        Issues issues = new Issues();
        checkReason(issues, reason);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            issues.add("/expiresAt", "OUT_OF_RANGE", "expiresAt must be in the future; revoke the token to stop it now.");
        }
        issues.throwIfAny();
        String why = reason.trim();
        return sql.inTransaction(c -> {
            Token before = find(c, id).orElseThrow(() -> new NotFound("Token " + id));
            version.check(before.version(), before);
            if (before.revokedAt() != null) {
                throw new Refused(Refused.Kind.TRANSITION, "Token " + id + " is revoked; its expiry no longer matters.",
                        List.of(Issue.general("INVALID_TRANSITION", "The token is revoked.")), null);
            }
            Instant now = clock.instant();
            Sql.update(c, "UPDATE api_token SET expires_at = ?, version = version + 1, updated_at = ?, updated_by = ? "
                    + "WHERE id = ?", expiresAt, now, actor.name(), id);
            Token after = find(c, id).orElseThrow();
            audit.record(c, actor, "set-expiry", "token", Long.toString(id), why, before, after);
            return after;
        });
    }

    private static void checkReason(Issues issues, String reason) {
        if (reason == null || reason.trim().length() < 3) {
            issues.add("/reason", reason == null ? "REQUIRED" : "TOO_SHORT", "Say why, in at least 3 characters.");
        } else if (reason.length() > 500) {
            issues.add("/reason", "TOO_LONG", "A reason is at most 500 characters.");
        }
    }

    /** Issues a token in the caller's transaction; the answer holds the secret, shown once. */
    private TokenCreated insert(Connection c, String name, String owner, Role role, Instant expiresAt, String createdBy)
            throws SQLException {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Sql.update(c, "INSERT INTO api_token (name, owner, role, token_hash, created_at, prefix, expires_at, version, "
                        + "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                name, owner, role.code(), hash(secret), now, secret.substring(0, 8), expiresAt, createdBy, now, createdBy);
        Token token = Sql.list(c, "SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?", TokenStore::token,
                hash(secret)).get(0);
        return new TokenCreated(token, secret);
    }

    /** Revokes every live token with this name (used to replace the embedded console's session token). */
    public void revokeByName(String name) {
        Instant now = clock.instant();
        sql.update("UPDATE api_token SET revoked_at = ?, revoked_by = ?, revoke_reason = ?, version = version + 1, "
                + "updated_at = ?, updated_by = ? WHERE name = ? AND revoked_at IS NULL",
                now, SERVER, "Replaced by a new session token", now, SERVER, name);
    }

    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Token> token = sql.one("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ? AND revoked_at IS NULL "
                + "AND (expires_at IS NULL OR expires_at > ?)", TokenStore::token, hash(secret), now);
        token.ifPresent(t -> {
            // Last use is kept to the minute: a busy token writes once a minute, not once a request.
            if (t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minusSeconds(60))) {
                sql.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", now, t.id());
            }
        });
        return token.map(t -> new Principal(t.name(), t.role(), t.id(), t.owner(), null));
    }

    /** One token, or empty. */
    private Optional<Token> find(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM api_token WHERE id = ?", TokenStore::token, id).stream().findFirst();
    }

    /** One token. */
    public Token get(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", TokenStore::token, id)
                .orElseThrow(() -> new NotFound("Token " + id));
    }

    /** Newest first; revoked and expired ones only when asked for. */
    public Page<Token> list(Role role, boolean includeRevoked, int limit, PageCursor cursor) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (role != null) {
            where.add("role = ?");
            params.add(role.code());
        }
        if (!includeRevoked) {
            where.add("revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)");
            params.add(clock.instant());
        }
        String scope = role + "|" + includeRevoked;
        long total = sql.count("SELECT COUNT(*) FROM api_token" + where(where), params.toArray());
        if (cursor != null) {
            where.add("id < ?");
            params.add(cursor.lastKeyFor(scope, key -> Long.parseLong(key.get(0))));
        }
        List<Token> rows = sql.list("SELECT " + COLUMNS + " FROM api_token" + where(where) + " ORDER BY id DESC FETCH FIRST "
                + (limit + 1) + " ROWS ONLY", TokenStore::token, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = PageCursor.after(scope, List.of(Long.toString(rows.get(rows.size() - 1).id()))).encode();
        }
        return new Page<>(rows, next, total, true);
    }

    /** Usable admin tokens other than {@code id}: revoking the last one would lock every admin out. */
    private long otherUsableAdmins(Connection c, long id) throws SQLException {
        return Sql.list(c, "SELECT COUNT(*) FROM api_token WHERE role = ? AND id <> ? AND revoked_at IS NULL "
                + "AND (expires_at IS NULL OR expires_at > ?)", r -> r.getLong(1), Role.ADMIN.code(), id,
                clock.instant()).get(0);
    }

    private static String where(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private static Token token(ResultSet r) throws SQLException {
        return new Token(r.getLong("id"), r.getString("name"), r.getString("owner"), Coded.fromCode(Role.class, r.getString("role")),
                r.getString("prefix"), Sql.instant(r, "expires_at"), Sql.instant(r, "last_used_at"),
                Sql.instant(r, "revoked_at"), r.getString("revoked_by"), r.getString("revoke_reason"),
                r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"));
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
