package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.File;
import java.time.LocalDate;

/** Export: the current search of a list, to CSV or SDS FHIR, streamed to a file, with progress and cancel. */
final class ExportDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    ExportDialog(Window owner, ExportViewModel model, I18n i18n, String searchText, LocalDate today) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("registrations.export.title"));
        dialog.setHeaderText(i18n.get("registrations.export.header", Labels.noun(i18n, model.kind())));
        dialog.getDialogPane().setId("reg-export-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        ComboBox<ExportViewModel.Format> format = new ComboBox<>(FXCollections.observableArrayList(
                ExportViewModel.Format.values()).filtered(model::formatAllowed));
        format.setConverter(Views.converter(f -> f == ExportViewModel.Format.CSV ? i18n.get("registrations.import.formatCsv")
                : i18n.get("registrations.import.formatFhir")));
        format.valueProperty().bindBidirectional(model.formatProperty());
        format.disableProperty().bind(model.phaseProperty().isEqualTo(ExportViewModel.Phase.EXPORTING));

        TextField path = new TextField();
        path.setId("reg-export-path");
        path.setPromptText(i18n.get("registrations.export.pathPrompt"));
        path.textProperty().bindBidirectional(model.pathProperty());
        path.disableProperty().bind(model.phaseProperty().isEqualTo(ExportViewModel.Phase.EXPORTING));
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(i18n.get("registrations.import.choose"), Icons.of(AppIcon.FOLDER));
        choose.disableProperty().bind(path.disableProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("registrations.export.title"));
            chooser.setInitialFileName(model.suggestedName(today));
            File file = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                model.pathProperty().set(file.getAbsolutePath());
            }
        });
        Label pathLabel = new Label(i18n.get("registrations.export.file"));
        pathLabel.getStyleClass().add("form-label");
        pathLabel.setLabelFor(path);
        path.setAccessibleText(pathLabel.getText());
        GridPane grid = FormRows.grid();
        int row = FormRows.add(grid, 0, i18n.get("registrations.import.format"), format, Bindings.createStringBinding(() -> ""));
        grid.add(pathLabel, 0, row);
        grid.add(new HBox(6, path, choose), 1, row);

        Label what = Views.muted(i18n.get("registrations.export.what", searchText));
        Label fhirNote = Views.muted(model.formatAllowed(ExportViewModel.Format.FHIR) ? i18n.get("registrations.export.fhirNote")
                : i18n.get("registrations.export.csvOnly"));

        Button export = new Button(i18n.get("registrations.export.start"), Icons.of(AppIcon.EXPORT));
        export.setId("reg-export-start");
        export.getStyleClass().add("accent");
        export.disableProperty().bind(model.canExportProperty().not());
        export.setOnAction(e -> model.export());
        Button cancel = new Button(i18n.get("registrations.import.cancel"), Icons.of(AppIcon.CLOSE));
        cancel.disableProperty().bind(model.phaseProperty().isNotEqualTo(ExportViewModel.Phase.EXPORTING));
        cancel.setOnAction(e -> model.cancel());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setAccessibleText(i18n.get("common.loading"));
        busy.visibleProperty().bind(model.phaseProperty().isEqualTo(ExportViewModel.Phase.EXPORTING));
        HBox actions = new HBox(8, export, cancel, busy);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("reg-export-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        ErrorRow error = new ErrorRow(model.errorProperty(), model.errorDetailProperty(), i18n);

        Timeline progress = new Timeline(new KeyFrame(Duration.millis(250), e -> model.pollProgress()));
        progress.setCycleCount(Timeline.INDEFINITE);
        model.phaseProperty().addListener((o, a, p) -> {
            if (p == ExportViewModel.Phase.EXPORTING) {
                progress.play();
            } else {
                progress.stop();
            }
        });

        VBox body = new VBox(10, what, grid, fhirNote, actions, message, error);
        body.setPrefWidth(660);
        dialog.getDialogPane().setMinWidth(700);
        for (Label l : new Label[] {what, fhirNote, message}) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        dialog.getDialogPane().setContent(body);
        dialog.setOnCloseRequest(e -> model.cancel());
    }

    void showAndWait() {
        dialog.showAndWait();
    }
}
