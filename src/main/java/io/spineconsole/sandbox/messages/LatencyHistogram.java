package io.spineconsole.sandbox.messages;

import java.util.Arrays;

/**
 * Latency counts over fixed bucket bounds, so roll-ups can be summed and still give p50/p95/p99
 * (to the precision of a bucket: the answer is the bucket's upper bound). Stored as text.
 */
final class LatencyHistogram {
    /** Upper bounds in milliseconds; the last bucket is everything above the last bound. */
    static final long[] BOUNDS = {10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1_000, 1_500, 2_000, 3_000, 5_000,
            7_500, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000};
    final long[] counts = new long[BOUNDS.length + 1];

    void add(long millis) {
        counts[bucketOf(millis)]++;
    }

    /** The bucket a latency counts in. */
    static int bucketOf(long millis) {
        int i = Arrays.binarySearch(BOUNDS, millis);
        return i >= 0 ? i : -i - 1;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Takes away another histogram's samples (one that was part of this one), never below zero. */
    void subtract(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = Math.max(0, counts[i] - other.counts[i]);
        }
    }

    long total() {
        long sum = 0;
        for (long c : counts) { // a loop, not a stream: endpoint health asks ~100,000 histograms at a time
            sum += c;
        }
        return sum;
    }

    /** The latency below which {@code fraction} of the samples fall; null with no samples. */
    Long percentile(double fraction) {
        long total = total();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return i < BOUNDS.length ? BOUNDS[i] : BOUNDS[BOUNDS.length - 1] * 2;
            }
        }
        return BOUNDS[BOUNDS.length - 1] * 2;
    }

    String encode() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(counts[i]);
        }
        return b.toString();
    }

    /**
     * The counts {@link #encode} wrote (extra counts ignored, missing ones 0). Read digit by digit rather than split:
     * opening the roll-ups of a national store decodes millions of these (a 10 M store's took ~20 s with split).
     */
    static LatencyHistogram decode(String text) {
        LatencyHistogram h = new LatencyHistogram();
        if (text == null) {
            return h;
        }
        int bucket = 0;
        long value = 0;
        for (int i = 0, n = text.length(); i < n && bucket < h.counts.length; i++) {
            char c = text.charAt(i);
            if (c == ',') {
                h.counts[bucket++] = value;
                value = 0;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
            } else {
                throw new NumberFormatException("Not a latency histogram: " + text);
            }
        }
        if (bucket < h.counts.length) {
            h.counts[bucket] = value;
        }
        return h;
    }
}
