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
    static final Duration MAINTENANCE = Duration.ofHours(1);
    static final Duration MAINTENANCE_DELAY = Duration.ofSeconds(30);

    private final SandboxContext context;
    private final MessageRetention retention;
    private final MessagePartitions partitions;
    private final StreamHub stream;
    private final Rollups rollups;
    private final MessageIngest ingest;
    private final MessageStore store;
    private final SearchPlanner plans;
    private final TrafficSimulator simulator;
    private final Redelivery redelivery;
    private final RedeliveryJobs jobs;
    private final DeadLetterDiscards discards;
    private final StatsStore stats;
    private final EndpointHealthStore health;
    private final AlertSignals signals;
    private final Payloads payloads;
    private final MessageExport export;
    private final ScheduledExecutorService flusher;
    /** Endpoint health's background ranking: its own thread, so a long flush or expiry never holds it up. */
    private final ScheduledExecutorService ranker;
    private final Runnable storeHousekeeping;
    private final FeedIngest feed;

    /** With the desktop's retention (tests and tools; the backbone passes its own). */
    public MessagesModule(SandboxContext context) {
        this(context, new MessageRetention(MessageRetention.DESKTOP_DAYS));
    }

    /** With no housekeeping of the store's files after expiry. */
    public MessagesModule(SandboxContext context, MessageRetention retention) {
        this(context, retention, () -> { });
    }

    /**
     * {@code storeHousekeeping} runs after each expiry, on the maintenance timer (the embedded store
     * compacts its file there when it has grown well beyond its data).
     */
    public MessagesModule(SandboxContext context, MessageRetention retention, Runnable storeHousekeeping) {
        this.context = context;
        this.storeHousekeeping = storeHousekeeping;
        this.retention = retention;
        this.stream = new StreamHub(context.clock());
        this.partitions = new MessagePartitions(context.sql(), context.isPostgres());
        partitions.createAhead(context.clock().instant());
        MessageParties parties = new MessageParties(context.sql(), context.isPostgres());
        this.rollups = new Rollups(context.sql(), context.isPostgres());
        rollups.open(context.clock().instant());
        this.ingest = new MessageIngest(context.sql(), rollups, stream, parties, partitions, context.isPostgres());
        this.store = new MessageStore(context.sql(), context.isPostgres(), context.mapper(), parties);
        this.plans = new SearchPlanner(context.sql(), context.isPostgres(), context.mapper(), parties, partitions,
                SearchPlanner.DEFAULT_READ_THRESHOLD);
        this.simulator = new TrafficSimulator(context.sql(), context.clock(), ingest, store, System.nanoTime());
        this.redelivery = new Redelivery(context.sql(), store, ingest, simulator, context.audit(), context.clock());
        this.discards = new DeadLetterDiscards(context.sql(), store, context.audit(), context.clock());
        this.jobs = new RedeliveryJobs(context.sql(), store, redelivery, ingest, context.audit(), context.mapper(),
                context.clock());
        this.stats = new StatsStore(context.sql(), rollups, id -> simulator.directory().target(id));
        this.health = new EndpointHealthStore(context.sql(), rollups, () -> simulator.directory());
        this.feed = new FeedIngest(ingest, rollups, stream, simulator, context.isPostgres());
        this.signals = new AlertSignals(context.sql(), rollups, () -> simulator.directory());
        this.payloads = new Payloads(context, store);
        this.export = new MessageExport(store, context);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "message-rollups");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, ROLLUP_FLUSH.toMillis(), ROLLUP_FLUSH.toMillis(),
                TimeUnit.MILLISECONDS);
        this.ranker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "endpoint-health");
            t.setDaemon(true);
            return t;
        });
        ranker.scheduleWithFixedDelay(this::refreshHealthQuietly, HealthRankings.REFRESH.toMillis(),
                HealthRankings.REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        // Partitions ahead, expiry and the store's housekeeping (an embedded file that has grown is compacted):
        // soon after start (not in the way of the first screens), then hourly.
        flusher.scheduleWithFixedDelay(this::maintainQuietly, MAINTENANCE_DELAY.toMillis(), MAINTENANCE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Makes partitions ahead, removes what has expired, then keeps the store's files in shape, now. */
    MessageRetention.Expired maintain() {
        MessageRetention.Expired expired = expire();
        storeHousekeeping.run();
        return expired;
    }

    /** Makes partitions ahead and removes what has expired, now. */
    MessageRetention.Expired expire() {
        partitions.createAhead(context.clock().instant());
        MessageRetention.Expired expired = retention.expire(context.sql(), partitions, context.isPostgres(),
                context.clock().instant());
        rollups.expired(expired.cutoff());
        return expired;
    }

    private void maintainQuietly() {
        try {
            maintain();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessagesModule.class).warn("Message store maintenance failed; will retry", e);
        }
    }

    /** How long messages are kept. */
    public MessageRetention retention() {
        return retention;
    }

    /** The message store's partitions and roll-ups, for tests of this package. */
    MessagePartitions partitions() {
        return partitions;
    }

    Rollups rollups() {
        return rollups;
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

    /** What a message search will cost, before it runs. */
    public SearchPlanner plans() {
        return plans;
    }

    public RedeliveryJobs jobs() {
        return jobs;
    }

    public DeadLetterDiscards discards() {
        return discards;
    }

    public StatsStore stats() {
        return stats;
    }

    public EndpointHealthStore health() {
        return health;
    }

    /** What alert rules read of the message flow: per endpoint, from the roll-ups and backlog kept at ingest. */
    public AlertSignals signals() {
        return signals;
    }

    /** The live stream of status changes. */
    public StreamHub stream() {
        return stream;
    }

    /** The way in for a feed from a topic (the Kafka feed): its ingest, live stream and the simulator's output. */
    public FeedIngest feed() {
        return feed;
    }

    public Payloads payloads() {
        return payloads;
    }

    public MessageExport export() {
        return export;
    }

    private void refreshHealthQuietly() {
        try {
            health.refreshRankings();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessagesModule.class).warn("Endpoint health refresh failed; will retry", e);
        }
    }

    private void flushQuietly() {
        try {
            rollups.flush();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessagesModule.class).warn("Roll-up flush failed; will retry", e);
        }
    }

    /**
     * Stops what writes on its own (traffic, redelivery jobs, the flush and maintenance timer, each
     * waited for), ends the live streams, then writes every roll-up still pending. The store stays
     * open: its owner closes it after this.
     */
    @Override
    public void close() {
        simulator.close();
        jobs.close();
        stream.close();
        // Not interrupted: a ranking under way may be reading the embedded store, whose file an interrupt closes.
        ranker.shutdown();
        flusher.shutdown();  // periodic runs cancelled; one under way is waited for, not interrupted
        try {
            if (!flusher.awaitTermination(60, TimeUnit.SECONDS)) {
                flusher.shutdownNow();
            }
            ranker.awaitTermination(30, TimeUnit.SECONDS); // before the store closes under it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            rollups.flushAll();  // every change written: the next start has nothing to rebuild
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MessagesModule.class).warn("Final roll-up flush failed; the next start "
                    + "rebuilds them from the stored messages", e);
        }
    }
}
