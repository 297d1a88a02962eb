package io.spineconsole.ui.common;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link SummaryViewModel}: a row of tiles, a busy indicator while the first load runs,
 * and an error line with a copy button when a load fails (the last good tiles stay).
 */
public final class SummaryPane extends VBox {

    public SummaryPane(SummaryViewModel<?> model, I18n i18n) {
        getStyleClass().add("summary-pane");
        setSpacing(12);

        FlowPane tiles = new FlowPane(12, 12);
        tiles.getStyleClass().add("tiles");
        model.tiles().addListener((ListChangeListener<Tile>) change ->
                tiles.getChildren().setAll(model.tiles().stream().map(SummaryPane::tile).toList()));

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(28, 28);
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(LoadState.LOADING));
        busy.managedProperty().bind(busy.visibleProperty());
        busy.setAccessibleText(i18n.get("common.loading"));

        ErrorRow errorRow = new ErrorRow(javafx.beans.binding.Bindings.when(model.stateProperty().isEqualTo(LoadState.FAILED))
                .then(model.errorProperty()).otherwise(""), model.errorDetailProperty(), i18n);

        getChildren().addAll(busy, errorRow, tiles);
        setPadding(new Insets(0));
    }

    private static Region tile(Tile t) {
        Label value = new Label(t.value());
        value.getStyleClass().add("tile-value");
        Label label = new Label(t.label());
        label.getStyleClass().add("tile-label");
        Label caption = new Label(t.caption());
        caption.getStyleClass().add("tile-caption");
        caption.setWrapText(true);
        VBox box = new VBox(4, label, value, caption);
        box.getStyleClass().addAll("tile", t.severity().isEmpty() ? "tile-neutral" : "tile-" + t.severity());
        box.setAccessibleText(t.label() + ": " + t.value() + (t.caption().isEmpty() ? "" : ", " + t.caption()));
        box.setPrefWidth(220);
        VBox.setVgrow(box, Priority.NEVER);
        return box;
    }
}
