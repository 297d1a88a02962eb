package io.spineconsole.ui.common;

import io.spineconsole.api.BackboneApi;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Loads a workspace's headline summary and turns it into {@link Tile}s. Keeps the last good
 * tiles on a failed refresh, so a network blip never blanks the screen.
 *
 * @param <T> the summary record the API returns
 */
public final class SummaryViewModel<T> {
    private final Function<BackboneApi, CompletableFuture<T>> loader;
    private final Function<T, List<Tile>> toTiles;
    private final UiExecutor ui;
    private final I18n i18n;
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final ObjectProperty<LoadState> state = new SimpleObjectProperty<>(LoadState.IDLE);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private BackboneApi api;
    private CompletableFuture<T> inFlight;

    public SummaryViewModel(Function<BackboneApi, CompletableFuture<T>> loader, Function<T, List<Tile>> toTiles,
                            UiExecutor ui, I18n i18n) {
        this.loader = loader;
        this.toTiles = toTiles;
        this.ui = ui;
        this.i18n = i18n;
    }

    /** Points the view model at a (new) session and loads. */
    public void connect(BackboneApi newApi) {
        dispose();
        this.api = newApi;
        refresh();
    }

    /** Reloads unless a load is already running. */
    public void refresh() {
        if (api == null || (inFlight != null && !inFlight.isDone())) {
            return;
        }
        if (tiles.isEmpty()) {
            state.set(LoadState.LOADING);
        }
        inFlight = ui.deliver(loader.apply(api), summary -> {
            tiles.setAll(toTiles.apply(summary));
            error.set("");
            errorDetail.set("");
            state.set(tiles.isEmpty() ? LoadState.EMPTY : LoadState.LOADED);
        }, failure -> {
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
            state.set(LoadState.FAILED);
        });
    }

    /** Cancels the call in flight; the view is going away. */
    public void dispose() {
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }
}
