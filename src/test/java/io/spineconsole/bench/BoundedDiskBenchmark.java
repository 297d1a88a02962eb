package io.spineconsole.bench;

import io.spineconsole.testing.MovableClock;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.MessageRetention;
import io.spineconsole.sandbox.messages.SimulatedTraffic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Does the embedded store keep its size? The desktop sandbox (its own H2 file, seeded as the console
 * seeds it, compacted after seeding, desktop retention of {@value MessageRetention#DESKTOP_DAYS} days)
 * runs live traffic through simulated days with its clock advanced: the simulator's own generator
 * makes each five minutes' messages at their simulated time and they go in through the store's ingest
 * path (retries made as they fall due), the store's maintenance (retention) runs every simulated hour
 * as the sandbox runs it hourly, and at the end of each simulated day the benchmark prints the store
 * file's size (after a checkpoint) and how many messages it holds. Nothing sleeps.
 *
 * <p>Two runs, each on a fresh store: the desktop rate ({@code 40} msg/s) and the national average
 * ({@code 500} msg/s). A week at full rate is 24 M and 302 M messages, which no 2-core machine writes into
 * H2 in minutes; so a run keeps one message in {@code sampling} (1 in 400 at the desktop rate, 1 in 5,000
 * at 500 msg/s by default, 8,640 messages a simulated day each): the traffic's make-up, its retries and
 * the retention are those of the full rate, the number of messages is divided by the factor. Each
 * day's line also gives H2's own fill rate of the file (the share of it that is live data), and the
 * run ends with the size the file compacts to ({@code SHUTDOWN COMPACT}), what its data
 * needs. A simulated day takes seconds of real time where the sandbox has a day for H2's background
 * housekeeping (it frees and reuses dead chunks of its copy-on-write file after a real-time delay), and a
 * day's writes are 288 commits here against a live sandbox's 5 a second: read the file sizes as the
 * shape of disk use under retention, not as a live sandbox's absolute figures. In particular H2 keeps
 * dead chunks for 45 s of real time before reusing their space ({@code RETENTION_TIME}), which is a
 * moment of a live sandbox's day and most of a week here; {@code -Dbench.h2RetentionMillis=0} sets it
 * to what 45 s is against a simulated day, to see disk use without that artefact. {@code bench.days}
 * (default 14) is more than the retention window, so the second week shows where disk use levels off.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.BoundedDiskBenchmark}; options
 * inside {@code bench.jvmArgs}: {@code -Dbench.days=14 -Dbench.rates=40,500 -Dbench.sampling=400,5000
 * -Dbench.h2RetentionMillis=0}. The store compacts itself as the sandbox does (its hourly maintenance compacts
 * a file grown past 3 times its live data): each day's line gives the file at the day's end, the largest it
 * was at any hour of the day (read before that hour's maintenance), and the compactions that day.
 */
public final class BoundedDiskBenchmark {
    private static final int DAYS = Integer.getInteger("bench.days", 14);
    private static final Duration SLICE = Duration.ofMinutes(Integer.getInteger("bench.sliceMinutes", 5));
    /**
     * H2's RETENTION_TIME for the run, in milliseconds of real time: how long dead chunks of its file are
     * kept before their space is reused (45,000 by default, as the sandbox runs it). Unset: the default.
     */
    private static final Integer H2_RETENTION_MILLIS = Integer.getInteger("bench.h2RetentionMillis");
    /** Midnight UTC on a Monday: simulated days are UTC days, as retention counts them. */
    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");

    private BoundedDiskBenchmark() {
    }


    record Day(int day, LocalDate date, long written, long stored, long fileBytes, long peakBytes, long removed,
               double seconds, String fill, long compactions, long compactionMillis) {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        String[] rates = System.getProperty("bench.rates", "40,500").split(",");
        String[] sampling = System.getProperty("bench.sampling", "400,5000").split(",");
        System.out.printf(Locale.ROOT, "Bounded disk: %d simulated days, retention %d days, slices of %d min, H2 "
                        + "RETENTION_TIME %s%s, load %s%n", DAYS, MessageRetention.DESKTOP_DAYS, SLICE.toMinutes(),
                H2_RETENTION_MILLIS == null ? "default (45 s)" : H2_RETENTION_MILLIS + " ms",
                "",
                loadAverage());
        long started = System.nanoTime();
        for (int i = 0; i < rates.length; i++) {
            run(Integer.parseInt(rates[i].strip()), Integer.parseInt(sampling[i].strip()));
        }
        System.out.printf(Locale.ROOT, "Both runs: %.0f s; load %s%n", (System.nanoTime() - started) / 1e9, loadAverage());
    }

    private static void run(int rate, int sampling) throws IOException {
        Path dir = Files.createTempDirectory("bounded-disk-");
        Path database = dir.resolve("sandbox");
        Path file = dir.resolve("sandbox.mv.db");
        MovableClock clock = new MovableClock(T0);
        SandboxBackbone.Config config = new SandboxBackbone.Config(SandboxDatabase.h2FileUrl(database), null, null,
                "127.0.0.1", 0, SeedData.Scale.desktop(), "sandbox");
        List<Day> days = new ArrayList<>();
        long runStarted = System.nanoTime();
        try (SandboxBackbone backbone = SandboxBackbone.startOnOwnStore(database, config, clock)) {
            Sql sql = new Sql(backbone.database().dataSource());
            SimulatedTraffic traffic = new SimulatedTraffic(backbone, at -> clock.now = at);
            double perSecond = (double) rate / sampling;
            if (H2_RETENTION_MILLIS != null) {
                sql.update("SET RETENTION_TIME " + H2_RETENTION_MILLIS);
            }
            backbone.database().sync();
            long seeded = Files.size(file);
            long seededMessages = sql.count("SELECT COUNT(*) FROM message");
            System.out.printf(Locale.ROOT, "%n%d msg/s, 1 message in %,d kept (%.3f msg/s of simulated time), "
                    + "seeded in %.0f s: %,d messages, %.1f MB%n", rate, sampling, perSecond,
                    (System.nanoTime() - runStarted) / 1e9, seededMessages, seeded / 1e6);
            System.out.println("| day | date (UTC) | written that day | messages stored | removed by retention | file at "
                    + "day's end (MB) | largest in the day (MB) | H2 chunks fill rate (%) | compactions (time) | took (s) |");
            System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            for (int d = 1; d <= DAYS; d++) {
                long dayStarted = System.nanoTime();
                Instant dayStart = T0.plus(Duration.ofDays(d - 1));
                long written = 0;
                long removed = 0;
                long peak = 0;
                long[] compactedBefore = backbone.database().compactionsAndMillis();
                for (int h = 0; h < 24; h++) {
                    written += traffic.run(dayStart.plus(Duration.ofHours(h)), Duration.ofHours(1), perSecond, SLICE);
                    backbone.database().sync();
                    peak = Math.max(peak, Files.size(file));  // before the hour's maintenance, which may compact
                    removed += traffic.maintain();  // hourly, as the sandbox's own timer does, compaction included
                }
                backbone.database().sync();
                long[] compacted = backbone.database().compactionsAndMillis();
                Day day = new Day(d, LocalDate.ofInstant(dayStart, ZoneOffset.UTC), written,
                        sql.count("SELECT COUNT(*) FROM message"), Files.size(file), Math.max(peak, Files.size(file)),
                        removed, (System.nanoTime() - dayStarted) / 1e9, fillRate(sql),
                        compacted[0] - compactedBefore[0], compacted[1] - compactedBefore[1]);
                days.add(day);
                System.out.printf(Locale.ROOT, "| %d | %s | %,d | %,d | %,d | %.1f | %.1f | %s | %d (%.1f s) | %.0f |%n",
                        day.day(), day.date(), day.written(), day.stored(), day.removed(), day.fileBytes() / 1e6,
                        day.peakBytes() / 1e6, day.fill(), day.compactions(), day.compactionMillis() / 1e3, day.seconds());
            }
            summarise(rate, days);
            backbone.database().compact();
            long compacted = Files.size(file);
            long stored = days.get(days.size() - 1).stored();
            long window = (long) rate * 86_400L * MessageRetention.DESKTOP_DAYS;
            System.out.printf(Locale.ROOT, "%d msg/s: the file compacts to %.1f MB (SHUTDOWN COMPACT), what its %,d "
                    + "messages need: %.0f bytes a message; the %,d messages of a full-rate window would need about "
                    + "%.1f GB compacted%n", rate, compacted / 1e6, stored, (double) compacted / stored, window,
                    (double) compacted / stored * window / 1e9);
        } finally {
            deleteQuietly(dir);
        }
        System.out.printf(Locale.ROOT, "Run took %.0f s%n", (System.nanoTime() - runStarted) / 1e9);
    }

    /** Where the size levelled off. */
    private static void summarise(int rate, List<Day> days) {
        int window = MessageRetention.DESKTOP_DAYS;
        long peak = days.stream().mapToLong(Day::peakBytes).max().orElse(0);
        long compactions = days.stream().mapToLong(Day::compactions).sum();
        long compactionMillis = days.stream().mapToLong(Day::compactionMillis).sum();
        Day full = days.get(Math.min(days.size(), window + 1) - 1);
        List<Day> after = days.subList(Math.min(days.size(), window + 1), days.size());
        long lastWeekMax = after.stream().mapToLong(Day::fileBytes).max().orElse(full.fileBytes());
        long lastWeekMin = after.stream().mapToLong(Day::fileBytes).min().orElse(full.fileBytes());
        Day last = days.get(days.size() - 1);
        System.out.printf(Locale.ROOT, "%d msg/s: %,d messages stored at day %d (retention window full), %,d at day %d; "
                        + "file %.1f MB at day %d, %.1f–%.1f MB from day %d to %d, peak %.1f MB; %d compactions, %.1f s "
                        + "in all (%.0f ms each)%n",
                rate, full.stored(), full.day(), last.stored(), last.day(), full.fileBytes() / 1e6, full.day(),
                lastWeekMin / 1e6, lastWeekMax / 1e6, full.day() + 1, last.day(), peak / 1e6, compactions,
                compactionMillis / 1e3, compactions == 0 ? 0.0 : (double) compactionMillis / compactions);
    }

    /** H2's own figure for how much of the file is live data (info.CHUNKS_FILL_RATE: live data in its chunks), or "?" where it has none. */
    private static String fillRate(Sql sql) {
        try {
            return sql.list("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNKS_FILL_RATE'",
                    r -> r.getString(1)).stream().findFirst().orElse("?");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder: left for the OS to clear
        }
    }
}
