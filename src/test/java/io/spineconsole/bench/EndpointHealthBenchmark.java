package io.spineconsole.bench;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.messages.EndpointHealthPage;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.messages.MessageLoad;
import io.spineconsole.sandbox.SeedData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Endpoint health (TARGETS: one row per receiver, window up to 7 days, p95 ≤ 100 ms at the national
 * directory and 10 M messages): builds a store at the national directory (20,000 organisations,
 * 100,000 endpoints) through the ingest path, messages received at the national average of 500 a
 * second up to now, then times {@code GET /api/v1/messages/endpoint-health} through HTTP and the
 * client for each window (15 min, 1 h, 24 h, 7 days), worst first and by organisation, and a
 * deep page. Prints p50 / p95 / p99 per case.
 *
 * <p>Options ({@code -Dbench.jvmArgs="..."}): {@code bench.store} ({@code h2} or {@code postgres}),
 * {@code bench.messages} (default 1,000,000), {@code bench.samples} (per case, 40),
 * {@code bench.data} (where stores are kept; a store is reused while its marker is there),
 * {@code bench.traffic} (messages a second of live simulated traffic to measure the cases again under;
 * 0, the default, measures only a quiet store).
 */
public final class EndpointHealthBenchmark {
    private static final Path DATA = Path.of(System.getProperty("bench.data", "target/bench-data"));
    private static final int SAMPLES = Integer.getInteger("bench.samples", 40);
    private static final int HISTORY_RATE = 500;
    private static final int TRAFFIC = Integer.getInteger("bench.traffic", 0);

