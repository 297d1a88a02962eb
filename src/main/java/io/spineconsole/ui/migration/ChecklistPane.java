package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.TextCells;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;

/**
 * The chosen site's decommission checklist: how many items are done, each item with its owner,
 * evidence and who confirmed it, and below the table the form of the item chosen (or a new one,
 * {@link ChecklistForm}). Choosing another item while the form has unsaved changes keeps the form.
 */
final class ChecklistPane extends VBox {
    private final SitesViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final TableView<ChecklistItem> table = new TableView<>();
    private final Label summary = new Label();
    private final Node form;

    ChecklistPane(MigrationViewModel root) {
        super(6);
        this.model = root.sites();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        ChecklistItemEditor editor = model.editor();

        table.setId("migration-checklist");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(250);
        table.setMinHeight(180);
        table.setAccessibleText(i18n.get("migration.sites.checklist"));
        TableColumn<ChecklistItem, String> confirmed = column("", 170,
                i -> i.signedOffBy() == null ? "" : i.signedOffBy() + ", " + labels.dateTime(i.signedOffAt()));
        table.getColumns().addAll(List.of(
                column(i18n.get("migration.checklist.status"), 90, i -> doneWords(i.done())),
                TextCells.wrapping(column(i18n.get("migration.checklist.item"), 240, ChecklistItem::title)),
                column(i18n.get("migration.checklist.owner"), 120, ChecklistItem::owner),
                TextCells.wrapping(column(i18n.get("migration.checklist.evidence"), 200, ChecklistItem::evidence)),
                confirmed));
        MigrationUi.zonedColumn(table, confirmed, labels.time(), i18n.get("migration.checklist.confirmedBy"));
        confirmed.setMinWidth(185); // its heading, "Confirmed by (GMT)", whole
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ChecklistItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("checklist-done", "checklist-open");
                if (!empty && item != null) {
                    getStyleClass().add(item.done() ? "checklist-done" : "checklist-open");
                    setAccessibleText(item.title() + ": " + doneWords(item.done()));
                }
            }
        });
        table.setPlaceholder(new Label(i18n.get("migration.checklist.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && model.siteProperty().get() != null) {
                ChecklistItem editing = editor.itemProperty().get();
                if (editing != null && editing.key().equals(item.key())) {
                    return;
                }
                if (!editor.dirtyProperty().get()) {
                    editor.edit(model.siteProperty().get().code(), item);
                }
            }
        });
        editor.itemProperty().addListener((o, a, item) -> {
            if (item != null) {
                table.getItems().stream().filter(i -> i.key().equals(item.key())).findFirst()
                        .ifPresent(i -> table.getSelectionModel().select(i));
            }
        });

        summary.getStyleClass().add("text-muted");
        Button add = new Button(i18n.get("migration.checklist.add"));
        add.setId("migration-checklist-add");
        add.setGraphic(Icons.of(AppIcon.ADD));
        add.disableProperty().bind(root.mayOperateProperty().not().or(model.siteProperty().isNull())
                .or(editor.dirtyProperty()));
        add.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            editor.create(model.siteProperty().get().code());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, spacer, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        form = new ChecklistForm(root);
        getChildren().addAll(bar, table, form);

        model.checklistProperty().addListener((o, a, c) -> render(c));
    }

    /** The table of items (to scroll it into view). */
    TableView<ChecklistItem> table() {
        return table;
    }

    /** The item form below the table (to scroll its Save into view). */
    Node form() {
        return form;
    }

    private String doneWords(boolean done) {
        return i18n.get(done ? "migration.checklist.done" : "migration.checklist.notDone");
    }

    private static TableColumn<ChecklistItem, String> column(String title, double width,
                                                            Function<ChecklistItem, String> value) {
        TableColumn<ChecklistItem, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setCellFactory(TextCells.withTooltip());
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        return column;
    }

    private void render(SiteChecklist c) {
        ChecklistItem editing = model.editor().itemProperty().get();
        table.getItems().setAll(c == null ? List.of() : c.items());
        if (c == null) {
            summary.setText("");
            return;
        }
        long done = c.items().stream().filter(ChecklistItem::done).count();
        summary.setText(i18n.get("migration.sites.checklistCount", done, c.items().size())
                + (c.signedOffBy() == null ? "" : " · " + i18n.get("migration.sites.checklistClosed")));
        if (editing != null) {
            c.items().stream().filter(i -> i.key().equals(editing.key())).findFirst()
                    .ifPresent(i -> table.getSelectionModel().select(i));
        }
    }
}
