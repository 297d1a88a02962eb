package io.spineconsole.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.spineconsole.sandbox.messages.SimulatedTraffic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store keeps its size: a file grown far beyond its data is compacted with nothing lost,
 * one that has not grown is left alone, the sandbox's own maintenance does it, and while a compaction has
 * the store to itself a request waits and is then served (never a 5xx), traffic carries on, and nothing is
 * logged at WARN or above.
 */
class StoreCompactionTest {

    /** Rewrites every row of a 2,000-row table {@code times} times, a commit each: H2 keeps the old copies. */
    private static void churn(Sql sql, int times) {
        sql.update("CREATE TABLE IF NOT EXISTS churn (id INT PRIMARY KEY, v VARCHAR(2100))");
        for (int round = 0; round < times; round++) {
            for (int from = 0; from < 2_000; from += 500) {
                StringBuilder values = new StringBuilder();
                for (int id = from; id < from + 500; id++) {
                    values.append(values.length() == 0 ? "" : ",").append("(").append(id).append(", REPEAT('")
                            .append((char) ('a' + (id + round) % 26)).append("', 2000))");
                }
                sql.update("MERGE INTO churn KEY (id) VALUES " + values);
                sql.update("CHECKPOINT");
            }
        }
    }

    private static String digest(Sql sql) {
        return sql.list("SELECT COUNT(*) || ':' || SUM(ASCII(v) * id) || ':' || SUM(LENGTH(v)) FROM churn",
                r -> r.getString(1)).get(0);
    }

    @Test
    void aFileGrownBeyondItsDataIsCompactedWithNothingLostAndOneThatHasNotIsLeftAlone(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("grown.mv.db");
        try (SandboxDatabase db = SandboxDatabase.open(SandboxDatabase.h2FileUrl(folder.resolve("grown")), null, null)) {
            Sql sql = new Sql(db.dataSource());
            churn(sql, 12);
            String before = digest(sql);
            db.sync();
            long grown = Files.size(file);
            int live = db.livePercent();
            assertTrue(live >= 0 && live < 50, "the churn left the file mostly dead chunks: " + live + " % live of "
                    + grown + " bytes");

            assertTrue(db.compactIfGrown(1_000_000, 3, Long.MAX_VALUE, Duration.ofSeconds(5), Duration.ZERO),
                    "a grown file is compacted");
            long compacted = Files.size(file);
            assertTrue(compacted * 2 < grown, "the file shrank: " + grown + " -> " + compacted + " bytes");
            assertEquals(before, digest(sql), "every row is there, unchanged, and the store is open again");
            assertEquals(1, db.compactionsAndMillis()[0]);

            assertFalse(db.compactIfGrown(1_000_000, 3, Long.MAX_VALUE, Duration.ofSeconds(5), Duration.ZERO),
                    "a compact file is left alone");
            assertFalse(db.compactIfGrown(Long.MAX_VALUE, 3, Long.MAX_VALUE, Duration.ofSeconds(5), Duration.ZERO),
                    "a small file is left alone");
            assertEquals(1, db.compactionsAndMillis()[0]);
        }
    }

