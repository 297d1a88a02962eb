package io.spineconsole.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.util.Objects;
import java.util.function.Function;

/**
 * Table columns whose text is never lost: a cell too narrow for its text (an explanation, a reason,
 * a finding) shows the whole of it in a tooltip, so nothing important is only half on screen.
 */
public final class Cells {
    private Cells() {
    }

    /** A column of text; each cell's tooltip holds its whole text. */
    public static <S> TableColumn<S, String> text(String title, double width, Function<S, String> value) {
        return text(title, width, value, null);
    }

    /**
     * A column of text whose tooltip says more than the cell: {@code tip} (say, the full explanation and
     * the next step beside a short title); the cell's own text when {@code tip} is null or gives nothing.
     */
    public static <S> TableColumn<S, String> text(String title, double width, Function<S, String> value,
                                                  Function<S, String> tip) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new TextCell<>(tip));
        return c;
    }

    /**
     * Lets {@code table}'s columns share its width (each gives up room in proportion, the user can still
     * widen one), but never so far that a column's title is cut: each keeps at least its title's width.
     * Cells narrower than their text show it whole in a tooltip.
     */
    public static void shareWidth(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (TableColumn<?, ?> c : table.getColumns()) {
            c.setMinWidth(Math.max(c.getMinWidth(), titleWidth(c.getText())));
        }
    }

    /** The width a column title needs in the header's bold face, with the header's padding and menu room. */
    public static double titleWidth(String title) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(title == null ? "" : title);
        t.setFont(javafx.scene.text.Font.font(null, javafx.scene.text.FontWeight.BOLD, 14));
        return Math.ceil(t.getLayoutBounds().getWidth()) + 36;
    }

    /** A cell showing its text, with the whole of it (or more) in a tooltip. */
    public static class TextCell<S> extends TableCell<S, String> {
        private final Tooltip tooltip = new Tooltip();
        private final Function<S, String> tip;

        public TextCell(Function<S, String> tip) {
            this.tip = tip;
            tooltip.setWrapText(true);
            tooltip.setMaxWidth(520);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            String shown = empty ? null : item;
            if (!Objects.equals(shown, getText())) {
                setText(shown);
            }
            String more = null;
            int i = getIndex();
            if (shown != null && tip != null && getTableView() != null && i >= 0 && i < getTableView().getItems().size()) {
                more = tip.apply(getTableView().getItems().get(i));
            }
            String full = more == null || more.isBlank() ? shown : more;
            if (full == null || full.isBlank()) {
                setTooltip(null);
            } else {
                tooltip.setText(full);
                if (getTooltip() != tooltip) {
                    setTooltip(tooltip);
                }
            }
        }
    }
}
