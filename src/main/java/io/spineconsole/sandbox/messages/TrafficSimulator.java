package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Live traffic between registered endpoints at a set rate, following each interaction's messaging
 * pattern (see {@link DeliveryModel}), written in batches a few times a second. Due retries of
 * reliable messages are made as their time comes; the directory and the sites each component is
 * routed through are re-read every half minute, so a cut-over moves traffic off a data centre.
 */
public final class TrafficSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    /** The desktop sandbox's rate: a few dozen messages a second. */
    public static final int DEFAULT_RATE = 40;
    /** The national peak. */
    public static final int MAX_RATE = 3_200;
    static final Duration TICK = Duration.ofMillis(200);
    static final Duration RELOAD = Duration.ofSeconds(30);

    private final Sql sql;
    private final Clock clock;
    private final MessageIngest ingest;
    private final MessageStore store;
    private final DeliveryModel model;
    private volatile TrafficDirectory directory;
    private final java.util.concurrent.atomic.AtomicBoolean reloading = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int rate;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> ticking;
    private double owed;
    private long lastTickNanos;
    private volatile long lastReloadNanos;
    private volatile Thread reloader;
    private volatile TrafficConditions conditions = TrafficConditions.NONE;
    private volatile Sink sink;

    TrafficSimulator(Sql sql, Clock clock, MessageIngest ingest, MessageStore store, long seed) {
        this.sql = sql;
        this.clock = clock;
        this.ingest = ingest;
        this.store = store;
        this.model = new DeliveryModel(new Random(seed));
        this.sink = new Sink() {
            @Override
            public void insert(List<MessageRow> rows) {
                ingest.insert(rows);
            }

            @Override
            public void update(List<MessageRow> rows) {
                ingest.update(rows);
            }
        };
    }

    /** Starts (or re-rates) live traffic at {@code perSecond} messages a second. */
    public synchronized void start(int perSecond) {
        if (perSecond < 1 || perSecond > MAX_RATE) {
            throw new IllegalArgumentException("Traffic rate must be 1 to " + MAX_RATE + " messages a second");
        }
        rate = perSecond;
        if (ticking != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "traffic-simulator");
            t.setDaemon(true);
            return t;
        });
        lastTickNanos = System.nanoTime();
        ticking = executor.scheduleAtFixedRate(this::tickSafely, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Traffic simulator running at {} msg/s", perSecond);
    }

    /**
     * Stops live traffic and returns once the tick under way (and a directory reload) has finished,
     * however long that takes on a busy machine: the store may be closed next.
     */
    public synchronized void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            executor.shutdown();
            awaitQuietly(executor);
            ticking = null;
            executor = null;
        }
        Thread reload = reloader;
        if (reload != null) {
            try {
                reload.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            while (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.info("Waiting for the traffic simulator's last tick to finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isRunning() {
        return ticking != null;
    }

    public int rate() {
        return rate;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Traffic simulator tick failed; carrying on", e);
        }
    }

    /** Lays {@code conditions} (a scenario's) over live traffic, from the next tick; {@link TrafficConditions#NONE} lifts them. */
    public void conditions(TrafficConditions conditions) {
        this.conditions = conditions;
        model.conditions(conditions);
    }

    /** The rate traffic runs at {@code now}: the rate set, raised by a scenario's burst; 0 when stopped. */
    public int effectiveRate(Instant now) {
        return isRunning() ? Math.min(MAX_RATE, conditions.rate(rate, now)) : 0;
    }

    private void tick() {
        long nowNanos = System.nanoTime();
        owed += effectiveRate(clock.instant()) * (nowNanos - lastTickNanos) / 1e9;
        lastTickNanos = nowNanos;
        int n = (int) owed;
        owed -= n;
        Sink to = sink;
        to.insert(generate(n, clock.instant()));
        to.update(progressDueRetries(clock.instant(), 2_000));
    }

    /** Where each tick's new and progressed messages go: the store (through ingest), or a feed's topic. */
    interface Sink {
        void insert(List<MessageRow> rows);

        void update(List<MessageRow> rows);
    }

    /** From the next tick, traffic goes to {@code to} instead of the store (a Kafka feed's topic). */
    void sendTo(Sink to) {
        sink = to;
    }

    /** {@code n} new messages received now, each with its first delivery attempt made. */
    List<MessageRow> generate(int n, Instant now) {
        TrafficDirectory dir = directory();
        List<MessageRow> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            MessageRow row = model.newMessage(dir, now);
            if (row == null) {
                break;
            }
            if (conditions.silent(row.fromOds, now)) {
                continue;  // a silent organisation sends nothing: its share of traffic is missing
            }
            model.deliver(row, dir.target(row.endpointId), now);
            rows.add(row);
        }
        return rows;
    }

    /** Makes the retries that are due; returns the rows that moved on. */
    List<MessageRow> progressDueRetries(Instant now, int max) {
        TrafficDirectory dir = directory();
        List<MessageRow> moved = new ArrayList<>();
        for (MessageRow row : store.dueRetries(now, max)) {
            TrafficDirectory.Target to = dir.target(row.endpointId);
            if (to == null) {
                continue;
            }
            model.catchUp(row, to, now);
            if (!row.newEvents.isEmpty()) {
                moved.add(row);
            }
        }
        return moved;
    }

    /**
     * The directory as last read. The first call reads it; after that a stale one is re-read in
     * the background while traffic goes on with the old one: reading a national directory
     * (100,000 endpoints) takes seconds, and must not stall a tick.
     */
    TrafficDirectory directory() {
        TrafficDirectory current = directory;
        if (current == null) {
            synchronized (this) {
                if (directory == null) {
                    reloadDirectory();
                }
                return directory;
            }
        }
        long now = System.nanoTime();
        if (now - lastReloadNanos > RELOAD.toNanos() && reloading.compareAndSet(false, true)) {
            lastReloadNanos = now;
            Thread t = new Thread(() -> {
                try {
                    directory = TrafficDirectory.load(sql);
                } catch (RuntimeException e) {
                    LOG.warn("Reloading the traffic directory failed; keeping the last one", e);
                } finally {
                    reloading.set(false);
                }
            }, "traffic-directory-reload");
            t.setDaemon(true);
            reloader = t;
            t.start();
        }
        return current;
    }

    /** Re-reads the directory and the sites now, rather than at the next half-minute reload. */
    void reloadDirectory() {
        lastReloadNanos = System.nanoTime();
        directory = TrafficDirectory.load(sql);
    }

    DeliveryModel model() {
        return model;
    }

    /** The ingest path live traffic is written through (benchmarks drive it directly, beyond {@link #MAX_RATE}). */
    MessageIngest ingest() {
        return ingest;
    }

    @Override
    public void close() {
        stop();
    }
}
