package io.spineconsole.sandbox.http;

import io.spineconsole.sandbox.Sql;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Creating and acting POSTs happen once per {@code Idempotency-Key}, scoped to the token, method,
 * path and query, for 24 hours (the keys are rows in the store, so they outlive a restart).
 *
 * <p>How: the key is reserved before the work starts, in the work's own transaction. The request
 * first inserts the key's row (state {@code in-progress}); only one request can insert it (primary
 * key). It then does the work on the same transaction ({@link Sql} joins every store call on the
 * thread to it) and turns the row into the answer (state {@code done}) before that transaction
 * commits. So the work and its answer commit together or not at all:
 * <ul>
 *   <li>A twin that arrives while the first is working waits on the key inside the database (at most
 *       {@link #LOCK_WAIT} at a time, {@link #WAIT} in all). When the first commits, the twin's insert
 *       fails with a duplicate key and it answers the stored answer ({@code Idempotent-Replayed: true});
 *       if the first rolls back (it failed: nothing was done), the twin's insert succeeds and it does
 *       the work itself. Still waiting after {@link #WAIT}: 409 {@code IN_PROGRESS} with
 *       {@code Retry-After}.</li>
 *   <li>A crash between the reservation and the commit leaves nothing: the reservation was never
 *       committed, and the database drops the dead transaction and its lock with its connection (an
 *       embedded H2 with its process). There is no stale in-progress row to reclaim.</li>
 *   <li>The same key with a different body: 422 {@code DUPLICATE_REJECTED}.</li>
 *   <li>A refused or failed request stores nothing: its transaction rolls back with the reservation,
 *       and a retry is judged afresh.</li>
 * </ul>
 * Only a duplicate key is taken as "someone else has it"; a lock wait that runs out means "still being
 * worked on"; any other database error is an error. Both are recognised by SQLState.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    public static final Duration KEEP = Duration.ofHours(24);
    /** The longest a twin waits for the first request with its key to finish before 409 IN_PROGRESS. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /**
     * How long one attempt waits on a lock (H2's default; set for the transaction on PostgreSQL, which
     * otherwise waits for ever). It bounds every lock wait of an idempotent request's work too.
     */
    static final Duration LOCK_WAIT = Duration.ofSeconds(2);
    /** What 409 IN_PROGRESS's {@code Retry-After} says, in seconds. */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    /** openapi.yaml's IdempotencyKey: letters, digits and . _ : - only (a UUID fits), at most 128. */
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Sql sql;
    private final Clock clock;
    private final boolean postgres;
    private final Duration wait;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    /** One keyed request: whose, where, which key, and the SHA-256 of its body. */
    public record Request(long tokenId, String scope, String key, String bodyHash) {
    }

    /** An answer as stored for a replay. */
    public record Answer(int status, String body, String location, String etag) {
    }

    /** The answer, and whether it was a replay of an earlier request's. */
    public record Result(Answer answer, boolean replayed) {
    }

    /** The request's work: runs inside the transaction that holds its key. */
    @FunctionalInterface
    public interface Work {
        Answer run() throws Exception;
    }

    public Idempotency(Sql sql, Clock clock, boolean postgres) {
        this(sql, clock, postgres, WAIT);
    }

    /** With another bound on a twin's wait (tests). */
    Idempotency(Sql sql, Clock clock, boolean postgres, Duration wait) {
        this.sql = sql;
        this.clock = clock;
        this.postgres = postgres;
        this.wait = wait;
    }

    /** Validates a client's key against openapi.yaml's pattern. */
    public static String checkKey(String key) {
        if (!VALID_KEY.matcher(key).matches()) {
            throw ProblemException.badParameter("header." + HEADER, "INVALID_IDEMPOTENCY_KEY",
                    "Idempotency-Key must be 1 to 128 letters, digits, '.', '_', ':' or '-', for example a UUID.");
        }
        return key;
    }

    /**
     * Runs {@code work} once for {@code request}'s key: the first time it does the work and keeps the
     * answer; a retry (or a twin that was waiting) gets the kept answer.
     */
    public Result once(Request request, Work work) throws Exception {
        sweepIfDue();
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                return new Result(sql.inTransaction(c -> {
                    reserve(c, request);
                    Answer answer = run(work);
                    Sql.update(c, "UPDATE idempotency_key SET state = 'done', status = ?, body = ?, location = ?, "
                                    + "etag = ?, finished_at = ? WHERE token_id = ? AND scope = ? AND idem_key = ?",
                            answer.status(), answer.body(), answer.location(), answer.etag(), clock.instant(),
                            request.tokenId(), request.scope(), request.key());
                    return answer;
                }), false);
            } catch (WorkFailed failed) {
                throw failed.getCause() instanceof Exception e ? e : new IllegalStateException(failed.getCause());
            } catch (Taken taken) {
                Optional<Answer> earlier = answered(request);
                if (earlier.isPresent()) {
                    return new Result(earlier.get(), true);
                }
                // Gone since (expired and swept): reserve it again.
            } catch (Busy busy) {
                // The first request with this key is still working: its lock wait has already paced us.
            }
            if (System.nanoTime() - deadline > 0) {
                throw inProgress();
            }
        }
    }

    private void reserve(Connection c, Request request) throws SQLException {
        if (postgres) {
            Sql.update(c, "SET LOCAL lock_timeout = '" + LOCK_WAIT.toMillis() + "ms'");
        }
        Instant now = clock.instant();
        try {
            // A key older than KEEP is forgotten: its row gives way to the new request.
            Sql.update(c, "DELETE FROM idempotency_key WHERE token_id = ? AND scope = ? AND idem_key = ? "
                    + "AND created_at <= ?", request.tokenId(), request.scope(), request.key(), now.minus(KEEP));
            Sql.update(c, "INSERT INTO idempotency_key (token_id, scope, idem_key, request_hash, state, created_at) "
                    + "VALUES (?, ?, ?, ?, 'in-progress', ?)", request.tokenId(), request.scope(), request.key(),
                    request.bodyHash(), now);
        } catch (SQLException e) {
            if (Sql.isDuplicateKey(e)) {
                throw new Taken();
            }
            if (Sql.isLockTimeout(e)) {
                throw new Busy();
            }
            throw e;
        }
    }

    private static Answer run(Work work) {
        try {
            return work.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new WorkFailed(e);
        }
    }

    /** The kept answer for the key, if it is still kept; refused when the body differs. */
    private Optional<Answer> answered(Request request) {
        record Row(String hash, String state, Answer answer) {
        }
        Optional<Row> row = sql.one("SELECT request_hash, state, status, body, location, etag FROM idempotency_key "
                        + "WHERE token_id = ? AND scope = ? AND idem_key = ? AND created_at > ?",
                r -> new Row(r.getString("request_hash"), r.getString("state"), new Answer(r.getInt("status"),
                        r.getString("body"), r.getString("location"), r.getString("etag"))),
                request.tokenId(), request.scope(), request.key(), clock.instant().minus(KEEP));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!row.get().hash().equals(request.bodyHash())) {
            throw new ProblemException(422, "DUPLICATE_REJECTED", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request body.",
                    List.of(new ProblemException.FieldProblem("header." + HEADER, "IDEMPOTENCY_KEY_REUSED",
                            "Use a new key for a new request.")), null);
        }
        if (!"done".equals(row.get().state())) {
            throw new IllegalStateException("An Idempotency-Key was committed before its answer");
        }
        return Optional.of(row.get().answer());
    }

    /** Forgets keys older than {@link #KEEP}, at most every {@link #SWEEP_EVERY}. */
    private void sweepIfDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        sql.update("DELETE FROM idempotency_key WHERE created_at <= ?", now.minus(KEEP));
    }

    static ProblemException inProgress() {
        return new ProblemException(409, "IN_PROGRESS", "Conflict", "A request with this Idempotency-Key is still "
                + "being worked on. Send it again with the same key after Retry-After: it gets that request's answer.")
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }

    public static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another request holds (or held) the key: read its answer. */
    private static final class Taken extends RuntimeException {
        Taken() {
            super(null, null, false, false);
        }
    }

    /** Another request holds the key and is still working. */
    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    /** The work threw a checked exception: carried out of the transaction, then thrown as it was. */
    private static final class WorkFailed extends RuntimeException {
        WorkFailed(Exception cause) {
            super(cause);
        }
    }
}
