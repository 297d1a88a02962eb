package io.spineconsole.sandbox.http;

import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the answers to creating and acting POSTs by {@code Idempotency-Key} for 24 hours, scoped
 * to the token, method, path and query: the same key and body again gets the first answer; the
 * same key with another body is refused (422 DUPLICATE_REJECTED).
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration KEEP = Duration.ofHours(24);
    /** openapi.yaml's IdempotencyKey: letters, digits and . _ : - only (a UUID fits), at most 128. */
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Sql sql;
    private final Clock clock;

    /** A stored answer. */
    public record Stored(int status, String body, String location, String etag) {
    }

    public Idempotency(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** Validates a client's key against openapi.yaml's pattern. */
    public static String checkKey(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badParameter("header." + HEADER, "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1 to 128 letters, digits, '.', '_', ':' or '-', for example a UUID.");
        }
        return key;
    }

    /** The earlier answer for this key, or empty; a different body under the same key is refused. */
    public Optional<Stored> find(Principal caller, String scope, String key, byte[] body) {
        String hash = hash(body);
        return sql.one("SELECT request_hash, status, body, location, etag FROM idempotent_answer "
                        + "WHERE token_id = ? AND scope = ? AND idem_key = ? AND created_at > ?",
                r -> {
                    if (!r.getString("request_hash").equals(hash)) {
                        throw new ProblemException(422, "DUPLICATE_REJECTED", "Idempotency key reused",
                                "This Idempotency-Key was already used for a different request body.",
                                java.util.List.of(new ProblemException.FieldProblem("header." + HEADER,
                                        "IDEMPOTENCY_KEY_REUSED", "Use a new key for a new request.")), null);
                    }
                    return new Stored(r.getInt("status"), r.getString("body"), r.getString("location"),
                            r.getString("etag"));
                },
                caller.tokenId(), scope, key, clock.instant().minus(KEEP));
    }

    /** Remembers a successful answer. A concurrent twin that stored first wins; that is fine. */
    public void store(Principal caller, String scope, String key, byte[] body, Stored answer) {
        sql.update("DELETE FROM idempotent_answer WHERE created_at <= ?", clock.instant().minus(KEEP));
        try {
            sql.update("INSERT INTO idempotent_answer (token_id, scope, idem_key, request_hash, status, body, "
                            + "location, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    caller.tokenId(), scope, key, hash(body), answer.status(), answer.body(), answer.location(),
                    answer.etag(), clock.instant());
        } catch (Sql.StoreException duplicate) {
            // Another request with the same key finished first; its answer stands.
        }
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
