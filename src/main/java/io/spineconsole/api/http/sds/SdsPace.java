package io.spineconsole.api.http.sds;

import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one SDS connection's requests within the service's rate limit: a token bucket sends at most
 * {@code perSecond} requests a second (bursts of {@code burst}), and when SDS answers 429 every
 * request of the connection waits out the {@code Retry-After} it gave, not just the one refused.
 * Waiting never blocks a thread: a request's turn is a future completed on the timer.
 */
final class SdsPace {
    private final Bucket bucket;
    private final ScheduledExecutorService timer;
    private final AtomicLong holdUntilNanos = new AtomicLong(System.nanoTime());

    SdsPace(double perSecond, int burst, ScheduledExecutorService timer) {
        if (!(perSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("The pace needs a positive rate and a burst of at least 1.");
        }
        long periodNanos = Math.max(1, Math.round(1_000_000_000L * burst / perSecond));
        this.bucket = Bucket.builder()
                .addLimit(l -> l.capacity(burst).refillGreedy(burst, Duration.ofNanos(periodNanos)))
                .build();
        this.timer = timer;
    }

    /** Completes when the next request may go. */
    CompletableFuture<Void> turn() {
        long wait = holdUntilNanos.get() - System.nanoTime();
        if (wait <= 0) {
            return bucket.asScheduler().consume(1, timer);
        }
        CompletableFuture<Void> turn = new CompletableFuture<>();
        timer.schedule(() -> bucket.asScheduler().consume(1, timer).whenComplete((v, e) -> {
            if (e != null) {
                turn.completeExceptionally(e);
            } else {
                turn.complete(null);
            }
        }), wait, TimeUnit.NANOSECONDS);
        return turn;
    }

    /** Holds every request back for {@code delay} from now (SDS said 429 with this Retry-After). */
    void holdFor(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        holdUntilNanos.accumulateAndGet(until, (current, proposed) -> proposed - current > 0 ? proposed : current);
    }
}
