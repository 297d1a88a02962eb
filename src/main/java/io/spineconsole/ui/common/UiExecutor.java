package io.spineconsole.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way results get back onto the UI thread. The application passes
 * {@code Platform::runLater}; view-model tests pass {@code Runnable::run} and need no toolkit.
 */
public final class UiExecutor implements Executor {
    private final Executor uiThread;

    public UiExecutor(Executor uiThread) {
        this.uiThread = uiThread;
    }

    @Override
    public void execute(Runnable command) {
        uiThread.execute(command);
    }

    /**
     * Delivers the outcome of {@code future} on the UI thread: {@code onSuccess} with the value, or
     * {@code onFailure} with the underlying cause. A cancelled future (the view went away) calls neither.
     */
    public <T> CompletableFuture<T> deliver(CompletableFuture<T> future, Consumer<? super T> onSuccess,
                                            Consumer<Throwable> onFailure) {
        future.whenComplete((value, failure) -> {
            if (future.isCancelled() || failure instanceof CancellationException) {
                return;
            }
            uiThread.execute(() -> {
                if (failure == null) {
                    onSuccess.accept(value);
                } else {
                    onFailure.accept(unwrap(failure));
                }
            });
        });
        return future;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
