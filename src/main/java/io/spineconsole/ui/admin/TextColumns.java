package io.spineconsole.ui.admin;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.function.Function;

/**
 * A table column of text worked out from each row, the administration tables' one kind of column:
 * a cell too narrow for its text shows all of it in a tooltip.
 */
final class TextColumns {
    private TextColumns() {
    }

    static <T> TableColumn<T, String> of(String title, double width, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                boolean blank = empty || item == null || item.isEmpty();
                setText(blank ? null : item);
                setTooltip(blank ? null : new Tooltip(item));
            }
        });
        return c;
    }
}
