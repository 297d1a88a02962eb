package io.spineconsole.testing;

import io.spineconsole.ui.common.UiExecutor;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** One thread playing the UI thread for view-model tests: answers reach the view model one at a time, in order. */
public final class TestUiThread implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    public UiExecutor executor() {
        return new UiExecutor(thread);
    }

    public <T> T call(Callable<T> work) {
        try {
            return thread.submit(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Waits (up to 20 s) until {@code condition}, checked on this thread, holds. */
    public void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail("Timed out waiting for " + what);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
