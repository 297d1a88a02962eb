package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.sandbox.http.server.SandboxBackbone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Drives a running sandbox's own message ingest ({@link MessageIngest}, with its roll-ups and live
 * stream) harder than the traffic simulator's national-peak limit, for benchmarks: one thread makes
 * messages with the simulator's delivery model, {@code writers} threads write them in batches.
 * Also exposes the SQL a search runs, so a benchmark can time the bare statements.
 */
public final class MessageLoad {
    private static final List<Object> END = new ArrayList<>();
    private final TrafficSimulator simulator;
    private final MessageIngest ingest;
    private final MessageParties parties;
    private final String backboneProduct;

    public MessageLoad(SandboxBackbone backbone) {
        this.backboneProduct = backbone.database().product();
        this.simulator = backbone.traffic();
        this.ingest = simulator.ingest();
        this.parties = new MessageParties(new io.spineconsole.sandbox.Sql(backbone.database().dataSource()),
                backbone.database().product().equals("postgresql"));
    }

    /** What a load wrote. */
    public record Result(long messages, long events, long nanos, List<Long> perInterval) {
        public double perSecond() {
            return messages * 1e9 / nanos;
        }
    }

    /**
     * Writes {@code count} messages received evenly between {@code from} and {@code to}, oldest
     * first, each delivered as far as it would have got by {@code now}.
     */
    public Result history(long count, Instant from, Instant to, Instant now, int writers, int batchSize,
                          LongConsumer progress) throws InterruptedException {
        long spanNanos = (to.toEpochMilli() - from.toEpochMilli()) * 1_000_000L;
        // The directory is read once: reloading 100,000 endpoints every half minute would stall the producer.
        TrafficDirectory directory = simulator.directory();
        return run(writers, batchSize, progress, 0, (i, rows) -> {
            if (i >= count) {
                return false;
            }
            Instant at = from.plusNanos(spanNanos / count * i);
            MessageRow row = simulator.model().newMessage(directory, at);
            simulator.model().deliver(row, directory.target(row.endpointId), now);
            rows.add(row);
            return true;
        });
    }