    private EndpointHealthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        String store = System.getProperty("bench.store", "h2");
        long messages = Long.getLong("bench.messages", 1_000_000L);
        double[] load = MessageStoreBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "Endpoint health benchmark, %s, %s, %,d messages, load average %.2f / %.2f / %.2f%n",
                LocalDate.now(), store, messages, load[0], load[1], load[2]);
        Path dir = DATA.resolve("health-" + store + "-" + messages);
        Files.createDirectories(dir);
        if (store.equals("postgres")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata").toFile())
                    .setCleanDataDirectory(false).setServerConfig("shared_buffers", "1GB")
                    .setServerConfig("max_wal_size", "8GB").setServerConfig("work_mem", "32MB")
                    .setPGStartupWait(Duration.ofMinutes(5)).start()) {
                run(dir, pg.getJdbcUrl("postgres", "postgres"), messages, true);
            }
        } else {
            run(dir, "jdbc:h2:file:" + dir.resolve("sandbox").toAbsolutePath(), messages, false);
        }
    }

    private static void run(Path dir, String jdbcUrl, long messages, boolean postgres) throws Exception {
        Path marker = dir.resolve("built.properties");
        SandboxBackbone.Config config = new SandboxBackbone.Config(jdbcUrl, null, null, "127.0.0.1", 0,
                SeedData.Scale.national(0), "sandbox").withoutRateLimit();
        try (SandboxBackbone backbone = SandboxBackbone.start(config, Clock.systemUTC())) {
            Sql sql = new Sql(backbone.database().dataSource());
            if (!Files.exists(marker)) {
                Instant now = Instant.now();
                Instant from = now.minusSeconds(messages / HISTORY_RATE);
                System.out.printf(Locale.ROOT, "building %,d messages received %s to %s...%n", messages, from, now);
                long start = System.nanoTime();
                MessageLoad.Result r = new MessageLoad(backbone).history(messages, from, now, now, 2,
                        postgres ? 2_000 : 1_000, n -> {
                            if (n % 250_000 < (postgres ? 2_000 : 1_000)) {
                                System.out.printf(Locale.ROOT, "  %,d after %d s%n", n, (System.nanoTime() - start) / 1_000_000_000L);
                            }
                        });
                new MessageLoad(backbone).flushRollups();
                if (postgres) {
                    sql.update("VACUUM ANALYZE message");
                    sql.update("VACUUM ANALYZE message_rollup");
                }
                System.out.printf(Locale.ROOT, "  built in %d s (%.0f msg/s)%n", r.nanos() / 1_000_000_000L, r.perSecond());
                Properties built = new Properties();
                built.setProperty("messages", Long.toString(r.messages()));
                built.setProperty("from", from.toString());
                built.setProperty("to", now.toString());
                try (OutputStream out = Files.newOutputStream(marker)) {
                    built.store(out, "store built by EndpointHealthBenchmark");
                }
            }
            Properties built = new Properties();
            try (InputStream in = Files.newInputStream(marker)) {
                built.load(in);
            }
            System.out.printf(Locale.ROOT, "store: %,d messages received %s to %s; %,d endpoints, %,d organisations; "
                    + "%,d roll-up rows%n", sql.count("SELECT COUNT(*) FROM message"), built.getProperty("from"),
                    built.getProperty("to"), sql.count("SELECT COUNT(*) FROM mhs_endpoint"),
                    sql.count("SELECT COUNT(*) FROM organisation"), sql.count("SELECT COUNT(*) FROM message_rollup"));
            String token = backbone.issueEmbeddedConsoleToken();
            HttpBackboneApi api = new HttpBackboneApi(backbone.baseUrl(), () -> token, HttpClientOptions.defaults());
            try {
                System.out.printf(Locale.ROOT, "%nquiet store (no traffic):%n");
                measure(api);
                if (TRAFFIC > 0) {
                    backbone.messages().traffic().start(TRAFFIC);
                    Thread.sleep(10_000);
                    System.out.printf(Locale.ROOT, "%nunder live traffic, %,d messages a second:%n", TRAFFIC);
                    measure(api);
                    backbone.messages().traffic().stop();
                }
                System.gc();
                Runtime rt = Runtime.getRuntime();
                long[] kept = new MessageLoad(backbone).healthBytes();
                System.out.printf(Locale.ROOT, "heap after the cases (after GC) %,d MB; endpoint health counters %,d KB, "
                        + "minutes %,d KB%n", (rt.totalMemory() - rt.freeMemory()) >> 20, kept[0] >> 10, kept[1] >> 10);
            } finally {
                api.close();
            }
        }
    }

    private static void measure(HttpBackboneApi api) throws Exception {
        Map<String, EndpointHealthQuery> cases = new LinkedHashMap<>();
        for (Duration w : List.of(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7))) {
            cases.put("worst first, " + w, new EndpointHealthQuery(w, null, null, false, null, null, false, 100, null));
        }
        cases.put("by organisation, PT1H", new EndpointHealthQuery(Duration.ofHours(1), HealthGroup.ORGANISATION, null,
                false, null, null, false, 100, null));
        cases.put("sorted by p95, PT1H", new EndpointHealthQuery(Duration.ofHours(1), null, HealthSort.P95, false, null,
                null, false, 100, null));
        cases.put("filtered 'RR8', PT1H", new EndpointHealthQuery(Duration.ofHours(1), null, null, false, "RR8", null,
                false, 100, null));
        System.out.printf(Locale.ROOT, "%n| case | rows in all | first request ms | p50 ms | p95 ms | p99 ms |%n"
                + "|---|---|---|---|---|---|%n");
        for (Map.Entry<String, EndpointHealthQuery> c : cases.entrySet()) {
            long cold = System.nanoTime();
            EndpointHealthPage first = api.messages().endpointHealth(c.getValue()).get();
            double firstMs = (System.nanoTime() - cold) / 1e6;
            for (int i = 0; i < 5; i++) {
                api.messages().endpointHealth(c.getValue()).get(); // warm-up
            }
            double[] ms = new double[SAMPLES];
            for (int i = 0; i < SAMPLES; i++) {
                long t = System.nanoTime();
                api.messages().endpointHealth(c.getValue()).get();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] p = percentiles(ms);
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", c.getKey(),
                    first.approximateTotal(), firstMs, p[0], p[1], p[2]);
        }
        // Page 5 of the 7-day list, by its cursors.
        EndpointHealthQuery q = new EndpointHealthQuery(Duration.ofDays(7), null, null, false, null, null, false, 100, null);
        String cursor = null;
        for (int i = 0; i < 4; i++) {
            cursor = api.messages().endpointHealth(q.withCursor(cursor)).get().nextCursor();
        }
        if (cursor != null) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < SAMPLES / 2; i++) {
                long t = System.nanoTime();
                api.messages().endpointHealth(q.withCursor(cursor)).get();
                ms.add((System.nanoTime() - t) / 1e6);
            }
            double[] p = percentiles(ms.stream().mapToDouble(Double::doubleValue).toArray());
            System.out.printf(Locale.ROOT, "| page 5, P7D | | | %.1f | %.1f | %.1f |%n", p[0], p[1], p[2]);
        }
        double[] load = MessageStoreBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "load average at the end %.2f / %.2f / %.2f%n", load[0], load[1], load[2]);
    }

    private static double[] percentiles(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new double[] {at(s, 0.50), at(s, 0.95), at(s, 0.99)};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
