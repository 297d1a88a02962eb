package io.spineconsole.bench;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.MessageLoad;
import io.spineconsole.sandbox.registrations.schema.DirectoryTextSearch;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Directory benchmark (TARGETS.md: 20,000 organisations / 100,000 endpoints, filtered list p95
 * ≤ 100 ms, all registration checks ≤ 2 s). Seeds the national directory into a fresh H2 file
 * and a fresh PostgreSQL database, then times through HTTP with the console's client the first
 * page of 100 of each list under the filters the Registrations workspace offers, and a run of
 * every registration check over the whole directory. Each figure is the median over the rounds.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.DirectoryBenchmark}, options
 * inside {@code -Dbench.jvmArgs="..."}: {@code bench.stores} ({@code h2}, {@code postgres}),
 * {@code bench.rounds}, {@code bench.calls}, {@code bench.perRule}, {@code bench.reuse}.
 */
public final class DirectoryBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int CALLS = Integer.getInteger("bench.calls", 40);

    private DirectoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        double[] load = MessageStoreBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "Directory benchmark, %s, %d rounds of %d calls per filter, load average %.2f / %.2f / %.2f%n",
                LocalDate.now(), ROUNDS, CALLS, load[0], load[1], load[2]);
        for (String store : Arrays.asList(System.getProperty("bench.stores", "h2,postgres").split(","))) {
            if (store.trim().equals("h2")) {
                Path dir = Path.of("target", "bench-data", "directory-h2");
                if (Files.exists(dir) && !Boolean.getBoolean("bench.reuse")) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.delete(f);
                        }
                    }
                }
                Files.createDirectories(dir);
                run("H2 (embedded file)", "jdbc:h2:file:" + dir.resolve("sandbox").toAbsolutePath());
            } else {
                try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start()) {
                    run("PostgreSQL 14 (embedded server)", pg.getJdbcUrl("postgres", "postgres"));
                }
            }
        }
    }

    /**
     * Free text as a person types it: the first page of 100 for every prefix of a few phrases (codes, names
     * and addresses as a service desk types them), in each list, a warm-up pass and then {@code ROUNDS} passes.
     */
    private static Map<String, List<Double>> typeAhead(RegistrationsApi reg) throws Exception {
        RegistrationFilter none = RegistrationFilter.none();
        List<TypedList> lists = List.of(
                new TypedList("organisations", List.of("leeds teaching", "A81005", "fairfield surgery", "RR8"),
                        q -> reg.organisations(none.withQ(q), null, 100).get()),
                new TypedList("accredited systems", List.of("emis", "RR8", "beeston medical", "leeds"),
                        q -> reg.accreditedSystems(none.withQ(q), null, 100).get()),
                new TypedList("endpoints", List.of("RR8-000", "A81005", "leeds teaching", "msg.b8"),
                        q -> reg.endpoints(none.withQ(q), null, 100).get()));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round <= ROUNDS; round++) {
            for (TypedList list : lists) {
                for (String phrase : list.phrases()) {
                    for (int i = 1; i <= phrase.length(); i++) {
                        long t = System.nanoTime();
                        list.firstPage().search(phrase.substring(0, i));
                        if (round > 0) {
                            times.computeIfAbsent(list.name(), k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
                        }
                    }
                }
            }
        }
        return times;
    }

    /** A list, the phrases typed into it, and its first page for a typed text. */
    private record TypedList(String name, List<String> phrases, FirstPage firstPage) {
    }

    @FunctionalInterface
    private interface FirstPage {
        void search(String q) throws Exception;
    }

    /** The plans of the endpoints' free text ("leeds t", as typed): its total and its first page, as each store runs them. */
    private static void explainText(SandboxBackbone backbone, boolean postgres) {
        String text = "(e.party_key LIKE ? ESCAPE '\\' OR e.ods_code LIKE ? ESCAPE '\\' OR e.fqdn LIKE ? ESCAPE '\\' "
                + "OR e.name_lower LIKE ? ESCAPE '\\')";
        Object[] params = {"LEEDS T%", "LEEDS T%", "leeds t%", "%leeds t%"};
        String from = postgres ? "mhs_endpoint e" : "mhs_endpoint e USE INDEX (" + DirectoryTextSearch.H2_ENDPOINT_INDEX + ")";
        for (String q : List.of("SELECT COUNT(*) FROM " + from + " WHERE " + text,
                "SELECT " + (postgres ? "e.*" : "e.party_key, e.id") + " FROM " + from + " WHERE " + text
                        + " ORDER BY e.party_key, e.id FETCH FIRST 101 ROWS ONLY")) {
            System.out.printf(Locale.ROOT, "-- %s%n%s", q, MessageLoad.explainSql(
                    backbone.database().dataSource(), q, params, postgres).lines().map(l -> "   " + l + "\n")
                    .reduce("", String::concat));
        }
    }

    private static void run(String name, String jdbcUrl) throws Exception {
        long seeding = System.nanoTime();
        SandboxBackbone.Config config = new SandboxBackbone.Config(jdbcUrl, null, null, "127.0.0.1", 0,
                SeedData.Scale.national(0), "sandbox").withoutRateLimit();
        try (SandboxBackbone backbone = SandboxBackbone.start(config, Clock.systemUTC())) {
            Sql sql = new Sql(backbone.database().dataSource());
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                sql.update("ANALYZE");
            }
            System.out.printf(Locale.ROOT, "%n%s: seeded %,d organisations, %,d accredited systems, %,d endpoints in %d s%n",
                    name, sql.count("SELECT COUNT(*) FROM organisation"), sql.count("SELECT COUNT(*) FROM accredited_system"),
                    sql.count("SELECT COUNT(*) FROM mhs_endpoint"), (System.nanoTime() - seeding) / 1_000_000_000L);
            String token = backbone.issueEmbeddedConsoleToken();
            HttpBackboneApi api = new HttpBackboneApi(backbone.baseUrl(), () -> token, new HttpClientOptions(
                    Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(180)));
            RegistrationsApi reg = api.registrations();
            String interaction = sql.one("SELECT interaction_id FROM endpoint_interaction GROUP BY interaction_id "
                    + "ORDER BY COUNT(*) DESC, interaction_id LIMIT 1", r -> r.getString(1)).orElseThrow();
            RegistrationFilter none = RegistrationFilter.none();
            Map<String, Callable<?>> lists = new LinkedHashMap<>();
            lists.put("organisations: active, by name", () -> reg.organisations(none.withStatuses(
                    List.of(RegistrationStatus.ACTIVE)).withSort("name"), null, 100).get());
            lists.put("organisations: GP practices, text \"oak\"", () -> reg.organisations(new RegistrationFilter("oak",
                    List.of(), null, OrganisationKind.GP_PRACTICE, null, null, null, null, null, null), null, 100).get());
            lists.put("organisations: suspended, newest change first", () -> reg.organisations(none.withStatuses(
                    List.of(RegistrationStatus.SUSPENDED)).withSort("-updated-at"), null, 100).get());
            lists.put("accredited systems: one organisation", () -> reg.accreditedSystems(none.withOds("RR8"), null, 100).get());
            lists.put("accredited systems: active, text \"emis\"", () -> reg.accreditedSystems(none.withQ("emis")
                    .withStatuses(List.of(RegistrationStatus.ACTIVE)), null, 100).get());
            lists.put("endpoints: busiest interaction, active", () -> reg.endpoints(none.withInteraction(interaction)
                    .withStatuses(List.of(RegistrationStatus.ACTIVE)), null, 100).get());
            lists.put("endpoints: async-reliable, by party key", () -> reg.endpoints(none.withPattern(
                    MessagingPattern.ASYNC_RELIABLE).withSort("party-key"), null, 100).get());
            lists.put("endpoints: certificate expiring in 30 days", () -> reg.endpoints(
                    none.withCertificateExpiringWithinDays(30), null, 100).get());
            lists.put("endpoints: suspended, text \"a8\"", () -> reg.endpoints(none.withQ("a8")
                    .withStatuses(List.of(RegistrationStatus.SUSPENDED)), null, 100).get());
            lists.put("endpoints: one organisation", () -> reg.endpoints(none.withOds("RR8"), null, 100).get());

            if (Boolean.getBoolean("bench.perRule")) {
                System.out.println("| rule | ms | findings |");
                for (CheckRule rule : CheckRule.values()) {
                    long t = System.nanoTime();
                    CheckReport r = reg.runChecks(new CheckRequest(List.of(rule), null, null, null, null, null)).get();
                    System.out.printf(Locale.ROOT, "| %s | %.0f | %d |%n", rule.code(), (System.nanoTime() - t) / 1e6,
                            r.countsByRule().values().stream().mapToLong(Long::longValue).sum());
                }
            }
            explainText(backbone, jdbcUrl.startsWith("jdbc:postgresql:"));
            Map<String, List<Double>> typed = typeAhead(reg);
            Map<String, List<double[]>> results = new LinkedHashMap<>();
            List<Double> checks = new ArrayList<>();
            int findings = 0;
            for (Callable<?> c : lists.values()) {
                c.call(); // warm-up
            }
            reg.runChecks(CheckRequest.all()).get();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Map.Entry<String, Callable<?>> e : lists.entrySet()) {
                    double[] ms = new double[CALLS];
                    for (int i = 0; i < CALLS; i++) {
                        long t = System.nanoTime();
                        e.getValue().call();
                        ms[i] = (System.nanoTime() - t) / 1e6;
                    }
                    Arrays.sort(ms);
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[] {
                            ms[(int) Math.ceil(0.5 * CALLS) - 1], ms[(int) Math.ceil(0.95 * CALLS) - 1]});
                }
                long t = System.nanoTime();
                CheckReport report = reg.runChecks(CheckRequest.all()).get();
                checks.add((System.nanoTime() - t) / 1e6);
                findings = report.findings().size();
            }
            api.close();
            System.out.printf(Locale.ROOT, "%n%s, load average now %.2f%n", name, MessageStoreBenchmark.loadAverage()[0]);
            System.out.println("| list, first page of 100 | p50 | p95 (median of rounds) | p95 range | target |");
            System.out.println("|---|---|---|---|---|");
            for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
                List<Double> p50 = e.getValue().stream().map(v -> v[0]).sorted().toList();
                List<Double> p95 = e.getValue().stream().map(v -> v[1]).sorted().toList();
                System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f–%.1f ms | ≤ 100 ms |%n", e.getKey(),
                        p50.get(p50.size() / 2), p95.get(p95.size() / 2), p95.get(0), p95.get(p95.size() - 1));
            }
            System.out.println("| type-ahead, every typed prefix, first page of 100 | n | p50 | p95 | max | target |");
            System.out.println("|---|---|---|---|---|---|");
            for (Map.Entry<String, List<Double>> e : typed.entrySet()) {
                List<Double> v = e.getValue().stream().sorted().toList();
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f ms | %.1f ms | %.1f ms | p95 ≤ 100 ms |%n", e.getKey(),
                        v.size(), v.get((int) Math.ceil(0.5 * v.size()) - 1), v.get((int) Math.ceil(0.95 * v.size()) - 1),
                        v.get(v.size() - 1));
            }
            List<Double> sorted = new ArrayList<>(checks);
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "| all registration checks (%d findings shown) | %.0f ms | max %.0f ms | %.0f–%.0f ms | ≤ 2 s |%n",
                    findings, sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        }
    }
}
