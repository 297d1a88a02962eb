package io.spineconsole.ui.migration;

import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.Tile;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The programme's headline numbers in one compact row above the tools: label and value, with the
 * caption in the tooltip and the accessible text, and the severity as a stripe plus those words.
 */
final class TileStrip extends VBox {

    TileStrip(SummaryViewModel<?> model, I18n i18n) {
        getStyleClass().add("migration-tiles");
        HBox row = new HBox(8);
        row.getStyleClass().add("migration-tile-row");
        model.tiles().addListener((ListChangeListener<Tile>) change ->
                row.getChildren().setAll(model.tiles().stream().map(TileStrip::tile).toList()));
        ErrorRow error = new ErrorRow(Bindings.when(model.stateProperty().isEqualTo(LoadState.FAILED))
                .then(model.errorProperty()).otherwise(""), model.errorDetailProperty(), i18n);
        getChildren().addAll(row, error);
    }

    private static VBox tile(Tile t) {
        Label label = new Label(t.label());
        label.getStyleClass().add("tile-label");
        Label value = new Label(t.value());
        value.getStyleClass().add("tile-value");
        VBox box = new VBox(0, label, value);
        box.getStyleClass().addAll("tile", "migration-tile", t.severity().isEmpty() ? "tile-neutral" : "tile-" + t.severity());
        String words = t.label() + ": " + t.value() + (t.caption().isEmpty() ? "" : ", " + t.caption());
        box.setAccessibleText(words);
        if (!t.caption().isEmpty()) {
            Tooltip.install(box, new Tooltip(t.caption()));
        }
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
