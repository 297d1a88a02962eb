package io.spineconsole.sandbox.http;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Holds each token to the {@link RateLimit}: one bucket per token, so a busy script on one token
 * cannot starve the console on another. A request over the limit is refused with 429 and a
 * {@code Retry-After} of the whole seconds until the bucket has room again.
 */
public final class RequestLimiter {
    private final RateLimit limit;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestLimiter(RateLimit limit) {
        this.limit = limit;
    }

    /** Counts one request for {@code tokenId}; throws the 429 problem when the token is over its limit. */
    public void admit(long tokenId) {
        if (limit.unlimited()) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(tokenId, id -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            throw new ProblemException(429, "TOO_MANY_REQUESTS", "Too many requests", "This token has made more than "
                    + limit.perSecond() + " requests a second (bursts of " + limit.burst() + "); try again in "
                    + seconds + " s.").withHeader("Retry-After", Long.toString(seconds));
        }
    }
}
