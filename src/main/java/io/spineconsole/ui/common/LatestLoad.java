package io.spineconsole.ui.common;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a view shows while it loads: the latest call only (starting one cancels the one before, and
 * an answer that arrives late is dropped), with its {@link LoadState} and the error in a sentence
 * and in detail. "Loading" shows only while nothing is on screen yet, so a reload keeps the old
 * data in view. Views bind to its {@link #status()}. UI thread only.
 */
public final class LatestLoad {
    private final UiExecutor ui;
    private final BooleanSupplier showing;
    private final LoadStatus status;
    private CompletableFuture<?> inFlight;
    private long generation;

    /** @param showing true while the view has data on screen (a reload then keeps it in view) */
    public LatestLoad(UiExecutor ui, I18n i18n, BooleanSupplier showing) {
        this.ui = ui;
        this.showing = showing;
        this.status = new LoadStatus(i18n);
    }

    /** What the view shows about this load: state and error. */
    public LoadStatus status() {
        return status;
    }

    /** Sets what a placeholder's Retry runs (usually the view model's refresh). */
    public void onRetry(Runnable action) {
        status.retryWith(action);
    }

    /**
     * Says this load's failures in the view's own words (for example "Could not connect to INT."
     * before the reason) instead of the general sentence and detail of {@link ErrorText}.
     */
    public void explainFailures(Function<Throwable, String> sentence, Function<Throwable, String> detail) {
        status.explainWith(sentence, detail);
    }

    /**
     * Cancels the call before and starts {@code call}. Its answer goes to {@code show}, then the
     * state becomes EMPTY when {@code empty} says so, else LOADED; a failure becomes FAILED with the
     * error in words.
     */
    public <T> void start(CompletableFuture<T> call, Consumer<T> show, Predicate<T> empty) {
        cancel();
        long mine = ++generation;
        if (!showing.getAsBoolean()) {
            status.set(LoadState.LOADING);
        }
        // In flight until its answer is shown (set first: a direct executor answers inside deliver).
        inFlight = call;
        ui.deliver(call, answer -> {
            if (mine != generation) {
                return;
            }
            inFlight = null;
            show.accept(answer);
            status.succeeded(empty.test(answer) ? LoadState.EMPTY : LoadState.LOADED);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            inFlight = null;
            status.failed(failure);
        });
    }

    /**
     * The view shows data it already had, without a call (a list row opened in a detail pane):
     * cancels the call in flight, clears the error, and the state becomes EMPTY or LOADED.
     */
    public void shown(boolean empty) {
        cancel();
        status.succeeded(empty ? LoadState.EMPTY : LoadState.LOADED);
    }

    /** True from a call's start until its answer is shown (a view model that wants one call at a time asks). */
    public boolean isRunning() {
        return inFlight != null;
    }

    /** Cancels the call in flight; what was shown before stays (LOADED), or the view is IDLE. */
    public void cancel() {
        generation++;
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        if (status.state() == LoadState.LOADING) {
            status.set(showing.getAsBoolean() ? LoadState.LOADED : LoadState.IDLE);
        }
    }

    /** Cancels and shows nothing: the view was cleared. */
    public void clear() {
        cancel();
        status.reset();
    }

    /**
     * The current load's number: a follow-up call (the next page) that started under it is stale
     * once {@link #isCurrent} says no.
     */
    public long generation() {
        return generation;
    }

    public boolean isCurrent(long loadGeneration) {
        return loadGeneration == generation;
    }

    /** Shows a follow-up call's failure without changing the state (what is on screen stays). */
    public void failedAlongside(Throwable failure) {
        status.failedAlongside(failure);
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return status.stateProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return status.errorProperty();
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return status.errorDetailProperty();
    }
}
