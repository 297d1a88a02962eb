package io.spineconsole.bench;

import io.spineconsole.api.wire.sds.BundleReader;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.sds.DriftCounts;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftScope;
import io.spineconsole.domain.sds.EndpointDrift;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsFhirWriter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SDS drift at national scale (TARGETS.md: "SDS drift for 100,000 endpoints against an extract:
 * recorded time"). Our side is the 100,000 endpoints of the generated national directory as a
 * registry here holds them (with 1 % each missing here, moved, re-hosted, retried differently, with
 * another interaction, or untidily spelt, and 100 only here); SDS's side is a pre-built extract of
 * the same directory: one searchset Bundle of 100,000 Endpoints, as the SDS FHIR API writes them,
 * built once under {@code target/bench-data}. Each round indexes ours, streams the extract through
 * (JSON parsing included) and finishes; phases are timed apart, heap is sampled every 5 ms, and the
 * live heap is measured after a full GC once ours are indexed.
 *
 * <p>Run: {@code mvn -o -Pbench verify -Dbench.class=io.spineconsole.bench.SdsDriftBenchmark}; to
 * check it fits a small heap: {@code -Dbench.jvmArgs="-Xmx256m"}. Options inside
 * {@code bench.jvmArgs}: {@code bench.rounds} (default 5).
 */
public final class SdsDriftBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final String BASE = "https://api.service.nhs.uk/spine-directory/FHIR/R4";

    private SdsDriftBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        NationalSdsData data = NationalSdsData.national();
        Path extract = extract(data);
        double[] load = MessageStoreBenchmark.loadAverage();
        System.out.printf(Locale.ROOT, "SDS drift benchmark, %s: %,d endpoints here against an extract of %,d (%,d MB), "
                        + "%d rounds, max heap %,d MB, load average %.2f / %.2f / %.2f%n", LocalDate.now(), data.endpoints(),
                data.endpoints(), Files.size(extract) >> 20, ROUNDS, Runtime.getRuntime().maxMemory() >> 20, load[0], load[1], load[2]);

        long generateOnly = generateOnly(data);
        round(data, extract); // warm-up
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            rounds.add(round(data, extract));
        }
        Round last = rounds.get(rounds.size() - 1);
        DriftCounts c = last.counts;
        System.out.printf(Locale.ROOT, "counts: ours %,d, published %,d, same %,d, different %,d, missing in SDS %,d, missing here %,d;"
                        + " rows %,d; by field %s%n", c.ours(), c.published(), c.same(), c.different(), c.missingInSds(),
                c.missingHere(), last.rows, c.differentByField());
        System.out.printf(Locale.ROOT, "making our 100,000 registrations alone (generator, not drift): %,d ms%n", generateOnly);
        System.out.println("| phase | median | min | max |");
        System.out.println("|---|---|---|---|");
        row("index ours (incl. making them)", rounds, r -> r.indexMs);
        row("stream the extract through (parse + compare)", rounds, r -> r.compareMs);
        row("finish (missing in SDS, differences)", rounds, r -> r.finishMs);
        row("total", rounds, r -> r.indexMs + r.compareMs + r.finishMs);
        row("peak heap used, MB (sampled every 5 ms)", rounds, r -> r.peakHeapMb);
        row("live heap after GC with ours indexed, MB", rounds, r -> r.indexedHeapMb);
    }

    private record Round(long indexMs, long compareMs, long finishMs, long peakHeapMb, long indexedHeapMb, DriftCounts counts,
                         int rows) {
    }

    private static Round round(NationalSdsData data, Path extract) throws Exception {
        System.gc();
        long baseline = usedHeap();
        AtomicLong peak = new AtomicLong();
        List<DriftRow> rows = new ArrayList<>();
        EndpointDrift drift = new EndpointDrift(DriftScope.everything(), rows::add);
        long t0 = System.nanoTime();
        try (HeapSampler sampling = new HeapSampler(peak)) {
            for (int i = 0; i < data.endpoints(); i++) {
                drift.ours(data.registered(i));
                MhsEndpoint extra = data.onlyHere(i);
                if (extra != null) {
                    drift.ours(extra);
                }
            }
        }
        long t1 = System.nanoTime();
        System.gc();
        long indexed = usedHeap() - baseline;
        long t2 = System.nanoTime();
        long t3;
        DriftCounts counts;
        try (HeapSampler sampling = new HeapSampler(peak)) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(extract), 1 << 16)) {
                BundleReader.read(in, resource -> drift.published(SdsFhir.endpoint(resource)));
            }
            t3 = System.nanoTime();
            counts = drift.finish();
        }
        long t4 = System.nanoTime();
        return new Round(ms(t1 - t0), ms(t3 - t2), ms(t4 - t3), peak.get() >> 20, indexed >> 20, counts, rows.size());
    }

    /** Samples the used heap every 5 ms into {@code peak} while open. */
    /** Samples the used heap every 5 ms into {@code peak} until closed (the import benchmark uses it too). */
    static final class HeapSampler implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;

        HeapSampler(AtomicLong peak) {
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static long generateOnly(NationalSdsData data) {
        long t0 = System.nanoTime();
        long n = 0;
        for (int i = 0; i < data.endpoints(); i++) {
            MhsEndpoint e = data.registered(i);
            n += e == null ? 0 : e.interactions().size();
        }
        long took = ms(System.nanoTime() - t0);
        return n > 0 ? took : -1;
    }

    /** The extract, built once (streamed, so building it takes little memory). */
    static Path extract(NationalSdsData data) throws Exception {
        Path file = Path.of("target", "bench-data", "sds-endpoints-" + data.endpoints() + ".json");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            SdsFhirWriter.writeEndpointExtract(out, BASE, data.endpoints(), data.allEndpoints());
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "built the extract %s (%,d MB) in %,d ms%n", file, Files.size(file) >> 20,
                ms(System.nanoTime() - t0));
        return file;
    }

    private interface Figure {
        long of(Round r);
    }

    private static void row(String name, List<Round> rounds, Figure f) {
        List<Long> values = new ArrayList<>();
        rounds.forEach(r -> values.add(f.of(r)));
        Collections.sort(values);
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d |%n", name, values.get(values.size() / 2), values.get(0),
                values.get(values.size() - 1));
    }

    static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
