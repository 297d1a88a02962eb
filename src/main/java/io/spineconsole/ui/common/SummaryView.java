package io.spineconsole.ui.common;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Shows a {@link SummaryViewModel}: a row of tiles, and above them the {@link Placeholder} while the
 * first load runs or when a load fails (with Retry; the last good tiles stay).
 */
public final class SummaryView extends VBox {

    public SummaryView(SummaryViewModel<?> model, I18n i18n) {
        getStyleClass().add("summary-pane");
        setSpacing(12);

        FlowPane tiles = new FlowPane(12, 12);
        tiles.getStyleClass().add("tiles");
        model.tiles().addListener((ListChangeListener<Tile>) change ->
                tiles.getChildren().setAll(model.tiles().stream().map(SummaryView::tile).toList()));

        Placeholder placeholder = new Placeholder(model.status(), "", i18n).onlyWhileBusyOrFailed();
        getChildren().addAll(placeholder, tiles);
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
        if (t.open() != null) {
            box.getStyleClass().add("tile-link");
            box.setFocusTraversable(true);
            box.setAccessibleRole(AccessibleRole.BUTTON);
            box.setOnMouseClicked(e -> t.open().run());
            box.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                    t.open().run();
                    e.consume();
                }
            });
        }
        return box;
    }
}
