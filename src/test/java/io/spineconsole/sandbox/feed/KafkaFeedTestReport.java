package io.spineconsole.sandbox.feed;

import io.spineconsole.domain.sandbox.FeedStatus;

/** What {@link KafkaFeedTest} measured, on the test's output (the consumer's rate goes in BENCHMARKS.md by hand). */
final class KafkaFeedTestReport {
    private KafkaFeedTestReport() {
    }

    static void print(long startedNanos, long storedAtKill, FeedStatus survivor) {
        System.out.printf("KafkaFeedTest: %.1f s from start to all stored; %,d stored when one instance was killed; "
                + "survivor: %s%n", (System.nanoTime() - startedNanos) / 1e9, storedAtKill, survivor);
    }
}
