package io.spineconsole.api.http;

import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.ConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings the connection state back by itself: while the state is OFFLINE or DEGRADED it asks
 * the server's health route, with backoff, until the state is ONLINE (or UNAUTHORISED) again.
 * The health call goes through the transport like any other, so its outcome sets the state by
 * the rules of {@link ConnectionPolicy}. At most one probe is waiting or in flight at a time.
 */
final class HealthProbe implements Consumer<ConnectionState>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
    private final Supplier<CompletableFuture<?>> health;
    private final ConnectionMonitor connection;
    private final ScheduledExecutorService timer;
    private final ConnectionPolicy policy;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean closed;
    private volatile CompletableFuture<?> inFlight;
    private long nextDelayMillis;

    /** @param health sends one health check (no retries); its outcome reaches {@code connection} */
    HealthProbe(Supplier<CompletableFuture<?>> health, ConnectionMonitor connection, ScheduledExecutorService timer,
                ConnectionPolicy policy) {
        this.health = health;
        this.connection = connection;
        this.timer = timer;
        this.policy = policy;
        this.nextDelayMillis = policy.probeFirstDelay().toMillis();
    }

    /** Starts watching the connection state. */
    HealthProbe start() {
        connection.addListener(this);
        return this;
    }

    static boolean needsProbe(ConnectionState state) {
        return state == ConnectionState.OFFLINE || state == ConnectionState.DEGRADED;
    }

    /** Called on every state change: schedules a probe when one is needed and none is pending. */
    @Override
    public void accept(ConnectionState state) {
        if (closed) {
            return;
        }
        if (!needsProbe(state)) {
            resetBackoff();
            return;
        }
        if (pending.compareAndSet(false, true)) {
            schedule();
        }
    }

    private synchronized void resetBackoff() {
        nextDelayMillis = policy.probeFirstDelay().toMillis();
    }

    /** This probe's delay (with jitter: 50–100 % of the step), and the next step doubled up to the cap. */
    private synchronized long takeDelay() {
        long step = nextDelayMillis;
        nextDelayMillis = Math.min(policy.probeMaxDelay().toMillis(), Math.max(1, step * 2));
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }

    private void schedule() {
        long delay = takeDelay();
        try {
            timer.schedule(this::probe, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shutDown) {
            pending.set(false);
        }
    }

    private void probe() {
        if (closed) {
            pending.set(false);
            return;
        }
        LOG.debug("Connection {}: checking the server's health", connection.state());
        CompletableFuture<?> call = health.get();
        inFlight = call;
        call.whenComplete((ok, failure) -> {
            inFlight = null;
            if (closed) {
                pending.set(false);
                return;
            }
            if (needsProbe(connection.state())) {
                schedule(); // still pending: the next probe follows with a longer delay
            } else {
                pending.set(false);
                resetBackoff();
                // The state may have dropped again between the check and the reset: look once more.
                accept(connection.state());
            }
        });
    }

    /** Stops probing for good; a probe in flight is cancelled. */
    @Override
    public void close() {
        closed = true;
        connection.removeListener(this);
        CompletableFuture<?> call = inFlight;
        if (call != null) {
            call.cancel(true);
        }
    }
}
