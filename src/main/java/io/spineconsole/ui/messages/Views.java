package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;

/** Small building blocks the message workspace's views share. */
final class Views {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private Views() {
    }

    static Label label(String text, String... styles) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styles);
        return l;
    }

    static Label bound(ObservableValue<String> text, String... styles) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().addAll(styles);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    /** Keeps controls at their preferred width in a bar (labels and buttons are never cut short). */
    static void noShrink(Region... nodes) {
        for (Region n : nodes) {
            n.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** A bar of controls that wraps onto another line rather than cut a control off when the window is narrow. */
    static javafx.scene.layout.FlowPane bar(javafx.scene.Node... nodes) {
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(8, 6, nodes);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.setPrefWrapLength(600);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return bar;
    }

    /** A link that runs {@code action}, its words never cut short. */
    static javafx.scene.control.Hyperlink link(String text, Runnable action) {
        javafx.scene.control.Hyperlink h = new javafx.scene.control.Hyperlink(text, Icons.of(AppIcon.OPEN));
        h.setMnemonicParsing(false);
        h.setMinWidth(Region.USE_PREF_SIZE);
        h.setOnAction(e -> action.run());
        return h;
    }

    /** A table in the console's dense style (more rows on a screen). */
    static void dense(javafx.scene.control.TableView<?> table) {
        table.getStyleClass().addAll("dense", "message-table");
    }

    /**
     * With a "last column takes the rest" policy: every other column keeps its preferred width, the
     * last never narrower than a readable minimum.
     */
    static void fixedWidths(javafx.scene.control.TableView<?> table) {
        var columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            var c = columns.get(i);
            c.setMinWidth(i == columns.size() - 1 ? Math.min(140, c.getPrefWidth()) : c.getPrefWidth());
        }
    }

    /** A button with an icon and words. */
    static Button button(String text, AppIcon icon) {
        Button b = new Button(text, icon == null ? null : Icons.of(icon));
        b.setMnemonicParsing(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    /** A caption over an input, and the input's problem under it as it is typed (words, not colour alone). */
    static VBox field(String caption, TextInputControl input, ValidatedField field, double width) {
        input.textProperty().bindBidirectional(field.valueProperty());
        return field(caption, input, field.errorProperty(), width);
    }

    static VBox field(String caption, Control input, ObservableValue<String> error, double width) {
        Label name = new Label(caption);
        name.getStyleClass().add("field-caption");
        name.setLabelFor(input);
        input.setAccessibleText(caption);
        input.setPrefWidth(width);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.setMaxWidth(Math.max(width, 160));
        problem.textProperty().bind(error);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        error.addListener((o, a, e) -> input.pseudoClassStateChanged(DANGER, e != null && !e.isEmpty()));
        if (problem.getText() != null && !problem.getText().isEmpty()) {
            input.pseudoClassStateChanged(DANGER, true);
        }
        VBox box = new VBox(2, name, input, problem);
        box.getStyleClass().add("filter-field");
        return box;
    }

    /**
     * A load's failure beside the data still on screen (a refresh or the next page failed), with a copy
     * button. With nothing on screen the {@link io.spineconsole.ui.common.Placeholder} where the data
     * would be says it instead, with Retry.
     *
     * @param showing true while the view has data on screen
     */
    static ErrorRow errorRow(LoadStatus status, ObservableBooleanValue showing, I18n i18n) {
        return new ErrorRow(Bindings.when(status.failed().and(showing)).then(status.errorProperty()).otherwise(""),
                status.errorDetailProperty(), i18n);
    }

    /** {@link #errorRow(LoadStatus, ObservableBooleanValue, I18n)} beside a list's rows. */
    static ErrorRow errorRow(LoadStatus status, ObservableList<?> rows, I18n i18n) {
        return errorRow(status, Bindings.isNotEmpty(rows), i18n);
    }

    /** The time window a tab shows, from {@code windows}; choosing one reloads the tab. */
    static ComboBox<TimeRange> windowChoice(String id, List<TimeRange> windows, ObjectProperty<TimeRange> value,
                                            Runnable reload, MessageText text) {
        ComboBox<TimeRange> window = new ComboBox<>();
        window.setId(id);
        window.getItems().setAll(windows);
        window.valueProperty().bindBidirectional(value);
        window.setCellFactory(l -> rangeCell(text));
        window.setButtonCell(rangeCell(text));
        window.setAccessibleText(text.i18n().get("messages.failures.window"));
        window.valueProperty().addListener((o, a, b) -> reload.run());
        return window;
    }

    /** A time window in words, in a list. */
    static ListCell<TimeRange> rangeCell(MessageText text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(TimeRange r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.range(r));
            }
        };
    }
}
