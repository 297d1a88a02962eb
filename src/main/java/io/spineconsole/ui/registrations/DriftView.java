package io.spineconsole.ui.registrations;

import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * Drift against SDS: an organisation and an interaction to compare, the counts first, then the rows that are not
 * the same (double-click or Enter opens our record), and an export of the rows as CSV. A selected row can be marked
 * as expected with a reason, or un-marked; a marked row says who marked it and why.
 */
final class DriftView {
    private DriftView() {
    }

    /** Drift against SDS. */
    static VBox of(DriftViewModel model, I18n i18n) {
        return of(model, i18n, i18n.get("registrations.drift.title"), i18n.get("registrations.drift.compare"),
                model::compare, null);
    }

    /**
     * The same view for another comparison (two environments): its title, its compare button, and what it needs
     * chosen first ({@code choose}, shown above the organisation and interaction; may be null).
     */
    static VBox of(DriftViewModel model, I18n i18n, String title, String compareLabel, Runnable compareAction,
                   javafx.scene.Node choose) {
        TextField ods = new TextField();
        ods.setId("reg-drift-ods");
        ods.setPromptText(i18n.get("registrations.drift.odsCode"));
        ods.setAccessibleText(i18n.get("registrations.drift.odsCode"));
        ods.textProperty().bindBidirectional(model.odsCodeProperty());
        TextField interaction = new TextField();
        interaction.setId("reg-drift-interaction");
        interaction.setPromptText(i18n.get("registrations.drift.interaction"));
        interaction.setAccessibleText(i18n.get("registrations.drift.interaction"));
        interaction.textProperty().bindBidirectional(model.interactionProperty());
        HBox.setHgrow(interaction, Priority.ALWAYS);
        var running = Bindings.createBooleanBinding(() -> model.stateProperty().get() == DriftViewModel.State.RUNNING
                || model.stateProperty().get() == DriftViewModel.State.NO_CONNECTION, model.stateProperty());
        Button compare = new Button(compareLabel);
        compare.setId("reg-drift-compare");
        compare.setDefaultButton(true);
        compare.disableProperty().bind(running);
        compare.setOnAction(e -> compareAction.run());

        Label message = new Label();
        message.setId("reg-drift-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        Label counts = new Label();
        counts.setId("reg-drift-counts");
        counts.getStyleClass().add("reg-drift-counts");
        counts.setWrapText(true);
        counts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every count line shows, none cut short
        counts.textProperty().bind(model.countsProperty());

        TableView<DriftRow> table = new TableView<>(model.rows());
        table.setId("reg-drift-rows");
        Views.dense(table);
        table.getColumns().add(Views.textColumn(i18n.get("registrations.drift.type"),
                r -> Labels.recordType(i18n, r.type()), 120));
        table.getColumns().add(Views.textColumn(i18n.get("registrations.drift.status"), model::statusText, 170));
        table.getColumns().add(Views.textColumn(i18n.get("registrations.drift.key"), DriftRow::key, 320));
        TableColumn<DriftRow, String> differences = Views.textColumn(i18n.get("registrations.drift.differences"),
                model::describe, 360);
        table.getColumns().add(Views.flex(differences));
        if (model.showsExpectations()) {
            table.getColumns().add(Views.textColumn(i18n.get("registrations.drift.expected"), model::expectationText, 300));
        }
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        Button open = new Button(i18n.get("registrations.drift.open"));
        open.setId("reg-drift-open");
        open.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            DriftRow r = table.getSelectionModel().getSelectedItem();
            return !model.opens(r);
        }, table.getSelectionModel().selectedItemProperty()));
        open.setOnAction(e -> model.open(table.getSelectionModel().getSelectedItem()));
        Button export = new Button(i18n.get("registrations.drift.export"));
        export.setId("reg-drift-export");
        export.disableProperty().bind(Bindings.isEmpty(model.rows()));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("drift.csv");
            File file = chooser.showSaveDialog(export.getScene().getWindow());
            if (file != null) {
                model.export(file.toPath());
            }
        });

        HBox query = new HBox(8, ods, interaction, compare);
        var selected = table.getSelectionModel().selectedItemProperty();
        Button mark = new Button(i18n.get("registrations.drift.mark"));
        mark.setId("reg-drift-mark");
        mark.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || model.expectation(selected.get()).isPresent() || model.actingProperty().get(), selected,
                model.actingProperty(), model.rows()));
        mark.setOnAction(e -> {
            DriftRow row = selected.get();
            ConfirmDialog.ask(mark.getScene().getWindow(), model.markConfirmation(row), i18n)
                    .ifPresent(reason -> model.markExpected(row, reason));
        });
        Button unmark = new Button(i18n.get("registrations.drift.unmark"));
        unmark.setId("reg-drift-unmark");
        unmark.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || model.expectation(selected.get()).isEmpty() || model.actingProperty().get(), selected,
                model.actingProperty(), model.rows()));
        unmark.setOnAction(e -> model.unmark(selected.get()));
        for (Button b : java.util.List.of(mark, unmark)) {
            b.setVisible(model.mayMark());
            b.setManaged(model.mayMark());
        }
        HBox actions = new HBox(8, open, mark, unmark, export);
        Label expectation = new Label();
        expectation.setId("reg-drift-expectation");
        expectation.setWrapText(true);
        expectation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        expectation.textProperty().bind(Bindings.createStringBinding(() -> model.expectationText(selected.get()), selected,
                model.rows()));
        expectation.managedProperty().bind(expectation.textProperty().isNotEmpty());
        VBox root = new VBox(8, new Label(title), query, message, counts, table, expectation, actions);
        if (choose != null) {
            root.getChildren().add(1, choose);
        }
        root.getChildren().get(0).getStyleClass().add("title-3");
        root.setPadding(new Insets(12));
        root.setId("reg-drift-view");
        return root;
    }
}
