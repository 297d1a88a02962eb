package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.UiExecutor;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A UI thread for view-model tests without a toolkit: results are queued and run on the test's own
 * thread while it waits, so view models see one thread, as they do on the FX thread.
 */
final class UiQueue {
    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    final UiExecutor ui = new UiExecutor(tasks::add);

    /** Runs queued results until {@code condition} holds (or fails after 15 s). */
    void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting until " + what);
            }
            try {
                Runnable task = tasks.poll(50, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Runs what is queued now and what arrives within {@code millis}. */
    void settle(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            try {
                Runnable task = tasks.poll(20, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
