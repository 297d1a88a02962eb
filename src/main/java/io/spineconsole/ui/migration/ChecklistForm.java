package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The form of one checklist item (or a new one): key (new items only), title, owner, evidence and
 * done. Save is offered when something changed and the form is valid; when someone else changed the
 * item first, the form shows their version and lets the user apply theirs or keep their own.
 */
final class ChecklistForm extends VBox {

    ChecklistForm(MigrationViewModel root) {
        super(6);
        SitesViewModel model = root.sites();
        ChecklistItemEditor ed = model.editor();
        I18n i18n = root.labels().i18n();
        Label heading = new Label();
        heading.getStyleClass().add("migration-editor-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> ed.creatingProperty().get()
                ? i18n.get("migration.checklist.newItem")
                : ed.itemProperty().get() == null ? "" : i18n.get("migration.checklist.editing", ed.itemProperty().get().title()),
                ed.creatingProperty(), ed.itemProperty()));
        GridPane grid = FormRows.grid();
        int row = 0;
        TextField key = new TextField();
        key.setId("migration-checklist-key");
        key.setPromptText(i18n.get("migration.checklist.keyPrompt"));
        row = FormRows.add(grid, row, i18n.get("migration.checklist.key"), key, ed.key());
        // The key is chosen once, when the item is made: its row shows only for a new item.
        for (Node keyRow : grid.getChildren().subList(grid.getChildren().size() - 2, grid.getChildren().size())) {
            keyRow.visibleProperty().bind(ed.creatingProperty());
            keyRow.managedProperty().bind(ed.creatingProperty());
        }
        TextField title = new TextField();
        title.setId("migration-checklist-title");
        row = FormRows.add(grid, row, i18n.get("migration.checklist.item"), title, ed.title());
        TextField owner = new TextField();
        owner.setId("migration-checklist-owner");
        row = FormRows.add(grid, row, i18n.get("migration.checklist.owner"), owner, ed.owner());
        TextArea evidence = new TextArea();
        evidence.setId("migration-checklist-evidence");
        evidence.setPrefRowCount(2);
        evidence.setWrapText(true);
        evidence.setPromptText(i18n.get("migration.checklist.evidencePrompt"));
        evidence.textProperty().bindBidirectional(ed.evidence().valueProperty());
        row = FormRows.add(grid, row, i18n.get("migration.checklist.evidence"), evidence, ed.evidenceErrorProperty());
        CheckBox done = new CheckBox(i18n.get("migration.checklist.markDone"));
        done.setId("migration-checklist-done");
        done.selectedProperty().bindBidirectional(ed.doneProperty());
        done.disableProperty().bind(ed.creatingProperty());
        grid.add(done, 1, row);

        Button save = new Button(i18n.get("migration.checklist.save"));
        save.setId("migration-checklist-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !ed.dirtyProperty().get() || !ed.isValid()
                        || ed.savingProperty().get() || !root.mayOperateProperty().get(),
                ed.dirtyProperty(), ed.savingProperty(), ed.key().errorProperty(), ed.title().errorProperty(),
                ed.owner().errorProperty(), ed.evidenceErrorProperty(), root.mayOperateProperty()));
        save.setOnAction(e -> model.saveItem());
        Button cancel = new Button(i18n.get("migration.checklist.cancel"));
        cancel.setId("migration-checklist-cancel");
        cancel.setOnAction(e -> {
            ChecklistItem item = ed.itemProperty().get();
            if (item != null) {
                ed.edit(ed.siteCode(), item);
            } else {
                ed.close();
            }
        });
        cancel.disableProperty().bind(ed.dirtyProperty().not().or(ed.savingProperty()));
        Label readOnly = MigrationUi.muted(i18n.get("migration.checklist.readOnly"));
        readOnly.visibleProperty().bind(root.mayOperateProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        HBox buttons = new HBox(8, save, cancel, readOnly);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(ed.errorProperty());
        error.visibleProperty().bind(ed.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        grid.getStyleClass().add("migration-checklist-form");
        getChildren().addAll(heading, grid, buttons, error, conflict(model, ed, i18n));
        setId("migration-checklist-form");
        getStyleClass().add("migration-editor");
        visibleProperty().bind(ed.itemProperty().isNotNull().or(ed.creatingProperty()));
        managedProperty().bind(visibleProperty());
        grid.disableProperty().bind(root.mayOperateProperty().not().or(ed.savingProperty()));
    }

    /** Someone else saved the item first: their version, and the choice to apply mine or take theirs. */
    private static Node conflict(SitesViewModel model, ChecklistItemEditor ed, I18n i18n) {
        Button mine = new Button(i18n.get("migration.checklist.applyMine"));
        mine.setOnAction(e -> model.saveItem());
        Button theirs = new Button(i18n.get("migration.checklist.takeTheirs"));
        theirs.setOnAction(e -> ed.takeTheirs());
        Label theirsText = new Label();
        theirsText.setWrapText(true);
        ed.conflictProperty().addListener((o, a, c) -> theirsText.setText(c == null ? ""
                : i18n.get("migration.checklist.theirs", c.title(), c.owner() == null ? "" : c.owner(),
                c.evidence() == null ? "" : c.evidence(),
                i18n.get(c.done() ? "migration.checklist.done" : "migration.checklist.notDone"))));
        VBox conflict = new VBox(6, theirsText, new HBox(8, mine, theirs));
        conflict.getStyleClass().add("migration-conflict");
        conflict.visibleProperty().bind(ed.conflictProperty().isNotNull());
        conflict.managedProperty().bind(conflict.visibleProperty());
        return conflict;
    }
}
