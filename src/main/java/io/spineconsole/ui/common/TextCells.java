package io.spineconsole.ui.common;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Callback;

/**
 * Table cells of text that never hide what they say: a cell too narrow for its text shows all of it
 * in a tooltip ({@link #withTooltip()}), and an explanation (a finding, a reason, an error) wraps to
 * its column's width so its row grows instead ({@link #wrapping(TableColumn)}).
 */
public final class TextCells {
    private TextCells() {
    }

    /** Cells that show their text on one line, and all of it on hover. */
    public static <T> Callback<TableColumn<T, String>, TableCell<T, String>> withTooltip() {
        return column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                tip.setText(blank ? "" : item);
                setTooltip(blank ? null : tip);
            }
        };
    }

    /** Makes {@code column}'s text wrap to its width (style class {@code wrap-cell-text} colours it). */
    public static <T> TableColumn<T, String> wrapping(TableColumn<T, String> column) {
        column.setCellFactory(col -> new TableCell<>() {
            private final Text wrapped = new Text();

            {
                wrapped.getStyleClass().add("wrap-cell-text");
                wrapped.wrappingWidthProperty().bind(col.widthProperty().subtract(14));
                setPrefHeight(Region.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                wrapped.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : wrapped);
            }
        });
        return column;
    }
}
