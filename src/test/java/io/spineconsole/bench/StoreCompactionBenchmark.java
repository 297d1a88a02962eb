package io.spineconsole.bench;

import io.spineconsole.testing.MovableClock;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.SimulatedTraffic;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What does compacting a grown embedded store cost, and can H2 do it while the sandbox writes? A desktop
 * sandbox runs {@code bench.days} simulated days of sampled traffic (as {@link BoundedDiskBenchmark} does)
 * so that its file grows far beyond its data; a copy of that file is taken, then:
 * <ol>
 *   <li><b>online</b>: H2's MVStore {@code compactFile} in slices of {@code bench.sliceMillis} while another
 *   thread keeps writing the next simulated day's traffic and a third reads and checkpoints (as a write
 *   request's answer does), recording the slowest read and any failure;</li>
 *   <li><b>offline</b>, on the copy: opening it, {@code SHUTDOWN COMPACT}, and opening it again, as a start-time
 *   compaction would.</li>
 * </ol>
 * Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.StoreCompactionBenchmark} (options in
 * {@code bench.jvmArgs}: {@code -Dbench.days=4 -Dbench.sliceMillis=500 -Dbench.perSecond=0.1 -Dbench.online=false}: the last skips the online part).
 * The file grows with retention but without the product's compaction (as before it compacted).
 */
public final class StoreCompactionBenchmark {
    private static final int DAYS = Integer.getInteger("bench.days", 4);
    private static final int SLICE_MILLIS = Integer.getInteger("bench.sliceMillis", 500);
    /** Messages a second of simulated time (0.1: 40 msg/s kept 1 in 400). */
    private static final double PER_SECOND = Double.parseDouble(System.getProperty("bench.perSecond", "0.1"));
    private static final boolean ONLINE = Boolean.parseBoolean(System.getProperty("bench.online", "true"));
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private StoreCompactionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        Path dir = Files.createTempDirectory("store-compaction-");
        Path database = dir.resolve("sandbox");
        Path file = dir.resolve("sandbox.mv.db");
        Path copy = dir.resolve("copy.mv.db");
        MovableClock clock = new MovableClock(T0);
        SandboxBackbone.Config config = new SandboxBackbone.Config(SandboxDatabase.h2FileUrl(database), null, null,
                "127.0.0.1", 0, SeedData.Scale.desktop(), "sandbox");
        System.out.printf(Locale.ROOT, "Store compaction: %d simulated days at %.2f msg/s of simulated time, load %s%n",
                DAYS, PER_SECOND, BoundedDiskBenchmark.loadAverage());
        try (SandboxBackbone backbone = SandboxBackbone.startOnOwnStore(database, config, clock)) {
            Sql sql = new Sql(backbone.database().dataSource());
            SimulatedTraffic traffic = new SimulatedTraffic(backbone, at -> clock.now = at);
            for (int d = 1; d <= DAYS; d++) {
                Instant dayStart = T0.plus(Duration.ofDays(d - 1));
                for (int h = 0; h < 24; h++) {
                    traffic.run(dayStart.plus(Duration.ofHours(h)), Duration.ofHours(1), PER_SECOND, Duration.ofMinutes(5));
                    traffic.expireOnly();  // no compaction: the file grows as it did before the product compacted
                }
            }
            backbone.database().sync();
            long messages = sql.count("SELECT COUNT(*) FROM message");
            System.out.printf(Locale.ROOT, "grown: %,d messages, file %.1f MB, %s%n", messages, Files.size(file) / 1e6,
                    fill(backbone));
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);

