package io.spineconsole.bench;

import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpTransport;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.sandbox.SeedData;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.registrations.RecordKind;
import io.spineconsole.ui.registrations.RecordListViewModel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Type-ahead over the national directory (TARGETS.md: 20,000 organisations / 100,000 endpoints; filtered
 * list p95 ≤ 100 ms; all registration checks ≤ 2 s). Seeds a sandbox at national scale, then measures,
 * through the real HTTP client: the first page (100 rows) for every prefix a user types, filtered
 * lists, deep pages, and the checks; and, through the registrations list view model with a 250 ms
 * debounce, how many searches a typed phrase sends and how long after the last keystroke its rows show.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.RegistrationsTypeAheadBenchmark}
 */
public final class RegistrationsTypeAheadBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** An H2 file kept between runs (seeding the national directory takes minutes on a shared machine). */
    private static final String DB = System.getProperty("bench.db",
            "jdbc:h2:file:./target/bench-home/registrations-national;DB_CLOSE_ON_EXIT=FALSE");

    public static void main(String[] args) throws Exception {
        long seedStart = System.nanoTime();
        SandboxBackbone sandbox = SandboxBackbone.start(new SandboxBackbone.Config(
                DB, null, null, "127.0.0.1", 0,
                SeedData.Scale.national(1_000), "bench").withoutRateLimit(), Clock.systemUTC());
        System.out.printf(Locale.ROOT, "Sandbox ready (seeded if new) in %.1f s%n", (System.nanoTime() - seedStart) / 1e9);
        String token = sandbox.issueEmbeddedConsoleToken();
        try (BackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, new HttpBackboneApi.HttpClientOptions(
                Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(180), HttpTransport.RetryPolicy.none()))) {
            var reg = api.registrations();
            System.out.printf(Locale.ROOT, "Directory: %,d organisations, %,d endpoints%n",
                    reg.organisations(RegistrationFilter.none(), null, 1).join().approximateTotal(),
                    reg.endpoints(RegistrationFilter.none(), null, 1).join().approximateTotal());

            List<String> phrases = List.of("RR8-000", "A81005", "leeds teaching", "msg.b8");
            List<Long> endpointPrefixes = new ArrayList<>();
            List<Long> organisationPrefixes = new ArrayList<>();
            for (int round = 0; round < ROUNDS + 1; round++) {
                for (String phrase : phrases) {
                    for (int i = 1; i <= phrase.length(); i++) {
                        String q = phrase.substring(0, i);
                        long e = time(() -> reg.endpoints(RegistrationFilter.none().withQ(q), null, 100).join());
                        long o = time(() -> reg.organisations(RegistrationFilter.none().withQ(q), null, 100).join());
                        if (round == 1 && (e > 100 || o > 100)) {
                            System.out.printf(Locale.ROOT, "  slow: q=%-16s endpoints %5d ms, organisations %5d ms%n", "'" + q + "'", e, o);
                        }
                        if (round > 0) {
                            endpointPrefixes.add(e);
                            organisationPrefixes.add(o);
                        }
                    }
                }
            }
            List<Long> filtered = new ArrayList<>();
            RegistrationFilter active = RegistrationFilter.none().withStatuses(List.of(RegistrationStatus.ACTIVE))
                    .withPattern(MessagingPattern.ASYNC_RELIABLE);
            for (int round = 0; round < ROUNDS * 15 + 5; round++) {
                String ods = round % 2 == 0 ? "RR8" : "A81005";
                long t = time(() -> reg.endpoints(active.withOds(ods), null, 100).join());
                long x = time(() -> reg.endpoints(RegistrationFilter.none().withCertificateExpiringWithinDays(30)
                        .withSort("certificate-not-after"), null, 100).join());
                if (round >= 5) {
                    filtered.add(t);
                    filtered.add(x);
                }
            }
            List<Long> firstPages = new ArrayList<>();
            List<Long> tenthPages = new ArrayList<>();
            for (int round = 0; round < ROUNDS + 1; round++) {
                String cursor = null;
                for (int page = 1; page <= 10; page++) {
                    String c = cursor;
                    long[] took = new long[1];
                    Page<MhsEndpoint> p = timed(() -> reg.endpoints(RegistrationFilter.none(), c, 100).join(), took);
                    cursor = p.nextCursor();
                    if (round > 0 && page == 1) {
                        firstPages.add(took[0]);
                    }
                    if (round > 0 && page == 10) {
                        tenthPages.add(took[0]);
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%n| %-46s | %5s | %7s | %7s | %7s |%n", "call (first page of 100 unless said)", "n",
                    "p50", "p95", "max");
            row("endpoints, every typed prefix (q)", endpointPrefixes);
            row("organisations, every typed prefix (q)", organisationPrefixes);
            row("endpoints, status+pattern+ODS / expiring 30 d", filtered);
            row("endpoints, page 1 (no filter)", firstPages);
            row("endpoints, page 10 (keyset cursor)", tenthPages);

            typeAhead(api);

            List<Long> checks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                long[] took = new long[1];
                try {
                    CheckReport r = timed(() -> reg.runChecks(CheckRequest.all()).join(), took);
                    System.out.printf(Locale.ROOT, "Checks run %d: %,d records, %,d findings, %,d ms (server says %,d ms)%n",
                            round + 1, r.recordsChecked(), r.counts().error() + r.counts().warning() + r.counts().info(),
                            took[0], r.durationMs());
                    checks.add(took[0]);
                } catch (RuntimeException e) {
                    System.out.printf(Locale.ROOT, "Checks run %d: no answer within the client's 120 s read timeout%n", round + 1);
                }
            }
            if (!checks.isEmpty()) {
                row("all registration checks", checks);
            }
        } finally {
            sandbox.close();
        }
    }

    /** Types phrases into the endpoints list view model at ~8 keys a second, as a person does. */
    private static void typeAhead(BackboneApi api) throws Exception {
        ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-ui"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-debounce");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger sent = new AtomicInteger();
        var counting = new FakeRegistrationsApi(api.registrations()) {
            @Override
            public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
                sent.incrementAndGet();
                return super.endpoints(filter, cursor, limit);
            }
        };
        Debouncer debouncer = new Debouncer() {
            private ScheduledFuture<?> waiting;

            @Override
            public synchronized void submit(Runnable action) {
                cancel();
                waiting = timer.schedule(() -> uiThread.execute(action), 250, TimeUnit.MILLISECONDS);
            }

            @Override
            public synchronized void cancel() {
                if (waiting != null) {
                    waiting.cancel(false);
                }
            }
        };
        RecordListViewModel<MhsEndpoint>[] holder = new RecordListViewModel[1];
        onUi(uiThread, () -> {
            holder[0] = new RecordListViewModel<>(RecordKind.ENDPOINTS, new UiExecutor(uiThread), new I18n(Locale.UK),
                    ViewMemory.inMemory(), debouncer);
            holder[0].connect(counting);
        });
        RecordListViewModel<MhsEndpoint> list = holder[0];
        waitFor(uiThread, () -> list.list().stateProperty().get() == LoadState.LOADED);
        List<Long> settle = new ArrayList<>();
        int keys = 0;
        int before = sent.get();
        for (int round = 0; round < ROUNDS; round++) {
            for (String phrase : List.of("RR8-0000", "leeds teaching", "msg.a81")) {
                for (int i = 1; i <= phrase.length(); i++) {
                    String q = phrase.substring(0, i);
                    onUi(uiThread, () -> list.queryProperty().set(q));
                    keys++;
                    Thread.sleep(120);
                }
                long lastKey = System.nanoTime();
                int sentAtLastKey = sent.get();
                waitFor(uiThread, () -> sent.get() > sentAtLastKey && list.list().stateProperty().get() != LoadState.LOADING
                        && !list.list().busyProperty().get());
                settle.add((System.nanoTime() - lastKey) / 1_000_000);
                onUi(uiThread, () -> list.queryProperty().set(""));
                Thread.sleep(400);
            }
        }
        int searches = sent.get() - before;
        System.out.printf(Locale.ROOT, "%nType-ahead through the endpoints list view model (250 ms debounce, a key every 120 ms):%n");
        System.out.printf(Locale.ROOT, "%d keystrokes sent %d searches (clearing the box counts as one each time)%n", keys, searches);
        row("last keystroke -> rows shown (incl. 250 ms quiet)", settle);
        uiThread.shutdownNow();
        timer.shutdownNow();
    }

    private static void onUi(ExecutorService ui, Runnable r) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        ui.execute(() -> {
            r.run();
            done.countDown();
        });
        done.await();
    }

    private static void waitFor(ExecutorService ui, Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            boolean[] ok = new boolean[1];
            onUi(ui, () -> ok[0] = condition.get());
            if (ok[0]) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    private static long time(Runnable call) {
        long t = System.nanoTime();
        call.run();
        return (System.nanoTime() - t) / 1_000_000;
    }

    private static <T> T timed(Supplier<T> call, long[] millis) {
        long t = System.nanoTime();
        T value = call.get();
        millis[0] = (System.nanoTime() - t) / 1_000_000;
        return value;
    }

    private static void row(String what, List<Long> samples) {
        List<Long> s = new ArrayList<>(samples);
        Collections.sort(s);
        System.out.printf(Locale.ROOT, "| %-46s | %5d | %4d ms | %4d ms | %4d ms |%n", what, s.size(), pct(s, 50), pct(s, 95),
                s.get(s.size() - 1));
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
