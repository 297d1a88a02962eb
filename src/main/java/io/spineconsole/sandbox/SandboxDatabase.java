package io.spineconsole.sandbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spineconsole.platform.StartupPhases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.h2.api.ErrorCode;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The sandbox's connection pool, with the schema migrated to the current version on open. */
public final class SandboxDatabase implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SandboxDatabase.class);
    /** Where the schema's migrations are, on the class path. */
    static final List<String> MIGRATION_FOLDERS = List.of("io/spineconsole/db/migration", "io/spineconsole/sandbox/messages",
            "io/spineconsole/sandbox/registrations/schema");
    private final HikariDataSource pool;
    /** What the stores use: the pool, behind a gate for an embedded file store (its compaction closes it). */
    private final DataSource dataSource;
    private final StoreGate gate;
    private final String product;
    private final boolean fileBacked;
    /** The H2 file, for an embedded file store; null otherwise. */
    private final Path file;

    /** Compactions done since start, and the time they took. */
    private final AtomicLong compactions = new AtomicLong();
    private final AtomicLong compactionNanos = new AtomicLong();
    /** Set when the sandbox stops: an online compaction under way ends at its next slice. */
    private volatile boolean stopping;

    private SandboxDatabase(HikariDataSource pool, String product, boolean fileBacked, Path file) {
        this.pool = pool;
        this.gate = file == null ? null : new StoreGate(pool);
        this.dataSource = gate == null ? pool : gate;
        this.product = product;
        this.fileBacked = fileBacked;
        this.file = file;
    }

    /** A store whose migration history differs from this build's: written by another version. */
    public static final class IncompatibleSchemaException extends RuntimeException {
        IncompatibleSchemaException(FlywayValidateException cause) {
            super("The database was written by another version of Spine Console: its schema history does not "
                    + "match this version's migrations (" + firstLine(cause.getMessage()) + ")", cause);
        }

        private static String firstLine(String message) {
            String m = message == null ? "" : message.strip();
            int end = m.indexOf('\n');
            return end < 0 ? m : m.substring(0, end).strip();
        }
    }

    /** An H2 file store another process has open (another console, or a headless sandbox, on the same files). */
    public static final class StoreInUseException extends RuntimeException {
        StoreInUseException(RuntimeException cause) {
            super("The database is open in another process (another Spine Console or sandbox on this computer)", cause);
        }

        /** True when {@code failure} is H2 refusing a file another process holds. */
        static boolean isLockedFile(Throwable failure) {
            return anyCause(failure, t ->
                    (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1)
                    || (t.getMessage() != null && t.getMessage().contains("The file is locked")));
        }
    }

    /** True when {@code failure} or any of its causes is {@code is}. */
    private static boolean anyCause(Throwable failure, java.util.function.Predicate<Throwable> is) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (is.test(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2's error codes for a file whose contents do not hold together: the file corrupted, and a row an
     * index points to missing from its table (H2 retries that as if a concurrent change caused it, then
     * reports a lock timeout with it as the cause).
     */
    private static final java.util.Set<Integer> DAMAGE_CODES = java.util.Set.of(ErrorCode.FILE_CORRUPTED_1,
            ErrorCode.ROW_NOT_FOUND_WHEN_DELETING_1, ErrorCode.ROW_NOT_FOUND_IN_PRIMARY_INDEX);
    /** The same found by H2's storage layer itself: file corrupt, a chunk or block missing, the undo log corrupt. */
    private static final java.util.Set<Integer> STORAGE_DAMAGE_CODES = java.util.Set.of(
            org.h2.mvstore.DataUtils.ERROR_FILE_CORRUPT, org.h2.mvstore.DataUtils.ERROR_CHUNK_NOT_FOUND,
            org.h2.mvstore.DataUtils.ERROR_BLOCK_NOT_FOUND, org.h2.mvstore.DataUtils.ERROR_TRANSACTION_CORRUPT);

    /**
     * True when {@code failure} is an H2 file that cannot be read as a whole (what a crash at the wrong moment
     * or a damaged disk leaves), as opposed to a mistake, a store in use, or a lock that may free.
     */
    public static boolean isDamaged(Throwable failure) {
        return anyCause(failure, t -> (t instanceof SQLException sql && DAMAGE_CODES.contains(sql.getErrorCode()))
                || (t instanceof org.h2.mvstore.MVStoreException store
                        && STORAGE_DAMAGE_CODES.contains(store.getErrorCode())));
    }

    /** The JDBC URL of an embedded H2 database whose files start with {@code database}. */
    public static String h2FileUrl(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath();
    }

    /**
     * Opens a pool on {@code jdbcUrl} (H2 or PostgreSQL) and applies any pending Flyway migrations.
     * User and password, if any, come from {@code user} and {@code password} (null for none).
     *
     * @throws IncompatibleSchemaException when the store's migration history is not this version's
     * @throws StoreInUseException when another process has the H2 file open
     */
    public static SandboxDatabase open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, StartupPhases.NONE);
    }

    /** The same, timing opening the store ({@code sandbox.database}) and its migrations ({@code sandbox.flyway}). */
    public static SandboxDatabase open(String jdbcUrl, String user, String password, StartupPhases phases) {
        return open(jdbcUrl, user, password, true, phases);
    }

    /** A pool on {@code jdbcUrl} with its schema as it is (tests that lay out an older schema first). */
    public static SandboxDatabase openWithoutMigrating(String jdbcUrl) {
        return open(jdbcUrl, null, null, false, StartupPhases.NONE);
    }

    private static SandboxDatabase open(String jdbcUrl, String user, String password, boolean migrate,
                                        StartupPhases phases) {
        jdbcUrl = closedByItsOwner(interruptProof(jdbcUrl));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("sandbox-db");
        config.setMaximumPoolSize(8);
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try (StartupPhases.Phase phase = phases.begin("sandbox.database")) {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw StoreInUseException.isLockedFile(e) ? new StoreInUseException(e) : e;
        }
        try {
            boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
            boolean fileBacked = !postgres && !jdbcUrl.startsWith("jdbc:h2:mem:");
            if (migrate) {
                try (StartupPhases.Phase phase = phases.begin("sandbox.flyway")) {
                    migrate(ds, fileBacked);
                }
            }
            return new SandboxDatabase(ds, postgres ? "postgresql" : "h2", fileBacked, fileBacked ? h2File(jdbcUrl) : null);
        } catch (FlywayValidateException e) {
            ds.close();
            throw new IncompatibleSchemaException(e);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    /**
     * Flyway's migrations: the SQL ones, and the Java ones kept beside the store they lay out (found by
     * scanning, so that this class needs no dependency on them). An H2 file store this build migrated
     * before skips Flyway ({@link SchemaStamp}).
     */
    private static void migrate(DataSource ds, boolean ownFile) {
        String stamp = ownFile ? SchemaStamp.of(MIGRATION_FOLDERS) : null;
        if (stamp != null && SchemaStamp.matches(ds, stamp)) {
            return;
        }
        Flyway.configure().dataSource(ds)
                .locations(MIGRATION_FOLDERS.stream().map(f -> "classpath:" + f).toArray(String[]::new))
                .load().migrate();
        if (stamp != null) {
            SchemaStamp.write(ds, stamp);
        }
    }

    /**
     * An H2 URL with {@code DB_CLOSE_ON_EXIT=FALSE} (unless it says otherwise). H2 otherwise closes
     * its databases from a shutdown hook of its own, racing the sandbox's: the simulator's ticks, a
     * roll-up flush or a request still running then failed with "Database is already closed", and the
     * last roll-ups were lost. The sandbox closes its store itself, after everything that writes to it.
     */
    static String closedByItsOwner(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:") || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
            return jdbcUrl;
        }
        return jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * An embedded H2 file URL opened through H2's {@code retry:} file system. H2's default file
     * system is a {@code FileChannel}, which Java closes when a thread using it is interrupted
     * ({@code ClosedByInterruptException}): one interrupted request (a server stopping, a timeout)
     * left the store failing every read after it. {@code retry:} opens the channel again and repeats
     * the read or write (H2 reads and writes its file at given positions, so a repeat is harmless).
     * The store was opened through {@code async:} before, which an interrupt cannot close either, but
     * it hands every page read to a thread pool and waits: reading the national directory for the
     * registration checks took three to four times as long. Other URLs (in-memory, remote,
     * PostgreSQL, or a file system already named) are returned unchanged.
     */
    static String interruptProof(String jdbcUrl) {
        String h2 = "jdbc:h2:";
        if (!jdbcUrl.startsWith(h2)) {
            return jdbcUrl;
        }
        String name = jdbcUrl.substring(h2.length());
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (!(name.startsWith("/") || name.startsWith("~") || name.startsWith("./") || name.startsWith("../")
                || name.startsWith("\\") || name.matches("(?s)[A-Za-z]:[/\\\\].*"))) {
            return jdbcUrl;  // mem:, tcp:, ssl:, zip:, nio:, async:, retry:, split: ... or a bare name H2 refuses anyway
        }
        return h2 + "retry:" + name;
    }

    /**
     * Makes every committed change survive the process being killed. PostgreSQL already has
     * (synchronous commit). An H2 file database writes committed changes to its file in the
     * background every WRITE_DELAY (500 ms): a {@code kill -9} in between loses commits whose
     * answers have gone out. The server calls this after each write request, before answering;
     * writing every commit instead (WRITE_DELAY=0) cut message ingest several times over, as H2
     * rewrites each touched index page on every store.
     */
    public void sync() {
        if (!fileBacked) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new Sql.StoreException(e);
        }
    }

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:[file:|retry:|async:]path[;options]}); null if none. */
    static Path h2File(String jdbcUrl) {
        String name = jdbcUrl.substring("jdbc:h2:".length());
        int options = name.indexOf(';');
        if (options >= 0) {
            name = name.substring(0, options);
        }
        for (String prefix : new String[] {"retry:", "async:", "file:", "nio:"}) {
            if (name.startsWith(prefix)) {
                name = name.substring(prefix.length());
            }
        }
        if (name.startsWith("mem:") || name.startsWith("tcp:") || name.startsWith("ssl:") || name.startsWith("zip:")) {
            return null;
        }
        String path = name.startsWith("~") ? System.getProperty("user.home") + name.substring(1) : name;
        return Path.of(path + ".mv.db");
    }

    /** Bytes the store takes on disk: the H2 file, or the PostgreSQL database; 0 for an in-memory store. */
    public long sizeBytes() {
        if (product.equals("postgresql")) {
            return new Sql(pool).count("SELECT pg_database_size(current_database())");
        }
        try {
            return file == null || !Files.exists(file) ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Leaves an embedded H2 file no larger than its data needs. H2 writes copy-on-write: a first
     * seeding rewrites index pages over and over, and live traffic with retention leaves a file many
     * times its data (BENCHMARKS.md). The database is closed compacted ({@code SHUTDOWN COMPACT}: its
     * live data copied into a fresh file) and the pool's connections replaced (the next one reopens it),
     * with the store to itself: whoever asks for a connection meanwhile waits (see {@link StoreGate}),
     * and the compaction starts once every connection lent has come back. Does nothing on other stores.
     *
     * @return true if it compacted; false on another store, or if the connections lent did not come
     *         back within {@code drain} (nothing was done; a later attempt may succeed)
     */
    public boolean compact(Duration drain) {
        if (gate == null) {
            return false;
        }
        try {
            return gate.alone(drain, this::shutdownCompact);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The same at start-up, before the store is served: waits for as long as a connection is out. */
    public void compact() {
        compact(Duration.ofMinutes(10));
    }

    private boolean shutdownCompact() {
        long started = System.nanoTime();
        Connection c = null;
        try {
            c = pool.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        } catch (SQLException e) {
            throw new Sql.StoreException(e);
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException closed) {
                    // The database closed under it, as asked: the pool drops the connection.
                }
            }
            pool.getHikariPoolMXBean().softEvictConnections();
        }
        compactions.incrementAndGet();
        compactionNanos.addAndGet(System.nanoTime() - started);
        return true;
    }

    /** A grown file is compacted once it is at least this big ... */
    static final long COMPACT_FROM_BYTES = 64L * 1024 * 1024;
    /** ... and more than this many times what H2 counts as live data in it. */
    static final int COMPACT_ABOVE_TIMES_LIVE = 3;
    /**
     * Up to this much live data (by H2's count), the file is copied compacted while everything waits (a few
     * seconds); above it, H2 compacts it in slices while the store serves ({@link OnlineCompaction}).
     */
    static final long COMPACT_ALONE_UP_TO_LIVE_BYTES = 128L * 1024 * 1024;
    /** How long a compaction waits for the connections lent to come back before trying at the next maintenance. */
    static final Duration COMPACT_DRAIN = Duration.ofSeconds(5);
    /** The longest an online compaction runs at one maintenance, and its slices. */
    static final Duration ONLINE_BUDGET = Duration.ofMinutes(2);
    static final Duration ONLINE_SLICE = Duration.ofMillis(500);

    /**
     * Compacts an embedded file store that has grown to more than {@value #COMPACT_ABOVE_TIMES_LIVE} times its
     * live data (and at least 64 MB): the store's housekeeping after retention, hourly and soon after each
     * start. H2 only reuses a dead chunk's space once all of it is dead, and its background compaction
     * barely runs while writes keep coming, so under live traffic the file otherwise grows to tens of times
     * its data. Up to 128 MB of live data the file is copied compacted with the store to itself: requests and
     * the sandbox's own writers wait for the few seconds it takes (never fail), and if the connections lent
     * do not come back within {@code COMPACT_DRAIN} it tries again next time. A larger store would keep them
     * waiting too long, so H2 compacts it in slices while it serves.
     *
     * @return true if it compacted
     */
    public boolean compactIfGrown() {
        return compactIfGrown(COMPACT_FROM_BYTES, COMPACT_ABOVE_TIMES_LIVE, COMPACT_ALONE_UP_TO_LIVE_BYTES, COMPACT_DRAIN,
                ONLINE_BUDGET);
    }

    boolean compactIfGrown(long fromBytes, int aboveTimesLive, long aloneUpToLiveBytes, Duration drain,
                           Duration onlineBudget) {
        if (gate == null || stopping) {
            return false;
        }
        long size = sizeBytes();
        if (size < fromBytes) {
            return false;
        }
        int livePercent = livePercent();
        if (livePercent < 0 || (long) livePercent * aboveTimesLive >= 100) {
            return false;
        }
        long started = System.nanoTime();
        if (size / 100 * livePercent > aloneUpToLiveBytes) {
            return compactOnline(size, livePercent, onlineBudget);
        }
        if (!compact(drain)) {
            LOG.info("The sandbox store ({} MB, {} % live data) was not compacted: connections still in use after {} s; "
                    + "will try again at the next maintenance", size / 1_000_000, livePercent, drain.toSeconds());
            return false;
        }
        LOG.info("Compacted the sandbox store from {} MB ({} % live data) to {} MB in {} ms", size / 1_000_000,
                livePercent, sizeBytes() / 1_000_000, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private boolean compactOnline(long size, int livePercent, Duration budget) {
        OnlineCompaction.Outcome done;
        try {
            done = OnlineCompaction.run(dataSource, file, budget, ONLINE_SLICE, () -> stopping);
        } catch (SQLException e) {
            throw new Sql.StoreException(e);
        }
        if (done == null) {
            return false;
        }
        compactions.incrementAndGet();
        compactionNanos.addAndGet(done.millis() * 1_000_000);
        LOG.info("Compacted the sandbox store while serving, from {} MB ({} % live data) to {} MB in {} slices, {} ms",
                size / 1_000_000, livePercent, done.bytesAfter() / 1_000_000, done.slices(), done.millis());
        return true;
    }

    /**
     * The share of the H2 file that is live data, in percent, by H2's own count: the space its chunks take
     * ({@code info.FILL_RATE}) times the live share of that space ({@code info.CHUNKS_FILL_RATE}); -1 if
     * H2 does not say.
     */
    int livePercent() {
        try {
            List<String> rates = new Sql(dataSource).list("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                            + "WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')",
                    r -> r.getString(1));
            if (rates.size() != 2) {
                return -1;
            }
            return Integer.parseInt(rates.get(0).strip()) * Integer.parseInt(rates.get(1).strip()) / 100;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Ends an online compaction under way at its next slice (within a second or so) and starts no other: the
     * sandbox is stopping, and waits for its maintenance before it closes the store.
     */
    public void stopCompacting() {
        stopping = true;
    }

    /** Compactions since start and the time they took, in milliseconds (benchmarks and tests). */
    public long[] compactionsAndMillis() {
        return new long[] {compactions.get(), compactionNanos.get() / 1_000_000};
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** {@code h2} or {@code postgresql}. */
    public String product() {
        return product;
    }

    /**
     * Closes the pool, shutting an H2 database down first: an in-memory one kept open with
     * {@code DB_CLOSE_DELAY=-1} would otherwise stay in the heap, every row of it, until the JVM ends.
     */
    @Override
    public void close() {
        if (!"postgresql".equals(product)) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException alreadyClosed) {
                // Closed already (a compaction or an earlier close): nothing is left to release.
            }
        }
        pool.close();
    }
}
