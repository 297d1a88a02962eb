package io.spineconsole.ui.common;

import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Label / input / error rows for forms bound to {@link ValidatedField}s: the error shows under the
 * input as the user types (and when the server refuses the value), the input is marked in the
 * theme's danger state, and the label names the input for screen readers. Status never by colour
 * alone: the error is words.
 */
public final class FormRows {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private FormRows() {
    }

    /** A grid with the form's column rules. */
    public static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        grid.getStyleClass().add("form-grid");
        return grid;
    }

    /** Adds a row for a text input bound both ways to {@code field}; returns the next free row. */
    public static int add(GridPane grid, int row, String label, TextInputControl input, ValidatedField field) {
        input.textProperty().bindBidirectional(field.valueProperty());
        return add(grid, row, label, input, field.errorProperty());
    }

    /** Adds a row for any input with an error text to show under it; returns the next free row. */
    public static int add(GridPane grid, int row, String label, Control input,
                          javafx.beans.value.ObservableValue<String> error) {
        Label name = new Label(label);
        name.setLabelFor(input);
        name.getStyleClass().add("form-label");
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.textProperty().bind(error);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        error.addListener((o, a, e) -> input.pseudoClassStateChanged(DANGER, e != null && !e.isEmpty()));
        input.pseudoClassStateChanged(DANGER, error.getValue() != null && !error.getValue().isEmpty());
        input.setAccessibleText(label);
        input.setMaxWidth(Double.MAX_VALUE);
        grid.add(name, 0, row);
        grid.add(new VBox(2, input, problem), 1, row);
        return row + 1;
    }
}
