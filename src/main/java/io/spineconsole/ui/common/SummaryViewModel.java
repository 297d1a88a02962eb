package io.spineconsole.ui.common;

import io.spineconsole.api.BackboneApi;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
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
    private final ObservableList<Tile> tiles = FXCollections.observableArrayList();
    private final LatestLoad load;
    private BackboneApi api;

    public SummaryViewModel(Function<BackboneApi, CompletableFuture<T>> loader, Function<T, List<Tile>> toTiles,
                            UiExecutor ui, I18n i18n) {
        this.loader = loader;
        this.toTiles = toTiles;
        this.load = new LatestLoad(ui, i18n, () -> !tiles.isEmpty());
        load.onRetry(this::refresh);
    }

    /** Points the view model at a (new) session and loads. */
    public void connect(BackboneApi newApi) {
        dispose();
        this.api = newApi;
        refresh();
    }

    /** Reloads unless a load is already running (the periodic refresh never piles calls up). */
    public void refresh() {
        if (api == null || load.isRunning()) {
            return;
        }
        load.start(loader.apply(api), summary -> tiles.setAll(toTiles.apply(summary)), summary -> tiles.isEmpty());
    }

    /** Cancels the call in flight; the view is going away. */
    public void dispose() {
        load.cancel();
    }

    public ObservableList<Tile> tiles() {
        return tiles;
    }

    /** What the view shows about the summary: state and error; Retry refreshes. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return load.errorProperty();
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return load.errorDetailProperty();
    }
}
