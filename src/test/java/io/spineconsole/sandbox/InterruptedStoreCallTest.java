package io.spineconsole.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A thread interrupted inside a store call (a request cut off when the server stops or times out)
 * must not break the store for everyone after it. H2's default file system is a FileChannel, which
 * Java closes when a thread blocked in it is interrupted; the sandbox opens H2 files through H2's
 * {@code retry:} file system instead, which opens the channel again and repeats the call.
 */
class InterruptedStoreCallTest {
    private static final int ROWS = 20_000;
    /** A page cache much smaller than the table, so that every scan reads the file. */
    private static final String SMALL_CACHE = ";CACHE_SIZE=256";

    @Test
    void aStoreCallInterruptedOnAnH2FileLeavesTheStoreWorking(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("sandbox").toAbsolutePath() + SMALL_CACHE;
        assertTrue(SandboxDatabase.interruptProof(url).startsWith("jdbc:h2:retry:"), SandboxDatabase.interruptProof(url));
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            Sql sql = new Sql(db.dataSource());
            fill(sql);
            int interrupted = interruptWhileScanning(() -> sql.count("SELECT SUM(LENGTH(pad)) FROM filler"));
            assertTrue(interrupted > 0, "no interrupt landed inside a store call");
            // Every reader and writer after the interrupts still works, on every pooled connection.
            for (int i = 0; i < 10; i++) {
                assertEquals(ROWS, sql.count("SELECT COUNT(*) FROM filler WHERE LENGTH(pad) = 200"));
            }
            sql.update("INSERT INTO filler (id, pad) VALUES (?, ?)", ROWS, "x".repeat(200));
            assertEquals(ROWS + 1, sql.count("SELECT COUNT(*) FROM filler WHERE LENGTH(pad) = 200"));
            db.sync();
        }
        // And the file opens again with everything in it.
        try (SandboxDatabase db = SandboxDatabase.open(url, null, null)) {
            assertEquals(ROWS + 1, new Sql(db.dataSource()).count("SELECT COUNT(*) FROM filler"));
        }
    }

    /** Why: the same interrupts on H2's default file system close its channel, and every later read fails. */
    @Test
    void theSameInterruptBreaksAnH2FileOpenedOnItsDefaultFileSystem(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("plain").toAbsolutePath() + SMALL_CACHE;
        try (Connection setup = DriverManager.getConnection(url)) {
            try (Statement s = setup.createStatement()) {
                s.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, pad VARCHAR(400))");
            }
            try (PreparedStatement ps = setup.prepareStatement("INSERT INTO filler (id, pad) VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, String.valueOf((char) ('a' + i % 26)).repeat(200));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (Statement s = setup.createStatement()) {
                s.execute("CHECKPOINT");
            }
            interruptWhileScanning(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                     ResultSet r = s.executeQuery("SELECT SUM(LENGTH(pad)) FROM filler")) {
                    r.next();
                    return r.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThrows(SQLException.class, () -> {
                try (Statement s = setup.createStatement();
                     ResultSet r = s.executeQuery("SELECT SUM(LENGTH(pad)) FROM filler")) {
                    r.next();
                }
            });
        }
    }

    private static void fill(Sql sql) {
        sql.update("CREATE TABLE filler (id INTEGER PRIMARY KEY, pad VARCHAR(400))");
        sql.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO filler (id, pad) VALUES (?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, String.valueOf((char) ('a' + i % 26)).repeat(200));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
        sql.update("CHECKPOINT");
    }

    private interface StoreCall {
        long run();
    }

    /**
     * Runs {@code call} over and over on a thread of its own and interrupts that thread 30 times
     * while it does; returns how many calls ended early (failed, or saw the interrupt).
     */
    private static int interruptWhileScanning(StoreCall call) throws InterruptedException {
        AtomicInteger cut = new AtomicInteger();
        AtomicReference<Boolean> stop = new AtomicReference<>(false);
        CountDownLatch running = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            running.countDown();
            while (!stop.get()) {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    cut.incrementAndGet();
                }
                if (Thread.interrupted()) {
                    cut.incrementAndGet();
                }
            }
        }, "interrupted-store-call");
        worker.start();
        running.await();
        for (int i = 0; i < 30; i++) {
            Thread.sleep(15);
            worker.interrupt();
        }
        stop.set(true);
        worker.join(30_000);
        return cut.get();
    }
}
