package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.TimeText;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The registration checks: run them over the directory, see the findings by severity and by rule, and
 * open the record each one is about (double-click, Enter, or "Open record").
 */
final class ChecksView {
    private final ChecksViewModel model;
    private final I18n i18n;
    private final Consumer<ConsoleLink> go;
    private final VBox root = new VBox(10);
    private final TableView<Finding> table = new TableView<>();

    ChecksView(ChecksViewModel model, I18n i18n, TimeText time, Consumer<ConsoleLink> go) {
        this.model = model;
        this.i18n = i18n;
        FindingText words = new FindingText(i18n, time);
        this.go = go;
        root.setId("reg-checks");
        root.setPadding(new Insets(10, 12, 8, 12));

        Button run = new Button(i18n.get("registrations.checks.run"), Icons.of(AppIcon.CHECKS));
        run.setId("reg-checks-run");
        run.getStyleClass().add("accent");
        run.disableProperty().bind(model.stateProperty().isEqualTo(LoadState.LOADING));
        run.setOnAction(e -> model.run());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setAccessibleText(i18n.get("registrations.checks.running"));
        busy.visibleProperty().bind(model.stateProperty().isEqualTo(LoadState.LOADING));
        Label summary = new Label();
        summary.setId("reg-checks-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        HBox top = new HBox(10, run, busy, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(summary, Priority.ALWAYS);

        ToggleGroup group = new ToggleGroup();
        ToggleButton all = severityToggle(null, group);
        ToggleButton errors = severityToggle(Severity.ERROR, group);
        ToggleButton warnings = severityToggle(Severity.WARNING, group);
        ToggleButton notes = severityToggle(Severity.INFO, group);
        all.setSelected(true);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.severityProperty().set((Severity) t.getUserData());
            }
        });
        Runnable counts = () -> {
            NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
            all.setText(i18n.get("registrations.checks.all"));
            errors.setText(i18n.get("registrations.checks.errors", n.format(model.count(Severity.ERROR))));
            warnings.setText(i18n.get("registrations.checks.warnings", n.format(model.count(Severity.WARNING))));
            notes.setText(i18n.get("registrations.checks.notes", n.format(model.count(Severity.INFO))));
        };
        counts.run();
        model.reportProperty().addListener((o, a, r) -> counts.run());
        Button open = new Button(i18n.get("registrations.checks.open"), Icons.of(AppIcon.OPEN));
        open.setId("reg-checks-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox filters = new HBox(4, all, errors, warnings, notes, spacer, open);
        filters.setAlignment(Pos.CENTER_LEFT);

        ListView<Object> rules = new ListView<>();
        rules.setId("reg-checks-rules");
        rules.setPrefWidth(230);
        rules.setCellFactory(l -> new ListCell<>() {
            {
                // A rule's name wraps to the list's width rather than being cut (its whole name on hover too).
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(null);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                } else if (item instanceof ChecksViewModel.RuleCount rc) {
                    setText(i18n.get("registrations.checks.ruleCount", Labels.rule(i18n, rc.rule()),
                            NumberFormat.getIntegerInstance(i18n.locale()).format(rc.count())));
                    setGraphic(Icons.of(rc.rule().severity() == Severity.ERROR ? AppIcon.ERROR
                            : rc.rule().severity() == Severity.WARNING ? AppIcon.WARNING : AppIcon.ABOUT));
                    setTooltip(new Tooltip(getText()));
                } else {
                    setText(i18n.get("registrations.checks.allRules"));
                    setGraphic(Icons.of(AppIcon.FILTER));
                }
            }
        });
        Runnable fillRules = () -> {
            List<Object> items = new java.util.ArrayList<>();
            items.add("all");
            items.addAll(model.byRule());
            rules.getItems().setAll(items);
            rules.getSelectionModel().select(0);
        };
        model.byRule().addListener((ListChangeListener<ChecksViewModel.RuleCount>) c -> fillRules.run());
        fillRules.run();
        rules.getSelectionModel().selectedItemProperty().addListener((o, a, item) ->
                model.ruleProperty().set(item instanceof ChecksViewModel.RuleCount rc ? rc.rule() : null));
        rules.setPlaceholder(Views.muted(i18n.get("registrations.checks.noRules")));

        table.setId("reg-checks-table");
        table.setItems(model.findings());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.dense(table);
        table.getColumns().addAll(List.of(
                Views.nodeColumn(i18n.get("registrations.checks.severity"), f -> Views.severity(i18n, f.severity()), 88),
                Views.textColumn(i18n.get("registrations.checks.rule"), f -> Labels.rule(i18n, f.rule()), 200),
                Views.wrapColumn(i18n.get("registrations.checks.record"), f -> words.record(f.record()), 200),
                Views.wrapColumn(i18n.get("registrations.checks.message"), words::message, 300)));
        // Before the first run the summary says the checks have not run; the table says nothing yet.
        table.setPlaceholder(new Placeholder(model.status(), Bindings.createStringBinding(() ->
                model.reportProperty().get() == null ? "" : i18n.get("registrations.checks.none"), model.reportProperty()), i18n));
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        Label notRun = Views.muted(i18n.get("registrations.checks.hint"));
        SplitPane split = new SplitPane(rules, table);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.22);
        VBox.setVgrow(split, Priority.ALWAYS);
        ErrorRow error = ErrorRow.besideData(model.status(), Bindings.isNotEmpty(model.allFindings()), i18n);
        root.getChildren().addAll(top, error, filters, split, notRun);
    }

    private ToggleButton severityToggle(Severity s, ToggleGroup group) {
        ToggleButton b = new ToggleButton();
        b.setUserData(s);
        b.setToggleGroup(group);
        b.setId("reg-checks-severity-" + (s == null ? "all" : s.code()));
        if (s != null) {
            b.setGraphic(Icons.of(s == Severity.ERROR ? AppIcon.ERROR : s == Severity.WARNING ? AppIcon.WARNING : AppIcon.ABOUT));
        }
        return b;
    }

    private void openSelected() {
        ConsoleLink link = model.linkTo(table.getSelectionModel().getSelectedItem());
        if (link != null) {
            go.accept(link);
        }
    }

    /** Narrows to one rule (for a screenshot or a link). */
    void showRule(CheckRule rule) {
        model.ruleProperty().set(rule);
    }

    Node node() {
        return root;
    }
}