            if (!ONLINE) {
                backbone.traffic().stop();
            } else {
                // Online, under writes and reads.
                AtomicBoolean done = new AtomicBoolean();
                AtomicReference<Throwable> failure = new AtomicReference<>();
                AtomicLong slowestReadNanos = new AtomicLong();
                AtomicLong reads = new AtomicLong();
                AtomicLong written = new AtomicLong();
                Instant next = T0.plus(Duration.ofDays(DAYS));
                Thread writer = new Thread(() -> {
                    try {
                        for (int h = 0; h < 24 && !done.get(); h++) {
                            written.addAndGet(traffic.run(next.plus(Duration.ofHours(h)), Duration.ofHours(1), PER_SECOND,
                                    Duration.ofMinutes(5)));
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "writer");
                Thread reader = new Thread(() -> {
                    try {
                        while (!done.get()) {
                            long t0 = System.nanoTime();
                            sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ?", next);
                            backbone.database().sync();
                            long took = System.nanoTime() - t0;
                            slowestReadNanos.accumulateAndGet(took, Math::max);
                            reads.incrementAndGet();
                        }
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "reader");
                writer.start();
                reader.start();
                long t0 = System.nanoTime();
                int slices = 0;
                try (Connection c = backbone.database().dataSource().getConnection()) {
                    MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                            .getMvStore();
                    int retention = store.getRetentionTime();
                    long before = Files.size(file);
                    while (slices < 600) {
                        store.compactFile(SLICE_MILLIS);
                        slices++;
                        if (slices <= 5 || slices % 10 == 0) {
                            System.out.printf(Locale.ROOT, "  slice %d: file %.1f MB, fill %d %% (chunks %d %%)%n", slices,
                                    Files.size(file) / 1e6, store.getFillRate(), store.getFileStore().getChunksFillRate());
                        }
                        if (store.getFileStore().getChunksFillRate() >= 80 || Files.size(file) >= before && slices > 40) {
                            break;
                        }
                    }
                    store.setRetentionTime(retention);
                }
                long onlineNanos = System.nanoTime() - t0;
                done.set(true);
                writer.join();
                reader.join();
                backbone.database().sync();
                System.out.printf(Locale.ROOT, "online compactFile: %d slices of %d ms, %.1f s; file %.1f MB, %s; meanwhile "
                                + "%,d messages written, %,d reads (slowest %.0f ms); failure: %s%n", slices, SLICE_MILLIS,
                        onlineNanos / 1e9, Files.size(file) / 1e6, fill(backbone), written.get(), reads.get(),
                        slowestReadNanos.get() / 1e6, failure.get());
                System.out.printf(Locale.ROOT, "messages now %,d%n", sql.count("SELECT COUNT(*) FROM message"));
            }
            long c0 = System.nanoTime();
            backbone.database().compact();
            System.out.printf(Locale.ROOT, "then SHUTDOWN COMPACT in place: %.1f s, file %.1f MB%n",
                    (System.nanoTime() - c0) / 1e9, Files.size(file) / 1e6);
        }

        // Offline, on the copy: as a start-time compaction would.
        String url = "jdbc:h2:retry:" + dir.resolve("copy").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        long o0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            long opened = System.nanoTime();
            s.execute("SHUTDOWN COMPACT");
            long compacted = System.nanoTime();
            System.out.printf(Locale.ROOT, "offline on the copy: open %.1f s, SHUTDOWN COMPACT %.1f s, file %.1f MB%n",
                    (opened - o0) / 1e9, (compacted - opened) / 1e9, Files.size(copy) / 1e6);
        }
        long r0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("SELECT COUNT(*) FROM message");
            System.out.printf(Locale.ROOT, "reopened compacted copy: %.1f s%n", (System.nanoTime() - r0) / 1e9);
            s.execute("SHUTDOWN");
        }
        System.out.printf(Locale.ROOT, "load %s%n", BoundedDiskBenchmark.loadAverage());
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String fill(SandboxBackbone backbone) throws Exception {
        try (Connection c = backbone.database().dataSource().getConnection()) {
            MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore()
                    .getMvStore();
            return "fill " + store.getFillRate() + " %, chunks fill " + store.getFileStore().getChunksFillRate() + " %";
        }
    }
}
