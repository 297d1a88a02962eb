package io.spineconsole.ui.admin;

import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertThreshold;
import io.spineconsole.ui.common.AlertWords;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The alert rules editor on screen: the rules on the left, the form on the right. Each field says what
 * is wrong with it as it is typed; Save stays on, and a rule with problems is refused with the first of
 * them named, nothing sent.
 */
final class AlertRulesView {
    private final AlertRulesViewModel model;
    private final I18n i18n;
    private final SplitPane root = new SplitPane();
    private final TableView<AlertRule> table = new TableView<>();

    AlertRulesView(AlertRulesViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        root.setId("alert-rules");
        root.getItems().setAll(list(), new ScrollPane(form()) {
            {
                setFitToWidth(true);
                setId("alert-rule-form-scroll");
            }
        });
        root.setDividerPositions(0.52);
    }

    Node node() {
        return root;
    }

    private Node list() {
        Button add = new Button(i18n.get("alerts.rules.new"), Icons.of(AppIcon.ADD));
        add.setId("alert-rules-new");
        add.setOnAction(e -> model.newRule());
        Button refresh = new Button(i18n.get("command.refresh"), Icons.of(AppIcon.REFRESH));
        refresh.setOnAction(e -> model.load());
        FlowPane bar = new FlowPane(8, 6, add, refresh);
        Label intro = new Label(i18n.get("alerts.rules.intro"));
        intro.getStyleClass().add("text-muted");
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);