    /** Writes new messages received now, as fast as the store takes them, for {@code seconds}. */
    public Result live(int seconds, int writers, int batchSize, long intervalNanos) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        TrafficDirectory directory = simulator.directory();
        return run(writers, batchSize, null, intervalNanos, (i, rows) -> {
            if (System.nanoTime() >= end) {
                return false;
            }
            Instant now = Instant.now();
            MessageRow row = simulator.model().newMessage(directory, now);
            simulator.model().deliver(row, directory.target(row.endpointId), now);
            rows.add(row);
            return true;
        });
    }

    private interface Maker {
        boolean make(long index, List<MessageRow> into);
    }

    private Result run(int writers, int batchSize, LongConsumer progress, long intervalNanos, Maker maker)
            throws InterruptedException {
        BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(writers * 4);
        AtomicLong written = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        List<?> batch = queue.take();
                        if (batch == END) {
                            return;
                        }
                        @SuppressWarnings("unchecked")
                        List<MessageRow> rows = (List<MessageRow>) batch;
                        long e = 0;
                        for (MessageRow r : rows) {
                            e += r.newEvents.size();
                        }
                        ingest.insert(rows);
                        events.addAndGet(e);
                        long n = written.addAndGet(rows.size());
                        if (progress != null) {
                            progress.accept(n);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    queue.clear();
                }
            }, "bench-writer-" + w);
            t.start();
            threads.add(t);
        }
        List<Long> perInterval = new ArrayList<>();
        long nextMark = started + intervalNanos;
        long lastCount = 0;
        long index = 0;
        boolean more = true;
        while (more && failure.get() == null) {
            List<MessageRow> rows = new ArrayList<>(batchSize);
            while (rows.size() < batchSize && (more = maker.make(index, rows))) {
                index++;
            }
            if (!rows.isEmpty()) {
                queue.put(rows);
            }
            if (intervalNanos > 0 && System.nanoTime() >= nextMark) {
                long n = written.get();
                perInterval.add(n - lastCount);
                lastCount = n;
                nextMark += intervalNanos;
            }
        }
        for (int w = 0; w < writers; w++) {
            queue.put(END);
        }
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - started;
        if (failure.get() != null) {
            throw new IllegalStateException("Ingest failed", failure.get());
        }
        ingest.rollups().flush();
        return new Result(written.get(), events.get(), nanos, perInterval);
    }

    /** Bytes the endpoint health counters' and minutes' arrays take (-1 each on a build without them). */
    public long[] healthBytes() {
        try {
            return ingest.rollups().healthBytes();
        } catch (LinkageError e) {
            return new long[] {-1, -1};
        }
    }

    /** Writes the roll-ups collected so far. */
    public void flushRollups() {
        ingest.rollups().flush();
    }

    /** The statements a search runs for its first page (one per branch, with parameters), for timing bare SQL. */
    public List<Object[]> firstPageSql(MessageSearch search, Instant from, Instant to) {
        MessageQuery q = new MessageQuery(search, from, to);
        List<Object[]> out = new ArrayList<>();
        for (MessageQuery.Branch b : q.branches(parties)) {
            MessageQuery.Statement page = q.page(b, null, search.limit() + 1);
            out.add(new Object[] {page.sql(), page.params()});
        }
        return out;
    }

    /**
     * The statements a search's first page runs on PostgreSQL when there is more than a page: each
     * branch's page and the planner's estimate of the total ({@code EXPLAIN} of all the filters).
     */
    public List<Object[]> firstPageSqlWithEstimate(MessageSearch search, Instant from, Instant to) {
        List<Object[]> out = new ArrayList<>(firstPageSql(search, from, to));
        MessageQuery.Statement estimate = new MessageQuery(search, from, to).estimate();
        out.add(new Object[] {"EXPLAIN (FORMAT JSON) " + estimate.sql(), estimate.params()});
        return out;
    }

    /** Works off the retries already due (a store built hours ago has a backlog), as the simulator would. */
    public long drainDueRetries() {
        long n = 0;
        while (true) {
            List<MessageRow> moved = simulator.progressDueRetries(Instant.now(), 2_000);
            ingest.update(moved);
            n += moved.size();
            if (moved.size() < 100) {
                return n;
            }
        }
    }

    /** The plans of the statements a search runs for its first page (EXPLAIN, one per branch). */
    public List<String> explain(javax.sql.DataSource ds, MessageSearch search, Instant from, Instant to) {
        boolean postgres = ingestIsCopy();
        List<String> plans = new ArrayList<>();
        for (Object[] st : firstPageSql(search, from, to)) {
            plans.add(explainSql(ds, (String) st[0], (Object[]) st[1], postgres));
        }
        return plans;
    }

    /** The plan of one statement, as the store prints it. */
    public static String explainSql(javax.sql.DataSource ds, String sql, Object[] params, boolean postgres) {
        try (java.sql.Connection c = ds.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement((postgres ? "EXPLAIN (COSTS OFF) " : "EXPLAIN ") + sql)) {
            io.spineconsole.sandbox.Sql.bind(ps, params);
            StringBuilder out = new StringBuilder();
            try (java.sql.ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    out.append(r.getString(1)).append('\n');
                }
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean ingestIsCopy() {
        return parties != null && simulator != null && backboneProduct.equals("postgresql");
    }

    /**
     * A bare COPY of {@code count} rows like those ingest writes (the same generator, the same CSV),
     * into the same table, on {@code threads} connections, timed alone: the rows and their CSV are
     * made before the clock starts. PostgreSQL only.
     */
    public Result bareCopy(javax.sql.DataSource ds, long count, int threads, int batchSize) throws InterruptedException {
        TrafficDirectory directory = simulator.directory();
        List<String> batches = new ArrayList<>();
        long events = 0;
        List<MessageRow> rows = new ArrayList<>(batchSize);
        Instant now = Instant.now();
        for (long i = 0; i < count; i++) {
            MessageRow row = simulator.model().newMessage(directory, now.plusNanos(i * 1_000));
            simulator.model().deliver(row, directory.target(row.endpointId), now);
            events += row.newEvents.size();
            rows.add(row);
            if (rows.size() == batchSize || i == count - 1) {
                batches.add(MessageIngest.csv(rows));
                rows = new ArrayList<>(batchSize);
            }
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try (java.sql.Connection c = ds.getConnection()) {
                    int b;
                    while ((b = next.getAndIncrement()) < batches.size()) {
                        MessageIngest.copyCsv(c, batches.get(b));
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "bench-copy-" + t);
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("COPY failed", failure.get());
        }
        return new Result(count, events, System.nanoTime() - started, List.of());
    }

    /** The column list a search selects. */
    public static String columns() {
        return MessageQuery.COLUMNS;
    }
}
