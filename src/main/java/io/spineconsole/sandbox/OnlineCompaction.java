package io.spineconsole.sandbox;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * H2's own compaction of an open embedded store ({@code MVStore.compactFile}), a slice at a time, for a
 * file whose live data is too large to copy while everything waits ({@code SHUTDOWN COMPACT} takes about
 * a second per 10–18 MB of live data on a busy 2-core machine). Each slice rewrites sparse chunks and
 * moves chunks down the file under H2's store lock, which commits and checkpoints wait for (a second or
 * so); between slices the store is left to its writers for as long again. It stops when the file is down
 * to twice the live data it started with, when it has stopped shrinking, or when the time allowed is up,
 * and puts back H2's chunk retention time (which {@code compactFile} sets to 0) after every slice. It
 * reaches H2's store through H2's own classes: on a store it cannot reach that way it does nothing.
 */
final class OnlineCompaction {
    /**
     * It stops once the file is no more than this many times the live data it held at the start. (Not H2's
     * running fill rates: they jump while a slice has rewritten chunks but not yet moved them down and cut
     * the file, and a run that stopped on them stopped before the file shrank.)
     */
    static final int ENOUGH_TIMES_LIVE = 2;
    /**
     * Slices in a row that did not make the file smaller after which it stops: the first few rewrite sparse
     * chunks at the end of the file and free space only further down, which later slices move chunks into.
     */
    private static final int STALLED_SLICES = 10;

    private OnlineCompaction() {
    }

    /** What a run did: slices run, and the file's size before and after. */
    record Outcome(int slices, long bytesBefore, long bytesAfter, long millis) {
    }

    /**
     * Compacts in slices of {@code slice} for at most {@code budget}, or until {@code stop} says so (checked
     * between slices: the sandbox is stopping); null if H2's store could not be reached.
     */
    static Outcome run(DataSource dataSource, Path file, Duration budget, Duration slice, BooleanSupplier stop)
            throws SQLException {
        long started = System.nanoTime();
        long before = size(file);
        try (Connection c = dataSource.getConnection()) {
            MVStore store = mvStore(c);
            if (store == null) {
                return null;
            }
            long end = started + budget.toNanos();
            long enough = before / 100 * livePercent(store) * ENOUGH_TIMES_LIVE;
            long smallest = before;
            int stalled = 0;
            int slices = 0;
            while (System.nanoTime() < end && smallest > enough && stalled < STALLED_SLICES && !stop.getAsBoolean()) {
                int retention = store.getRetentionTime();
                try {
                    store.compactFile((int) slice.toMillis());
                } finally {
                    store.setRetentionTime(retention);
                }
                slices++;
                long now = size(file);
                stalled = now < smallest ? 0 : stalled + 1;
                smallest = Math.min(smallest, now);
                try {
                    Thread.sleep(slice.toMillis());  // the writers' turn
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return new Outcome(slices, before, size(file), (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The share of the file that is live data by H2's count: the chunks' share of the file times their fill. */
    static int livePercent(MVStore store) {
        return store.getFillRate() * store.getFileStore().getChunksFillRate() / 100;
    }

    /** H2's store behind {@code c}, or null where it is not an embedded H2 database this version of H2 lays out. */
    static MVStore mvStore(Connection c) {
        try {
            Session session = c.unwrap(JdbcConnection.class).getSession();
            if (session instanceof SessionLocal) {
                return ((SessionLocal) session).getDatabase().getStore().getMvStore();
            }
        } catch (SQLException | RuntimeException | LinkageError e) {
            // not H2's own connection, or another H2 layout: no online compaction
        }
        return null;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