        table.setId("alert-rules-table");
        table.setItems(model.rules());
        table.getColumns().setAll(List.of(
                Cells.text(i18n.get("alerts.rules.column.name"), 150, AlertRule::name),
                Cells.text(i18n.get("alerts.rules.column.kind"), 120, model::kind),
                Cells.text(i18n.get("alerts.rules.column.watches"), 100, model::target),
                Cells.text(i18n.get("alerts.rules.column.figures"), 180, model::figures,
                        r -> model.figures(r) + "\n" + model.changed(r)),
                Cells.text(i18n.get("alerts.rules.column.on"), 50, r -> i18n.get(r.enabled()
                        ? "alerts.rules.on" : "alerts.rules.off"))));
        Cells.shareWidth(table);
        table.setPlaceholder(new Placeholder(model.status(), i18n.get("alerts.rules.empty"), i18n));
        table.setAccessibleText(i18n.get("alerts.rules.tableLabel"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            if (r != null && r != model.editingProperty().get()) {
                model.edit(r);
            }
        });
        model.selectedProperty().addListener((o, a, r) -> {
            if (r == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != r) {
                table.getSelectionModel().select(r);
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, intro, table);
        box.setPadding(new Insets(10, 8, 8, 12));
        return box;
    }

    private Node form() {
        AlertRuleForm f = model.form();
        Label title = new Label();
        title.getStyleClass().add("title-4");
        title.textProperty().bind(Bindings.createStringBinding(() -> model.editingProperty().get() == null
                ? i18n.get("alerts.rules.newTitle")
                : i18n.get("alerts.rules.editTitle", model.editingProperty().get().name()), model.editingProperty()));
        GridPane grid = FormRows.grid();
        int row = 0;
        TextField name = field("alert-rule-name", f.name());
        row = FormRows.add(grid, row, i18n.get("alerts.rules.name"), name, f.errorOf("/name"));
        ComboBox<AlertRuleKind> kind = choice("alert-rule-kind", List.of(AlertRuleKind.values()), f.kindProperty(),
                k -> AlertWords.kind(k, i18n));
        row = FormRows.add(grid, row, i18n.get("alerts.rules.kind"), kind, f.errorOf("/kind"));
        ComboBox<AlertScope> scope = choice("alert-rule-scope", List.of(), f.scopeProperty(),
                s -> i18n.get("alerts.rules.scope." + s.code()));
        Runnable scopes = () -> scope.getItems().setAll(f.kindProperty().get() == null ? List.of()
                : f.kindProperty().get().scopes());
        f.kindProperty().addListener((o, a, k) -> {
            AlertScope keep = f.scopeProperty().get();
            scopes.run();
            f.scopeProperty().set(keep);
        });
        scopes.run();
        row = FormRows.add(grid, row, i18n.get("alerts.rules.scope"), scope, f.errorOf("/scope"));
        TextField target = field("alert-rule-target", f.target());
        target.promptTextProperty().bind(Bindings.createStringBinding(() -> f.scopeProperty().get() == null ? ""
                : i18n.get("alerts.rules.targetPrompt." + f.scopeProperty().get().code()), f.scopeProperty()));
        row = FormRows.add(grid, row, i18n.get("alerts.rules.target"), target, f.errorOf("/target"));
        shownWhen(grid, Bindings.createBooleanBinding(() -> f.scopeProperty().get() != null
                && f.scopeProperty().get().needsTarget(), f.scopeProperty()));
        for (AlertThreshold t : AlertThreshold.values()) {
            TextField input = field("alert-rule-" + t.field(), f.figure(t));
            row = FormRows.add(grid, row, i18n.get("alerts.rules.figure." + t.field()), input, f.errorOf(t.pointer()));
            shownWhen(grid, Bindings.createBooleanBinding(() -> f.kindProperty().get() != null
                    && t.usedBy(f.kindProperty().get()), f.kindProperty()));
        }
        TextField quiet = field("alert-rule-quiet", f.quietPeriod());
        row = FormRows.add(grid, row, i18n.get("alerts.rules.quiet"), quiet, f.errorOf("/quietPeriodMinutes"));
        CheckBox enabled = new CheckBox(i18n.get("alerts.rules.enabled"));
        enabled.setId("alert-rule-enabled");
        enabled.selectedProperty().bindBidirectional(f.enabledProperty());
        grid.add(enabled, 1, row);
        // The rows of figures another kind uses are hidden: spaced by margins, not the grid's gap, so they leave none.
        grid.setVgap(0);
        grid.getChildren().forEach(n -> GridPane.setMargin(n, new Insets(3, 0, 3, 0)));

        Button save = new Button(i18n.get("alerts.rules.save"), Icons.of(AppIcon.SAVE_CHANGES));
        save.setId("alert-rule-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(e -> model.save());
        Button revert = new Button(i18n.get("alerts.rules.revert"));
        revert.setId("alert-rule-revert");
        revert.setOnAction(e -> model.edit(model.editingProperty().get()));
        Button delete = new Button(i18n.get("alerts.rules.delete.action"), Icons.of(AppIcon.DELETE));
        delete.setId("alert-rule-delete");
        delete.disableProperty().bind(model.editingProperty().isNull().or(model.savingProperty()));
        delete.setOnAction(e -> ConfirmDialog.ask(root.getScene().getWindow(), model.deleteConfirmation(), i18n)
                .ifPresent(r -> model.delete()));
        Button theirs = new Button(i18n.get("alerts.rules.takeTheirs"));
        theirs.setId("alert-rule-take-theirs");
        theirs.visibleProperty().bind(model.conflictProperty().isNotNull());
        theirs.managedProperty().bind(theirs.visibleProperty());
        theirs.setOnAction(e -> model.takeTheirs());
        FlowPane buttons = new FlowPane(8, 6, save, revert, delete, theirs);

        Label problems = bound("alert-rule-error", "error-text", Bindings.createStringBinding(() -> {
            String e = model.errorProperty().get();
            String form = f.formErrorProperty().get();
            return form.isEmpty() || e.contains(form) ? e : (e + " " + form).strip();
        }, model.errorProperty(), f.formErrorProperty()));
        Label notice = bound("alert-rule-notice", "notice-text", model.noticeProperty());
        VBox box = new VBox(10, title, grid, buttons, problems, notice);
        box.setPadding(new Insets(10, 12, 10, 8));
        box.setId("alert-rule-form");
        return box;
    }

    private static TextField field(String id, io.spineconsole.ui.common.ValidatedField value) {
        TextField t = new TextField();
        t.setId(id);
        t.textProperty().bindBidirectional(value.valueProperty());
        return t;
    }

    /** The last row added to {@code grid} shows only while {@code shown}. */
    private static void shownWhen(GridPane grid, BooleanBinding shown) {
        var children = grid.getChildren();
        for (Node n : List.of(children.get(children.size() - 2), children.get(children.size() - 1))) {
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }

    private static <E> ComboBox<E> choice(String id, List<E> values, javafx.beans.property.ObjectProperty<E> value,
                                          Function<E, String> words) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(l -> cell(words));
        box.setButtonCell(cell(words));
        return box;
    }

    private static <E> ListCell<E> cell(Function<E, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item));
            }
        };
    }

    private static Label bound(String id, String style, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.textProperty().bind(text);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    TableView<AlertRule> table() {
        return table;
    }
}
