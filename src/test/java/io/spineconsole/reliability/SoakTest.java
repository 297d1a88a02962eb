package io.spineconsole.reliability;

import io.spineconsole.reliability.Wire.Answer;
import io.spineconsole.reliability.Wire.Call;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, soak: 8 clients read and write against the sandbox for 60 seconds ({@code -Dsoak.seconds}
 * to change it). Only 429 is allowed as an error; every acknowledged write is in the store and in the
 * audit log once (a write re-sent with its key is answered as a replay, not done again); the heap
 * after the run is about what it was after the warm-up. Prints a table (BENCHMARKS.md records it).
 */
class SoakTest {
    private static final int CLIENTS = 8;
    private static final Duration WARM_UP = Duration.ofSeconds(10);

    /** Latencies and outcomes of one kind of request. */
    private static final class Kind {
        final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong throttled = new AtomicLong();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void eightClientsForAMinuteOnlyThrottledAndEveryWriteAccountedFor() throws Exception {
        Duration length = Duration.ofSeconds(Long.getLong("soak.seconds", 60));
        Map<String, Kind> kinds = new ConcurrentHashMap<>();
        List<String> errors = new CopyOnWriteArrayList<>();
        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicLong replays = new AtomicLong();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (SandboxFixture sandbox = SandboxFixture.start(); Wire wire = new Wire(sandbox.baseUrl())) {
            String admin = sandbox.adminToken();
            long end = System.nanoTime() + length.toNanos();
            List<Thread> clients = new ArrayList<>();
            for (int n = 0; n < CLIENTS; n++) {
                int client = n;
                Thread t = new Thread(() -> {
                    Call lastWrite = null;
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String kind;
                        Call call;
                        boolean replay = false;
                        switch (i % 10) {
                            case 0, 5 -> {
                                String ods = String.format(Locale.ROOT, "ZS%d%05d", client, i);
                                kind = "write: create organisation";
                                call = Call.post("/api/v1/registrations/organisations", admin, "{\"odsCode\":\"" + ods
                                        + "\",\"name\":\"Soak trust " + ods + "\",\"kind\":\"other\"}",
                                        UUID.randomUUID().toString());
                                lastWrite = call;
                            }
                            case 8 -> {
                                if (lastWrite == null) {
                                    continue;
                                }
                                kind = "write: the same again (one key)";
                                call = lastWrite;
                                replay = true;
                            }
                            case 1, 6 -> {
                                kind = "read: search messages";
                                call = Call.get("/api/v1/messages?limit=50", admin);
                            }
                            case 2, 7 -> {
                                kind = "read: list organisations";
                                call = Call.get("/api/v1/registrations/organisations?limit=20", admin);
                            }
                            case 3 -> {
                                kind = "read: dead letters";
                                call = Call.get("/api/v1/dead-letters?limit=20", admin);
                            }
                            default -> {
                                kind = "read: redelivery jobs";
                                call = Call.get("/api/v1/redelivery-jobs?limit=20", admin);
                            }
                        }
                        Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
                        long started = System.nanoTime();
                        try {
                            Answer a = wire.send(call);
                            k.micros.add((System.nanoTime() - started) / 1_000);
                            if (a.status() == 429) {
                                k.throttled.incrementAndGet();
                            } else if (a.status() >= 300) {
                                errors.add(kind + ": " + a.status() + " " + a.text());
                            } else if (call.method().equals("POST")) {
                                if (replay) {
                                    if (!a.replayed()) {
                                        errors.add("a write re-sent with its key was done again: " + a.text());
                                    }
                                    replays.incrementAndGet();
                                } else {
                                    created.add(a.json().get("odsCode").asText());
                                }
                            }
                        } catch (Exception e) {
                            errors.add(kind + ": " + e);
                        }
                    }
                }, "soak-client-" + n);
                clients.add(t);
                t.start();
            }
            Thread.sleep(WARM_UP.toMillis());
            long heapAfterWarmUp = usedHeapAfterGc(memory);
            for (Thread t : clients) {
                t.join();
            }
            long heapAtEnd = usedHeapAfterGc(memory);

            Sql sql = new Sql(sandbox.backbone().database().dataSource());
            long stored = sql.count("SELECT COUNT(*) FROM organisation WHERE ods_code LIKE 'ZS%'");
            long audited = sql.count("SELECT COUNT(*) FROM audit_event WHERE action = 'create' "
                    + "AND entity_type = 'organisation' AND entity_id LIKE 'ZS%'");
            System.out.println(table(kinds, length, created.size(), replays.get(), stored, audited, heapAfterWarmUp,
                    heapAtEnd));

            assertTrue(errors.isEmpty(), errors.size() + " errors other than 429: "
                    + errors.subList(0, Math.min(5, errors.size())));
            assertTrue(created.size() > 0 && replays.get() > 0, "the soak wrote and re-sent writes");
            assertEquals(created.size(), stored, "every acknowledged create is in the store, once");
            assertEquals(created.size(), audited, "and in the audit log, once");
            assertTrue(heapAtEnd <= heapAfterWarmUp + Math.max(64L << 20, heapAfterWarmUp / 2),
                    "heap grew from " + mb(heapAfterWarmUp) + " to " + mb(heapAtEnd));
        }
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String table(Map<String, Kind> kinds, Duration length, int created, long replays, long stored,
                                long audited, long heapStart, long heapEnd) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%nSoak: %d clients, %d s, %s%n%-34s %9s %8s %8s %8s %6s%n", CLIENTS, length.toSeconds(),
                "in-process sandbox on H2", "request", "count", "per s", "p50 ms", "p99 ms", "429"));
        for (Map.Entry<String, Kind> e : new TreeMap<>(kinds).entrySet()) {
            List<Long> sorted = new ArrayList<>(e.getValue().micros);
            Collections.sort(sorted);
            s.append(String.format(Locale.ROOT, "%-34s %9d %8.1f %8.1f %8.1f %6d%n", e.getKey(), sorted.size(),
                    sorted.size() / (double) length.toSeconds(), percentile(sorted, 0.50), percentile(sorted, 0.99),
                    e.getValue().throttled.get()));
        }
        s.append(String.format(Locale.ROOT, "writes acknowledged %d, in the store %d, audited %d; re-sent with their "
                + "key %d (all replayed); heap after warm-up %s, at the end %s%n", created, stored, audited, replays,
                mb(heapStart), mb(heapEnd)));
        return s.toString();
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1000.0;
    }

    private static String mb(long bytes) {
        return (bytes >> 20) + " MB";
    }
}
