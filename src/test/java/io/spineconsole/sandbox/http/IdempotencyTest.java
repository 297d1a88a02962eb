package io.spineconsole.sandbox.http;

import io.spineconsole.sandbox.PostgresFixture;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key's reservation on both stores, below HTTP: a failure part-way leaves nothing; a twin waits
 * for the first and gets its answer, or 409 IN_PROGRESS when the first takes too long; another body
 * is refused; a key is forgotten after 24 hours and outlives a restart; and a store failure that is
 * not a duplicate key is an error, never swallowed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdempotencyTest {
    private static final Idempotency.Answer OK = new Idempotency.Answer(201, "{\"id\":1}", "/things/1", "\"1\"");

    private static SandboxDatabase open(String store) {
        return SandboxDatabase.open(store.equals("postgresql") ? PostgresFixture.newDatabase()
                : "jdbc:h2:mem:idem-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    private static Idempotency.Request request(String key, String body) {
        return new Idempotency.Request(7, "POST /api/v1/things", key, Idempotency.hash(body.getBytes()));
    }

    /** The request's work: one row in a table of effects, in the request's transaction. */
    private static Idempotency.Work effect(Sql sql, String key) {
        return () -> {
            sql.update("INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id) "
                    + "VALUES (CURRENT_TIMESTAMP, 'test', 'create', 'thing', ?)", key);
            return OK;
        };
    }

    private static long effects(Sql sql, String key) {
        return sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_id = ?", key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aFailurePartWayLeavesNothingAndTheRetryRunsOnce(String store) throws Exception {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            Idempotency idempotency = new Idempotency(sql, Clock.systemUTC(), store.equals("postgresql"));
            String key = UUID.randomUUID().toString();

            assertThrows(IllegalStateException.class, () -> idempotency.once(request(key, "{}"), () -> {
                effect(sql, key).run();
                throw new IllegalStateException("the process died here");
            }));
            assertEquals(0, effects(sql, key), "the work rolled back with the reservation");
            assertEquals(0, sql.count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", key));

            Idempotency.Result retried = idempotency.once(request(key, "{}"), effect(sql, key));
            Idempotency.Result again = idempotency.once(request(key, "{}"), effect(sql, key));
            assertFalse(retried.replayed());
            assertTrue(again.replayed());
            assertEquals(OK, again.answer());
            assertEquals(1, effects(sql, key));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTwinWaitsForTheFirstAndGetsItsAnswerWithoutDoingTheWork(String store) throws Exception {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            Idempotency idempotency = new Idempotency(sql, Clock.systemUTC(), store.equals("postgresql"));
            String key = UUID.randomUUID().toString();
            CountDownLatch working = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            CompletableFuture<Idempotency.Result> first = CompletableFuture.supplyAsync(() -> call(() ->
                    idempotency.once(request(key, "{}"), () -> {
                        runs.incrementAndGet();
                        effect(sql, key).run();
                        working.countDown();
                        finish.await();
                        return OK;
                    })));
            assertTrue(working.await(10, TimeUnit.SECONDS));
            CompletableFuture<Idempotency.Result> twin = CompletableFuture.supplyAsync(() -> call(() ->
                    idempotency.once(request(key, "{}"), () -> {
                        runs.incrementAndGet();
                        return OK;
                    })));
            Thread.sleep(300);
            assertFalse(twin.isDone(), "the twin waits while the first works");
            finish.countDown();

            assertFalse(first.get().replayed());
            assertTrue(twin.get().replayed());
            assertEquals(1, runs.get());
            assertEquals(1, effects(sql, key));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aTwinStillWaitingAfterTheBoundIsToldInProgressWithRetryAfter(String store) throws Exception {
        try (SandboxDatabase db = open(store)) {
            Sql sql = new Sql(db.dataSource());
            boolean postgres = store.equals("postgresql");
            Idempotency idempotency = new Idempotency(sql, Clock.systemUTC(), postgres, Duration.ofMillis(500));
            String key = UUID.randomUUID().toString();
            CountDownLatch working = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            CompletableFuture<Idempotency.Result> first = CompletableFuture.supplyAsync(() -> call(() ->
                    idempotency.once(request(key, "{}"), () -> {
                        working.countDown();
                        finish.await();
                        return OK;
                    })));
            assertTrue(working.await(10, TimeUnit.SECONDS));
            try {
                ProblemException busy = assertThrows(ProblemException.class, () -> idempotency.once(request(key, "{}"),
                        () -> OK));
                assertEquals(409, busy.status());
                assertEquals("IN_PROGRESS", busy.code());
                assertEquals("1", busy.headers().get("Retry-After"));
            } finally {
                finish.countDown();
            }
            assertFalse(first.get().replayed());
            assertTrue(idempotency.once(request(key, "{}"), () -> OK).replayed(), "then the answer is there");
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndChangesNothing() throws Exception {
        try (SandboxDatabase db = open("h2")) {
            Sql sql = new Sql(db.dataSource());
            Idempotency idempotency = new Idempotency(sql, Clock.systemUTC(), false);
            String key = UUID.randomUUID().toString();
            idempotency.once(request(key, "{\"a\":1}"), effect(sql, key));

            ProblemException refused = assertThrows(ProblemException.class,
                    () -> idempotency.once(request(key, "{\"a\":2}"), effect(sql, key)));
            assertEquals(422, refused.status());
            assertEquals("DUPLICATE_REJECTED", refused.code());
            assertEquals("IDEMPOTENCY_KEY_REUSED", refused.errors().get(0).code());
            assertEquals(1, effects(sql, key));
        }
    }

    @Test
    void aKeyIsKeptForADayAndThenForgotten() throws Exception {
        try (SandboxDatabase db = open("h2")) {
            Sql sql = new Sql(db.dataSource());
            AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-05T09:00:00Z"));
            Clock clock = new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            };
            Idempotency idempotency = new Idempotency(sql, clock, false);
            String key = UUID.randomUUID().toString();
            idempotency.once(request(key, "{}"), effect(sql, key));
            now.set(now.get().plus(Duration.ofHours(23)));
            assertTrue(idempotency.once(request(key, "{}"), effect(sql, key)).replayed(), "kept after 23 hours");
            now.set(now.get().plus(Duration.ofHours(2)));
            assertFalse(idempotency.once(request(key, "{}"), effect(sql, key)).replayed(), "forgotten after 25 hours");
            assertEquals(2, effects(sql, key));
        }
    }

    @Test
    void keysOutliveARestart(@TempDir Path dir) throws Exception {
        String url = SandboxDatabase.h2FileUrl(dir.resolve("store"));
        String key = UUID.randomUUID().toString();
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            Sql sql = new Sql(db.dataSource());
            new Idempotency(sql, Clock.systemUTC(), false).once(request(key, "{}"), effect(sql, key));
        }
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            Sql sql = new Sql(db.dataSource());
            Idempotency.Result again = new Idempotency(sql, Clock.systemUTC(), false).once(request(key, "{}"),
                    effect(sql, key));
            assertTrue(again.replayed());
            assertEquals(1, effects(sql, key));
        }
    }

    @Test
    void aStoreFailureThatIsNotADuplicateKeyIsAnError() throws Exception {
        try (SandboxDatabase db = open("h2")) {
            Sql sql = new Sql(db.dataSource());
            sql.update("ALTER TABLE idempotency_key ADD CONSTRAINT short_scope CHECK (LENGTH(scope) < 5)");
            Idempotency idempotency = new Idempotency(sql, Clock.systemUTC(), false);
            String key = UUID.randomUUID().toString();
            Sql.StoreException failure = assertThrows(Sql.StoreException.class,
                    () -> idempotency.once(request(key, "{}"), effect(sql, key)));
            assertEquals("23513", failure.sqlState(), "a check constraint, reported as it is");
            assertEquals(0, effects(sql, key), "and the work was not done");
        }
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
