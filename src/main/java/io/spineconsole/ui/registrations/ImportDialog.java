package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.FieldIssue;
import io.spineconsole.domain.registrations.ImportEntryResult;
import io.spineconsole.domain.registrations.ImportOutcome;
import io.spineconsole.domain.registrations.RegistrationFileType;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Import: choose (or type) a file, preview it as a dry run with a result per row, then import what was
 * previewed. The file path is typed or chosen, so it can be driven without a native file chooser.
 */
final class ImportDialog {
    private final Dialog<Void> dialog = new Dialog<>();
    private final ImportViewModel model;

    ImportDialog(Window owner, ImportViewModel model, I18n i18n) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("registrations.import.title"));
        dialog.setHeaderText(i18n.get("registrations.import.header"));
        dialog.getDialogPane().setId("reg-import-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.setResizable(true);

        TextField path = new TextField();
        path.setId("reg-import-path");
        path.setPromptText(i18n.get("registrations.import.pathPrompt"));
        path.textProperty().bindBidirectional(model.pathProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(i18n.get("registrations.import.choose"), Icons.of(AppIcon.FOLDER));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("registrations.import.title"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(i18n.get("registrations.import.filterBoth"), "*.json", "*.csv"),
                    new FileChooser.ExtensionFilter(i18n.get("registrations.import.formatFhir"), "*.json"),
                    new FileChooser.ExtensionFilter(i18n.get("registrations.import.formatCsv"), "*.csv"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                model.pathProperty().set(file.getAbsolutePath());
            }
        });
        HBox fileRow = new HBox(6, path, choose);

        ComboBox<ImportViewModel.Format> format = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.asList(null, ImportViewModel.Format.FHIR, ImportViewModel.Format.CSV)));
        format.setConverter(Views.converter(f -> f == null ? i18n.get("registrations.import.formatAuto")
                : f == ImportViewModel.Format.FHIR ? i18n.get("registrations.import.formatFhir")
                : i18n.get("registrations.import.formatCsv")));
        format.valueProperty().bindBidirectional(model.formatProperty());
        ComboBox<RegistrationFileType> type = new ComboBox<>(FXCollections.observableArrayList(
                Stream.concat(Stream.of((RegistrationFileType) null), Arrays.stream(RegistrationFileType.values())).toList()));
        type.setConverter(Views.converter(t -> t == null ? i18n.get("registrations.import.typeAuto")
                : ImportViewModel.fileType(i18n, t)));
        type.valueProperty().bindBidirectional(model.csvTypeProperty());
        ComboBox<RegistrationStatus> createAs = new ComboBox<>(FXCollections.observableArrayList(
                RegistrationStatus.REQUESTED, RegistrationStatus.APPROVED, RegistrationStatus.ACTIVE));
        createAs.setConverter(Views.converter(s -> Labels.status(i18n, s)));
        createAs.valueProperty().bindBidirectional(model.createAsProperty());
        createAs.setId("reg-import-create-as");
        CheckBox atomic = new CheckBox(i18n.get("registrations.import.atomic"));
        atomic.setId("reg-import-atomic");
        atomic.selectedProperty().bindBidirectional(model.atomicProperty());
        CheckBox owners = new CheckBox(i18n.get("registrations.import.registerOwners"));
        owners.setId("reg-import-register-owners");
        owners.selectedProperty().bindBidirectional(model.registerOwnersProperty());
        owners.disableProperty().bind(model.busyProperty());

        GridPane options = FormRows.grid();
        Label fileLabel = new Label(i18n.get("registrations.import.file"));
        fileLabel.getStyleClass().add("form-label");
        fileLabel.setLabelFor(path);
        path.setAccessibleText(fileLabel.getText());
        options.add(fileLabel, 0, 0);
        options.add(fileRow, 1, 0);
        javafx.beans.binding.StringBinding noError = Bindings.createStringBinding(() -> "");
        int row = FormRows.add(options, 1, i18n.get("registrations.import.format"), format, noError);
        row = FormRows.add(options, row, i18n.get("registrations.import.type"), type, noError);
        row = FormRows.add(options, row, i18n.get("registrations.import.createAs"), createAs, noError);
        options.add(atomic, 1, row);
        options.add(owners, 1, row + 1);
        path.disableProperty().bind(model.busyProperty());
        choose.disableProperty().bind(model.busyProperty());
        format.disableProperty().bind(model.busyProperty());
        type.disableProperty().bind(model.busyProperty().or(model.formatProperty().isEqualTo(ImportViewModel.Format.FHIR)));
        createAs.disableProperty().bind(model.busyProperty());
        atomic.disableProperty().bind(model.busyProperty());

        Button preview = new Button(i18n.get("registrations.import.preview"), Icons.of(AppIcon.CHECKS));
        preview.setId("reg-import-preview");
        preview.disableProperty().bind(model.canPreviewProperty().not());
        preview.setOnAction(e -> model.preview());
        Button apply = new Button(i18n.get("registrations.import.apply"), Icons.of(AppIcon.IMPORT));
        apply.setId("reg-import-apply");
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(model.canImportProperty().not());
        apply.setOnAction(e -> model.importPreviewed());
        Button cancel = new Button(i18n.get("registrations.import.cancel"), Icons.of(AppIcon.CLOSE));
        cancel.setId("reg-import-cancel");
        cancel.disableProperty().bind(model.busyProperty().not());
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setAccessibleText(i18n.get("common.loading"));
        busy.visibleProperty().bind(model.busyProperty());
        // A large bundle is sent from the file as it is read: how far, and Cancel stops it.
        javafx.scene.control.ProgressBar sent = new javafx.scene.control.ProgressBar();
        sent.setId("reg-import-progress");
        sent.setPrefWidth(220);
        sent.setAccessibleText(i18n.get("registrations.import.sending"));
        sent.progressProperty().bind(model.progressProperty());
        sent.visibleProperty().bind(model.busyProperty().and(model.progressProperty().greaterThanOrEqualTo(0)));
        sent.managedProperty().bind(sent.visibleProperty());
        Button exportResults = new Button(i18n.get("registrations.import.exportResults"));
        exportResults.setId("reg-import-export-results");
        exportResults.disableProperty().bind(model.busyProperty().or(javafx.beans.binding.Bindings.isEmpty(model.results())));
        exportResults.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName("import-results.csv");
            java.io.File file = chooser.showSaveDialog(exportResults.getScene().getWindow());
            if (file != null) {
                model.exportResults(file.toPath());
            }
        });
        HBox actions = new HBox(8, preview, apply, cancel, busy, sent, exportResults);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label roleNote = Views.muted(model.mayImport() ? i18n.get("registrations.import.twoSteps")
                : i18n.get("registrations.import.previewOnly"));
        Label detected = Views.muted("");
        detected.textProperty().bind(model.detectedProperty());
        Label message = new Label();
        message.setId("reg-import-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ErrorRow error = new ErrorRow(model.errorProperty(), model.errorDetailProperty(), i18n);
        error.setId("reg-import-error");

        TableView<ImportEntryResult> results = new TableView<>(new SortedList<>(model.results(),
                Comparator.comparingInt(ImportViewModel::rank).thenComparingInt(ImportEntryResult::index)));
        results.setId("reg-import-results");
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().addAll(List.of(
                Views.textColumn(i18n.get("registrations.import.row"), r -> r.line() != null
                        ? i18n.get("registrations.import.line", r.line()) : i18n.get("registrations.import.entry", r.index() + 1), 70),
                Views.textColumn(i18n.get("registrations.import.record"), r -> Labels.recordType(i18n, r.recordType()), 120),
                Views.textColumn(i18n.get("registrations.import.identifier"), r -> r.identifier() == null ? "" : r.identifier(), 130),
                Views.nodeColumn(i18n.get("registrations.import.outcome"), r -> outcome(i18n, r,
                        model.reportProperty().get() != null && model.reportProperty().get().dryRun()), 120),
                Views.wrapColumn(i18n.get("registrations.import.problems"), ImportDialog::problems, 400)));
        results.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(ImportEntryResult r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null || problems(r).isEmpty() ? null : new javafx.scene.control.Tooltip(problems(r)));
            }
        });
        results.getStyleClass().add("striped");
        results.setPlaceholder(Views.muted(i18n.get("registrations.import.noResults")));
        results.setPrefHeight(200);
        results.setMinHeight(180); // a few rows always show: the dialog grows to hold them
        VBox.setVgrow(results, Priority.ALWAYS);

        Label rowProblems = new Label();
        rowProblems.setId("reg-import-row-problems");
        rowProblems.setWrapText(true);
        rowProblems.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        rowProblems.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportEntryResult r = results.getSelectionModel().getSelectedItem();
            return r == null || problems(r).isEmpty() ? i18n.get("registrations.import.selectRow")
                    : i18n.get("registrations.import.rowProblems", r.line() != null
                    ? i18n.get("registrations.import.line", r.line()) : i18n.get("registrations.import.entry", r.index() + 1),
                    problems(r));
        }, results.getSelectionModel().selectedItemProperty()));
        model.results().addListener((javafx.collections.ListChangeListener<ImportEntryResult>) c -> {
            if (!results.getItems().isEmpty()) {
                results.getSelectionModel().select(0);
            }
        });
        VBox body = new VBox(10, roleNote, options, actions, detected, message, error, results, rowProblems);
        body.setPrefWidth(880);
        dialog.getDialogPane().setMinWidth(920);
        for (Label l : List.of(roleNote, detected, message)) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        dialog.getDialogPane().setContent(body);
        dialog.setOnCloseRequest(e -> model.cancel());
    }

    private static Label outcome(I18n i18n, ImportEntryResult r, boolean dryRun) {
        Label l = new Label(dryRun ? Labels.wouldBe(i18n, r.outcome()) : Labels.outcome(i18n, r.outcome()));
        l.getStyleClass().addAll("reg-outcome", "reg-outcome-" + r.outcome().code());
        l.setGraphic(Icons.of(r.outcome() == ImportOutcome.REJECTED ? AppIcon.ERROR
                : r.warnings().isEmpty() ? AppIcon.APPROVED : AppIcon.WARNING));
        return l;
    }

    /** One problem a line (the table's cell wraps each; the selected row's are shown below too). */
    private static String problems(ImportEntryResult r) {
        return Stream.concat(r.errors().stream(), r.warnings().stream()).map(ImportDialog::issue)
                .collect(Collectors.joining("\n"));
    }

    private static String issue(FieldIssue i) {
        String field = i.field() == null ? "" : i.field().replaceFirst("^column\\.", "").replaceFirst("^/", "");
        return field.isEmpty() ? i.message() : field + ": " + i.message();
    }

    void showAndWait() {
        dialog.showAndWait();
    }

    ImportViewModel model() {
        return model;
    }

    Dialog<Void> dialog() {
        return dialog;
    }
}
