package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.SandboxContext;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The message-flow part of the sandbox backbone, wired: the store, ingest with its roll-ups and
 * live stream, the traffic simulator, redelivery and its jobs, statistics, payloads and export. The
 * routes ({@code sandbox.http.messages}) take their parts from here.
 */
public final class MessagesModule implements AutoCloseable {
    static final Duration ROLLUP_FLUSH = Duration.ofSeconds(5);

    private final SandboxContext context;
    private final StreamHub stream;
    private final Rollups rollups;
    private final MessageIngest ingest;
    private final MessageStore store;
    private final TrafficSimulator simulator;
    private final Redelivery redelivery;
    private final RedeliveryJobs jobs;
    private final StatsStore stats;
    private final Payloads payloads;
    private final MessageExport export;
    private final ScheduledExecutorService flusher;

    public MessagesModule(SandboxContext context) {
        this.context = context;
        this.stream = new StreamHub(context.clock());
        this.rollups = new Rollups(context.sql(), context.isPostgres());
        this.ingest = new MessageIngest(context.sql(), rollups, stream, context.isPostgres());
        this.store = new MessageStore(context.sql(), context.isPostgres(), context.mapper());
        this.simulator = new TrafficSimulator(context.sql(), context.clock(), ingest, store, System.nanoTime());
        this.redelivery = new Redelivery(context.sql(), store, ingest, simulator, context.audit(), context.clock());
        this.jobs = new RedeliveryJobs(context.sql(), store, redelivery, ingest, context.audit(), context.mapper(),
                context.clock());
        this.stats = new StatsStore(context.sql(), rollups, id -> simulator.directory().target(id));
        this.payloads = new Payloads(context, store);
        this.export = new MessageExport(store, context);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "message-rollups");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, ROLLUP_FLUSH.toMillis(), ROLLUP_FLUSH.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Seeds {@code count} messages of recent history into a freshly seeded store. */
    public void seedHistory(int count) {
        new MessageSeed(simulator, ingest).seed(context.sql(), count, context.clock().instant());
        rollups.flush();
        if (context.isPostgres()) {
            // Fresh statistics, so the planner's row estimates (the search's approximate counts) are sensible at once.
            context.sql().update("ANALYZE message");
        }
    }

    /** The live traffic simulator; not running until started. */
    public TrafficSimulator traffic() {
        return simulator;
    }

    public MessageStore store() {
        return store;
    }

    public Redelivery redelivery() {
        return redelivery;
    }

    public RedeliveryJobs jobs() {
        return jobs;
    }

    public StatsStore stats() {
        return stats;
    }

    /** The live stream of status changes. */
    public StreamHub stream() {
        return stream;
    }

    public Payloads payloads() {
        return payloads;
    }

    public MessageExport export() {
        return export;
    }

    private void flushQuietly() {
        try {
            rollups.flush();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessagesModule.class).warn("Roll-up flush failed; will retry", e);
        }
    }

    @Override
    public void close() {
        simulator.close();
        jobs.close();
        stream.close();
        flusher.shutdownNow();
        flushQuietly();
    }
}
