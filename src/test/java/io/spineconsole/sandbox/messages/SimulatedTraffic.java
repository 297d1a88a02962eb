package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.http.server.SandboxBackbone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Live traffic at simulated time, for benchmarks that run a sandbox through days in minutes: the
 * traffic simulator's own generator (its delivery model, directory and any scenario's conditions)
 * makes each slice's messages at the slice's time, they go in through the store's ingest path, and
 * the retries due by the slice's end are made, as the simulator's ticks do; nothing sleeps. The
 * caller moves the sandbox's clock (the {@code clock} consumer) so that what reads it (retention,
 * roll-ups, the live stream) sees simulated time.
 */
public final class SimulatedTraffic {
    private final TrafficSimulator simulator;
    private final MessageIngest ingest;
    private final MessagesModule module;
    private final Consumer<Instant> clock;
    private double owed;

    public SimulatedTraffic(SandboxBackbone backbone, Consumer<Instant> clock) {
        this.module = backbone.messages();
        this.simulator = module.traffic();
        this.ingest = simulator.ingest();
        this.clock = clock;
    }

    /**
     * Sends {@code perSecond} messages a second of simulated time from {@code from} for {@code span}, a
     * slice at a time; returns how many messages were written (a silent organisation's share is missing).
     */
    public long run(Instant from, Duration span, double perSecond, Duration slice) {
        long written = 0;
        Instant end = from.plus(span);
        for (Instant at = from; at.isBefore(end); at = at.plus(slice)) {
            clock.accept(at);
            owed += perSecond * slice.toMillis() / 1000.0;
            int n = (int) owed;
            owed -= n;
            List<MessageRow> rows = simulator.generate(n, at);
            ingest.insert(rows);
            written += rows.size();
            Instant sliceEnd = at.plus(slice);
            List<MessageRow> moved;
            do {
                moved = simulator.progressDueRetries(sliceEnd, 2_000);
                ingest.update(moved);
            } while (moved.size() == 2_000);
        }
        clock.accept(end);
        return written;
    }

    /**
     * The store's maintenance as the sandbox runs it every hour (partitions ahead, retention, then the store's
     * housekeeping: an embedded file grown well beyond its data is compacted); rows removed.
     */
    public long maintain() {
        module.rollups().flush();
        MessageRetention.Expired expired = module.maintain();
        return expired.rowsDeleted() + expired.rollupsDeleted();
    }

    /** Only partitions ahead and retention, without the store's housekeeping (to grow a file as older versions did). */
    public long expireOnly() {
        module.rollups().flush();
        MessageRetention.Expired expired = module.expire();
        return expired.rowsDeleted() + expired.rollupsDeleted();
    }
}
