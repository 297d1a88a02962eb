package io.spineconsole.sandbox.feed;

import java.util.ArrayDeque;

/** Messages a second over the last {@link #WINDOW_NANOS} (ten seconds), from counts added as batches are stored. */
final class RateMeter {
    static final long WINDOW_NANOS = 10_000_000_000L;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    synchronized void add(long count, long nowNanos) {
        samples.addLast(new long[] {nowNanos, count});
        trim(nowNanos);
    }

    synchronized double perSecond(long nowNanos) {
        trim(nowNanos);
        long sum = 0;
        for (long[] s : samples) {
            sum += s[1];
        }
        return sum / (WINDOW_NANOS / 1e9);
    }

    private void trim(long nowNanos) {
        while (!samples.isEmpty() && nowNanos - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
    }
}
