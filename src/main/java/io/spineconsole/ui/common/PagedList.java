package io.spineconsole.ui.common;

import io.spineconsole.api.Page;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;

/**
 * A server-side list fed page by page through keyset cursors, for a virtualised table: {@link #load}
 * starts a new query (cancelling the one in flight, so a stale answer never lands), {@link #loadMore}
 * appends the next page when the user scrolls near the end. The rows already shown stay until the new
 * ones arrive, and a failed load keeps them, with the error beside them. Call on the UI thread.
 *
 * @param <T> the row type
 */
public final class PagedList<T> {
    /** Fetches the page after {@code cursor} (null for the first). */
    @FunctionalInterface
    public interface PageSource<T> {
        CompletableFuture<Page<T>> fetch(String cursor);
    }

    private final UiExecutor ui;
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final LoadStatus status;
    private final LongProperty approximateTotal = new SimpleLongProperty();
    private final BooleanProperty totalIsExact = new SimpleBooleanProperty();
    private final BooleanProperty hasMore = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private PageSource<T> source;
    private String nextCursor;
    private CompletableFuture<Page<T>> inFlight;
    private long generation;

    public PagedList(UiExecutor ui, I18n i18n) {
        this.ui = ui;
        this.status = new LoadStatus(i18n);
        status.retryWith(this::reload);
    }

    /** What the view shows about this list: state and error; a placeholder's Retry reloads. */
    public LoadStatus status() {
        return status;
    }

    /** Starts a new query from its first page, replacing the rows when it answers. */
    public void load(PageSource<T> newSource) {
        cancel();
        source = newSource;
        nextCursor = null;
        fetch(true);
    }

    /** Runs the current query again from its first page (after a change, or F5). */
    public void reload() {
        if (source != null) {
            load(source);
        }
    }

    /** Appends the next page, unless there is none or a load is already running. */
    public void loadMore() {
        if (source == null || nextCursor == null || busy.get()) {
            return;
        }
        fetch(false);
    }

    /** Stops the load in flight; its answer, if it still comes, is ignored. */
    public void cancel() {
        generation++;
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        busy.set(false);
        if (status.state() == LoadState.LOADING) {
            status.set(items.isEmpty() ? LoadState.IDLE : LoadState.LOADED);
        }
    }

    /** Forgets the query and its rows (the session closed). */
    public void clear() {
        cancel();
        source = null;
        nextCursor = null;
        items.clear();
        hasMore.set(false);
        approximateTotal.set(0);
        status.reset();
    }

    private void fetch(boolean first) {
        long mine = ++generation;
        busy.set(true);
        if (first) {
            status.set(LoadState.LOADING);
        }
        CompletableFuture<Page<T>> call;
        try {
            call = source.fetch(first ? null : nextCursor);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        inFlight = ui.deliver(call, page -> {
            if (mine != generation) {
                return;
            }
            inFlight = null;
            busy.set(false);
            if (first) {
                items.setAll(page.items());
            } else {
                items.addAll(page.items());
            }
            nextCursor = page.nextCursor();
            hasMore.set(page.hasMore());
            approximateTotal.set(Math.max(page.approximateTotal(), items.size()));
            totalIsExact.set(page.totalIsExact());
            status.succeeded(items.isEmpty() ? LoadState.EMPTY : LoadState.LOADED);
        }, failure -> {
            if (mine != generation) {
                return;
            }
            inFlight = null;
            busy.set(false);
            status.failed(failure);
        });
    }

    public ObservableList<T> items() {
        return items;
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

    /** The server's estimate of all matching rows (exact only when {@link #totalIsExactProperty}). */
    public ReadOnlyLongProperty approximateTotalProperty() {
        return approximateTotal;
    }

    public ReadOnlyBooleanProperty totalIsExactProperty() {
        return totalIsExact;
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore;
    }

    /** True while a page is being fetched. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }
}
