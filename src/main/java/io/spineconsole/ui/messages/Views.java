package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

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

    /** A busy spinner with words, for a table's placeholder or a status line. */
    static HBox busy(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(18, 18);
        p.setMaxSize(18, 18);
        p.setAccessibleText(text);
        HBox box = new HBox(8, p, new Label(text));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    /** What an empty table shows: busy while the first page loads, else why it is empty. */
    static Node placeholder(PagedList<?> list, String empty, I18n i18n) {
        HBox loading = busy(i18n.get("common.loading"));
        Label none = new Label(empty);
        none.setWrapText(true);
        none.getStyleClass().add("placeholder-text");
        Label failed = new Label();
        failed.getStyleClass().add("placeholder-text");
        failed.textProperty().bind(list.errorProperty());
        failed.setWrapText(true);
        loading.visibleProperty().bind(list.stateProperty().isEqualTo(LoadState.LOADING));
        none.visibleProperty().bind(list.stateProperty().isEqualTo(LoadState.EMPTY)
                .or(list.stateProperty().isEqualTo(LoadState.IDLE)));
        failed.visibleProperty().bind(list.stateProperty().isEqualTo(LoadState.FAILED));
        StackPane p = new StackPane(loading, none, failed);
        p.setMaxWidth(520);
        return p;
    }

    /** The error of a paged list, with a copy button, while it has one. */
    static ErrorRow errorRow(PagedList<?> list, I18n i18n) {
        return new ErrorRow(Bindings.when(list.stateProperty().isEqualTo(LoadState.FAILED))
                .then(list.errorProperty()).otherwise(""), list.errorDetailProperty(), i18n);
    }
}
