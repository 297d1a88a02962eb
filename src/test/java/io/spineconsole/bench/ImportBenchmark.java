package io.spineconsole.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.ImportReport;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.registrations.Registrations;
import io.spineconsole.sandbox.registrations.transfer.RegistrationImport;
import io.spineconsole.sds.NationalSdsData;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Importing a national SDS extract (issue 14: "a bundle of 100,000 endpoints (~200 MB) is read streaming, with
 * progress and cancel; heap stays under 256 MB"): the 189 MB searchset Bundle of 100,000 Endpoints that
 * {@link SdsDriftBenchmark} builds, dry-run imported (owners registered as the bundle needs them) two ways, each
 * timed, with the heap sampled every 5 ms:
 * <ol>
* <li>as the console sends an import today: the file read into memory and posted with the console's client to
 * the sandbox on loopback (what the import dialog does);</li>
 * <li>the server's importer fed the file as a stream, in the same JVM;</li>
 * <li>the console streaming the file to the sandbox on loopback ({@code importFhirFile}: read as it is sent, no
 * Idempotency-Key, so the server reads it as it arrives too).</li>
 * </ol>
 *
 * <p>Run: {@code mvn -o -Pbench verify -Dbench.class=io.spineconsole.bench.ImportBenchmark
 * -Dbench.jvmArgs="-Xmx256m"} (the heap the issue allows; console, sandbox and import in one JVM, as the desktop
 * app runs them); add {@code -Dbench.skipInMemory=true} inside it to leave out the in-memory way, which does not fit,
 * and {@code -Dbench.apply=true} to import it for real as well (not all or nothing: the rejected entries stay out).
 */
public final class ImportBenchmark {
    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("spineconsole.home") == null) {
            System.setProperty("spineconsole.home", Path.of("target", "bench-home").toAbsolutePath().toString());
        }
        NationalSdsData data = NationalSdsData.national();
        Path extract = SdsDriftBenchmark.extract(data);
        double[] load = MessageStoreBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "Import benchmark, %s: an extract of %,d endpoints (%,d MB), max heap %,d MB, "
                        + "load average %.2f / %.2f / %.2f%n", LocalDate.now(), data.endpoints(), Files.size(extract) >> 20,
                Runtime.getRuntime().maxMemory() >> 20, load[0], load[1], load[2]);
        Path dir = fresh(Path.of("target", "bench-data", "import-h2"));
        String jdbc = "jdbc:h2:file:" + dir.resolve("sandbox").toAbsolutePath();
        SandboxBackbone.Config config = new SandboxBackbone.Config(jdbc, null, null, "127.0.0.1", 0,
                new SeedData.Scale(50, 0), "sandbox").withoutRateLimit();
        try (SandboxBackbone backbone = SandboxBackbone.start(config, Clock.systemUTC())) {
            String token = backbone.issueEmbeddedConsoleToken();
            ObjectMapper mapper = WireJson.strictMapper();
            Clock clock = Clock.systemUTC();
            Sql sql = new Sql(backbone.database().dataSource());
            RegistrationImport imports = new RegistrationImport(new Registrations(new SandboxContext(sql, clock,
                    new AuditLog(mapper, clock), mapper, backbone.database().product(), InteractionCatalogue.load())));
            Actor admin = new Actor(new Principal("bench", Role.ADMIN, 1), null);
            measure("2. server importer, file streamed in", () -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(extract), 1 << 16)) {
                    return describe(imports.fhir(admin, in, new RegistrationImport.Options(true, true,
                            RegistrationStatus.ACTIVE, true)));
                }
            });
            try (HttpBackboneApi api = new HttpBackboneApi(backbone.baseUrl(), () -> token, new HttpClientOptions(
                    Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofMinutes(20)))) {
                AtomicLong sent = new AtomicLong();
                measure("3. console streaming the file (importFhirFile)", () -> {
                    try {
                        return describe(api.registrations().importFhirFile(extract, true, true, RegistrationStatus.ACTIVE,
                                true, sent::set).orTimeout(10, java.util.concurrent.TimeUnit.MINUTES).join())
                                + String.format(Locale.ROOT, "; %,d MB sent", sent.get() >> 20);
                    } catch (CompletionException e) {
                        ApiException a = ApiException.unwrap(e);
                        return "refused: " + (a == null ? e.getCause() : a.status() + " " + a.code() + " " + a.getMessage());
                    }
                });
                if (Boolean.getBoolean("bench.apply")) {
                    measure("4. console streaming the file, imported for real (not a dry run)", () -> {
                        try {
                            return describe(api.registrations().importFhirFile(extract, false, false,
                                    RegistrationStatus.ACTIVE, true, sent::set).orTimeout(20, java.util.concurrent.TimeUnit.MINUTES)
                                    .join());
                        } catch (CompletionException e) {
                            ApiException a = ApiException.unwrap(e);
                            return "refused: " + (a == null ? e.getCause() : a.status() + " " + a.code() + " " + a.getMessage());
                        }
                    });
                }
                if (Boolean.getBoolean("bench.skipInMemory")) {
                    return;
                }
                measure("1. console today: file read into memory, posted", () -> {
                    byte[] bundle = Files.readAllBytes(extract);
                    try {
                        return describe(api.registrations().importFhir(bundle, true, true, RegistrationStatus.ACTIVE, true)
                                .orTimeout(3, java.util.concurrent.TimeUnit.MINUTES).join());
                    } catch (CompletionException e) {
                        ApiException a = ApiException.unwrap(e);
                        return "refused: " + (a == null ? e.getCause() : a.status() + " " + a.code() + " " + a.getMessage());
                    }
                });
            }
        }
    }

    private interface Run {
        String run() throws Exception;
    }

    private static void measure(String name, Run run) throws InterruptedException {
        System.gc();
        long baseline = SdsDriftBenchmark.usedHeap();
        AtomicLong peak = new AtomicLong();
        long t0 = System.nanoTime();
        String outcome;
        try (SdsDriftBenchmark.HeapSampler sampling = new SdsDriftBenchmark.HeapSampler(peak)) {
            outcome = run.run();
        } catch (OutOfMemoryError e) {
            outcome = "OutOfMemoryError: " + e.getMessage();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            outcome = "failed: " + e;
        }
        long took = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "| %s | %,d ms | peak heap %,d MB (baseline %,d MB) | %s |%n", name, took,
                peak.get() >> 20, baseline >> 20, outcome);
    }

    private static String describe(ImportReport r) {
        return String.format(Locale.ROOT, "%,d entries: %,d created, %,d updated, %,d unchanged, %,d rejected; %,d owners "
                + "to register", r.total(), r.counts().created(), r.counts().updated(), r.counts().unchanged(),
                r.counts().rejected(), r.missingOwners().size()) + "; rejected for " + r.results().stream()
                .flatMap(e -> e.errors().stream()).collect(java.util.stream.Collectors.groupingBy(
                        io.spineconsole.domain.registrations.FieldIssue::code, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(dir);
        return dir;
    }

}
