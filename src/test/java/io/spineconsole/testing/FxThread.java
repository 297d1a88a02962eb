package io.spineconsole.testing;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Work done on the JavaFX application thread from a test, and waiting there for a condition. */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code work} on the FX thread and returns its result (its exception or failed assertion rethrown). */
    public static <V> V call(Callable<V> work) throws Exception {
        CompletableFuture<V> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | AssertionError e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }

    /** Waits up to 20 s until {@code condition}, checked on the FX thread, holds. */
    public static void await(BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out");
            }
            Thread.sleep(50);
        }
    }
}
