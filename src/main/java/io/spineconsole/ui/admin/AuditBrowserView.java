package io.spineconsole.ui.admin;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.TimeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The audit browser: the filter, the entries a page at a time, and the chosen entry's changes. */
final class AuditBrowserView {
    private final AuditBrowserViewModel model;
    private final I18n i18n;
    private final TimeText time;
    private final Navigator navigator;
    private final BorderPane root = new BorderPane();

    AuditBrowserView(AuditBrowserViewModel model, I18n i18n, TimeText time, Navigator navigator) {
        this.model = model;
        this.i18n = i18n;
        this.time = time;
        this.navigator = navigator;
        root.setTop(filters());
        SplitPane split = new SplitPane(list(), detail());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        root.setId("admin-audit");
    }

    Node node() {
        return root;
    }

    private Node filters() {
        TextField person = new TextField();
        person.setId("audit-person");
        person.setPromptText(i18n.get("admin.audit.personPrompt"));
        person.textProperty().bindBidirectional(model.personProperty());
        ComboBox<String> type = choice("audit-type", AuditBrowserViewModel.ENTITY_TYPES, "admin.audit.type.",
                i18n.get("admin.audit.anyRecord"));
        type.valueProperty().bindBidirectional(model.entityTypeProperty());
        TextField id = new TextField();
        id.setId("audit-id");
        id.setPromptText(i18n.get("admin.audit.idPrompt"));
        id.setPrefColumnCount(10);
        id.textProperty().bindBidirectional(model.entityIdProperty());
        ComboBox<String> action = choice("audit-action", AuditBrowserViewModel.ACTIONS, "admin.audit.action.",
                i18n.get("admin.audit.anyAction"));
        action.valueProperty().bindBidirectional(model.actionProperty());
        DatePicker from = new DatePicker();
        from.setId("audit-from");
        // Placeholders read as examples of a day (in the picker's own format), not as a filter already set.
        LocalDate today = LocalDate.now(time.clock().withZone(time.zone()));
        from.setPromptText(i18n.get("admin.dayExample", from.getConverter().toString(today.minusDays(7))));
        from.setPrefWidth(175);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("audit-to");
        to.setPromptText(i18n.get("admin.dayExample", to.getConverter().toString(today)));
        to.setPrefWidth(175);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button search = new Button(i18n.get("admin.audit.search"), Icons.of(AppIcon.SEARCH));
        search.setId("audit-search");
        search.setDefaultButton(true);
        search.setOnAction(e -> model.search());
        Button clear = new Button(i18n.get("admin.audit.clear"), Icons.of(AppIcon.CLEAR));
        clear.setOnAction(e -> {
            model.clearFilter();
            model.search();
        });
        person.setAccessibleText(i18n.get("admin.audit.personPrompt"));
        id.setAccessibleText(i18n.get("admin.audit.idPrompt"));
        FlowPane bar = new FlowPane(8, 6, person, type, id, action, labelled(i18n.get("admin.audit.from"), from),
                labelled(i18n.get("admin.audit.to"), to), search, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label error = new Label();
        error.setId("audit-error");
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox top = new VBox(6, bar, error);
        top.setPadding(new Insets(8, 12, 8, 12));
        return top;
    }

    /** A day picker with its label before it: the placeholder is left to the example. */
    private static Node labelled(String words, DatePicker picker) {
        Label label = new Label(words);
        label.setLabelFor(picker);
        label.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, label, picker);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** A filter of {@code codes}, each shown as its words ({@code words} + code), or {@code any}. */
    private ComboBox<String> choice(String id, List<String> codes, String words, String any) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? any : i18n.get(words + code);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        List<String> items = new ArrayList<>();
        items.add(null);
        items.addAll(codes);
        box.getItems().setAll(items);
        box.setPromptText(any);
        box.setAccessibleText(any);
        return box;
    }