    @Test
    void aStoreWithMoreLiveDataIsCompactedInSlicesWhileItIsWrittenAndRead(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("online.mv.db");
        try (SandboxDatabase db = SandboxDatabase.open(SandboxDatabase.h2FileUrl(folder.resolve("online")), null, null)) {
            Sql sql = new Sql(db.dataSource());
            churn(sql, 12);
            String before = digest(sql);
            db.sync();
            long grown = Files.size(file);
            sql.update("CREATE TABLE written (id INT PRIMARY KEY)");
            AtomicBoolean done = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean gateShut = new AtomicBoolean();
            AtomicLong smallest = new AtomicLong(Long.MAX_VALUE);
            Thread writer = new Thread(() -> {
                try {
                    while (!done.get()) {
                        sql.update("INSERT INTO written VALUES (?)", written.get());
                        if (written.incrementAndGet() % 20 == 0) {
                            db.sync();  // as write requests are answered
                        }
                        gateShut.compareAndSet(false, ((StoreGate) db.dataSource()).isShut());
                        smallest.accumulateAndGet(Files.size(file), Math::min);
                        assertEquals(written.get(), sql.count("SELECT COUNT(*) FROM written"));
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
            writer.start();
            boolean compacted;
            try {
                // No live data may be copied with the store to itself: H2 compacts in slices while it serves.
                compacted = db.compactIfGrown(1_000_000, 3, 0, Duration.ofSeconds(5), Duration.ofSeconds(30));
            } finally {
                done.set(true);
                writer.join();
            }
            assertEquals(null, failure.get(), "writes and reads went on without failing");
            assertTrue(compacted);
            assertFalse(gateShut.get(), "nobody was made to wait at the gate");
            assertTrue(written.get() > 10, written.get() + " writes during the compaction");
            assertEquals(written.get(), sql.count("SELECT COUNT(*) FROM written"), "every write is there");
            assertEquals(before, digest(sql), "every row is there, unchanged");
            // H2 cut the file down while it was written. (Where it ends depends on timing: the writes and H2's own
            // housekeeping grow it again between slices; BENCHMARKS.md has what that means over days.)
            assertTrue(smallest.get() * 2 < grown, "the file shrank: " + grown + " -> " + smallest.get());
            try (Connection c = db.dataSource().getConnection()) {
                assertEquals(45_000, OnlineCompaction.mvStore(c).getRetentionTime(), "H2's chunk retention is put back");
            }
        }
    }

    @Test
    void anOnlineCompactionEndsPromptlyWhenTheSandboxStops(@TempDir Path folder) throws Exception {
        try (SandboxDatabase db = SandboxDatabase.open(SandboxDatabase.h2FileUrl(folder.resolve("stops")), null, null)) {
            churn(new Sql(db.dataSource()), 12);
            db.sync();
            CompletableFuture<Boolean> compaction = CompletableFuture.supplyAsync(
                    () -> db.compactIfGrown(1_000_000, 3, 0, Duration.ofSeconds(5), Duration.ofMinutes(10)));
            Thread.sleep(300);
            long asked = System.nanoTime();
            db.stopCompacting();
            compaction.get(30, TimeUnit.SECONDS);
            long tookMillis = (System.nanoTime() - asked) / 1_000_000;
            assertTrue(tookMillis < 3_000, "ended " + tookMillis + " ms after the sandbox began to stop");
            assertFalse(db.compactIfGrown(1_000_000, 3, 0, Duration.ofSeconds(5), Duration.ofMinutes(10)),
                    "no compaction starts once the sandbox is stopping");
        }
    }

    @Test
    void theSandboxsMaintenanceCompactsItsGrownStore(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("maintained.mv.db");
        try (SandboxFixture sandbox = SandboxFixture.start(SandboxDatabase.h2FileUrl(folder.resolve("maintained")),
                SandboxFixture.TINY)) {
            SandboxDatabase db = sandbox.backbone().database();
            Sql sql = new Sql(db.dataSource());
            long messages = sql.count("SELECT COUNT(*) FROM message");
            churn(sql, 40);
            String rows = digest(sql);
            db.sync();
            long grown = Files.size(file);
            assertTrue(grown > SandboxDatabase.COMPACT_FROM_BYTES, "grown past the threshold: " + grown + " bytes");

            long compactedBefore = db.compactionsAndMillis()[0];  // the first seeding's
            new SimulatedTraffic(sandbox.backbone(), at -> { }).maintain();  // the hourly maintenance, now

            assertEquals(compactedBefore + 1, db.compactionsAndMillis()[0], "the maintenance compacted the store");
            assertTrue(Files.size(file) * 2 < grown, "the file shrank: " + grown + " -> " + Files.size(file));
            assertEquals(messages, sql.count("SELECT COUNT(*) FROM message"));
            assertEquals(rows, digest(sql));
        }
    }

    @Test
    void aRequestDuringACompactionWaitsAndIsServedWhileTrafficRunsAndNothingIsLogged(@TempDir Path folder) throws Exception {
        String url = SandboxDatabase.h2FileUrl(folder.resolve("served"));
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        try (SandboxFixture sandbox = SandboxFixture.start(url, SandboxFixture.TINY)) {
            SandboxDatabase db = sandbox.backbone().database();
            Sql sql = new Sql(db.dataSource());
            log.start();
            root.addAppender(log);
            sandbox.backbone().traffic().start(500);
            Thread.sleep(700);
            long messagesBefore = sql.count("SELECT COUNT(*) FROM message");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest search = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/messages?limit=20"))
                    .header("Authorization", "Bearer " + sandbox.adminToken()).build();
            assertEquals(200, http.send(search, HttpResponse.BodyHandlers.ofString()).statusCode(), "served before");

            CompletableFuture<Boolean> compaction;
            CompletableFuture<HttpResponse<String>> answer;
            try (Connection held = db.dataSource().getConnection()) {  // a reader still at work: the compaction waits for it
                compaction = CompletableFuture.supplyAsync(() -> db.compact(Duration.ofSeconds(30)));
                while (!((StoreGate) db.dataSource()).isShut()) {
                    Thread.sleep(5);
                }
                answer = http.sendAsync(search, HttpResponse.BodyHandlers.ofString());
                Thread.sleep(500);
                assertFalse(answer.isDone(), "a request that came while the store was being compacted waits");
                assertFalse(compaction.isDone(), "the compaction waits for the connection still in use");
            }
            assertTrue(compaction.get(60, TimeUnit.SECONDS), "compacted once the connection came back");
            HttpResponse<String> served = answer.get(60, TimeUnit.SECONDS);
            assertEquals(200, served.statusCode(), served.body());
            assertTrue(served.body().contains("\"items\""), served.body());

            Thread.sleep(1_000);  // traffic goes on after the compaction
            assertTrue(sandbox.backbone().traffic().isRunning());
            assertTrue(sql.count("SELECT COUNT(*) FROM message") > messagesBefore, "traffic kept being stored");

            // A connection that does not come back in time: nothing is done, and nobody is kept waiting after.
            try (Connection held = db.dataSource().getConnection()) {
                assertFalse(db.compact(Duration.ofMillis(300)), "gave up: a connection was still in use");
            }
            assertFalse(((StoreGate) db.dataSource()).isShut());
            assertEquals(200, http.send(search, HttpResponse.BodyHandlers.ofString()).statusCode());
            sandbox.backbone().traffic().stop();
        } finally {
            root.detachAppender(log);
        }
        List<String> problems = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + " " + e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ": " + e.getThrowableProxy().getMessage()))
                .collect(Collectors.toList());
        assertEquals(List.of(), problems, "compacting under traffic logged problems");
    }
}
