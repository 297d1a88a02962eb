package io.spineconsole.sandbox.http;

/**
 * The admin API's per-token request limit: a bucket of {@code burst} requests that refills at
 * {@code perSecond}. {@link #CONTRACT} is what openapi.yaml promises; {@link #NONE} is for tests and
 * benchmarks that measure the server itself.
 */
public record RateLimit(int perSecond, int burst) {
    public static final RateLimit CONTRACT = new RateLimit(50, 200);
    public static final RateLimit NONE = new RateLimit(0, 0);

    public RateLimit {
        if (perSecond < 0 || burst < 0 || (perSecond > 0) != (burst > 0)) {
            throw new IllegalArgumentException("A rate limit needs both a rate and a burst above 0, or neither");
        }
    }

    public boolean unlimited() {
        return perSecond == 0;
    }
}