    private Node list() {
        TableView<AuditEntry> table = new TableView<>(model.entries());
        table.setId("audit-table");
        table.getColumns().add(Cells.text(i18n.get("admin.audit.column.when"), 175, e -> time.dateTime(e.at())));
        table.getColumns().add(Cells.text(i18n.get("admin.audit.column.who"), 220, model::who));
        table.getColumns().add(Cells.text(i18n.get("admin.audit.column.action"), 120, AuditEntry::action));
        table.getColumns().add(Cells.text(i18n.get("admin.audit.column.record"), 280,
                e -> e.entityType() + " " + (e.entityId() == null ? "" : e.entityId())));
        table.getColumns().add(Cells.text(i18n.get("admin.audit.column.reason"), 300,
                e -> e.reason() == null ? "" : e.reason()));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null) {
                model.selectedProperty().set(e);
            }
        });
        model.selectedProperty().addListener((o, a, e) -> {
            if (e != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(e);
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadState s = model.stateProperty().get();
            return s == LoadState.LOADING ? i18n.get("common.loading")
                    : s == LoadState.IDLE ? i18n.get("admin.audit.idle") : i18n.get("admin.audit.empty");
        }, model.stateProperty()));
        table.setPlaceholder(placeholder);
        Button more = new Button(i18n.get("admin.audit.more"), Icons.of(AppIcon.NEXT));
        more.setId("audit-more");
        more.visibleProperty().bind(model.moreProperty());
        more.managedProperty().bind(more.visibleProperty());
        more.setOnAction(e -> model.loadMore());
        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("admin.audit.count",
                model.entries().size()), model.entries()));
        Button export = new Button(i18n.get("admin.audit.export"), Icons.of(AppIcon.EXPORT));
        export.setId("audit-export");
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canExport()
                || model.exportingProperty().get() || model.entries().isEmpty(), model.exportingProperty(), model.entries()));
        export.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle(i18n.get("admin.audit.exportTitle"));
            chooser.setInitialFileName("audit-log.ndjson");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("NDJSON", "*.ndjson"));
            java.io.File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                model.export(file.toPath());
            }
        });
        Label exported = new Label();
        exported.setId("audit-export-message");
        exported.getStyleClass().add("text-muted");
        exported.textProperty().bind(model.exportMessageProperty());
        HBox foot = new HBox(8, count, more, export, exported);
        foot.setAlignment(Pos.CENTER_LEFT);
        foot.setPadding(new Insets(4, 12, 4, 12));
        VBox box = new VBox(table, foot);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    /** The chosen entry: what changed, before and after, and the way to its record. */
    private Node detail() {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.setId("audit-detail-title");
        TableView<AuditBrowserViewModel.Change> changes = new TableView<>();
        changes.setId("audit-changes");
        changes.getColumns().add(Cells.text(i18n.get("admin.audit.column.field"), 160,
                AuditBrowserViewModel.Change::field));
        changes.getColumns().add(Cells.text(i18n.get("admin.audit.column.before"), 300,
                c -> value(c.before())));
        changes.getColumns().add(Cells.text(i18n.get("admin.audit.column.after"), 300,
                c -> value(c.after())));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        changes.setPlaceholder(new Label(i18n.get("admin.audit.noChanges")));
        Button open = new Button(i18n.get("admin.audit.openRecord"), Icons.of(AppIcon.OPEN));
        open.setId("audit-open-record");
        Button history = new Button(i18n.get("admin.audit.recordHistory"), Icons.of(AppIcon.HISTORY));
        history.setId("audit-record-history");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, history, open);
        head.setAlignment(Pos.CENTER_LEFT);
        Label by = new Label();
        by.setId("audit-detail-by");
        by.getStyleClass().add("text-muted");
        by.setWrapText(true);
        Runnable show = () -> {
            AuditEntry e = model.selectedProperty().get();
            changes.getItems().setAll(e == null ? List.of() : AuditBrowserViewModel.changes(e));
            title.setText(e == null ? i18n.get("admin.audit.noneChosen")
                    : i18n.get("admin.audit.detail", e.action(), e.entityType(), e.entityId() == null ? "" : e.entityId()));
            by.setText(e == null ? "" : model.whoInFull(e));
            open.setDisable(e == null || AuditBrowserViewModel.link(e).isEmpty());
            history.setDisable(e == null || e.entityId() == null);
        };
        model.selectedProperty().addListener((o, a, b) -> show.run());
        show.run();
        open.setOnAction(ev -> AuditBrowserViewModel.link(model.selectedProperty().get()).ifPresent(navigator::open));
        history.setOnAction(ev -> {
            AuditEntry e = model.selectedProperty().get();
            model.showRecord(e.entityType(), e.entityId());
        });
        VBox box = new VBox(6, head, by, changes);
        VBox.setVgrow(changes, Priority.ALWAYS);
        box.setPadding(new Insets(8, 12, 8, 12));
        return box;
    }



    /** A field's value as the table shows it: a time in the console's zone, a dash for none. */
    private String value(String raw) {
        if (raw == null) {
            return "—";
        }
        try {
            return time.dateTime(java.time.Instant.parse(raw));
        } catch (java.time.format.DateTimeParseException notATime) {
            return raw;
        }
    }
}
