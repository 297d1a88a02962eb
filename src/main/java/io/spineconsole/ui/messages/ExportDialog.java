package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.ExportFormat;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks how to export the search: the format, a cap on rows and the file to write. Says plainly what
 * an export is: metadata only, masked, audited under the user's name.
 */
final class ExportDialog {
    private ExportDialog() {
    }

    static Optional<Path> ask(Window owner, ExportViewModel model, String searchText, I18n i18n) {
        Dialog<Path> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("messages.export.title"));
        dialog.setHeaderText(i18n.get("messages.export.title"));
        dialog.getDialogPane().setId("export-dialog");
        ButtonType go = new ButtonType(i18n.get("messages.export.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);

        Label what = new Label(i18n.get("messages.export.what", searchText));
        what.setWrapText(true);
        what.setMaxWidth(520);
        Label governance = new Label(i18n.get("messages.export.governance"));
        governance.setWrapText(true);
        governance.setMaxWidth(520);
        governance.getStyleClass().add("text-muted");

        ToggleGroup formats = new ToggleGroup();
        RadioButton csv = new RadioButton(i18n.get("messages.export.csv"));
        csv.setId("export-csv");
        csv.setToggleGroup(formats);
        RadioButton json = new RadioButton(i18n.get("messages.export.json"));
        json.setId("export-json");
        json.setToggleGroup(formats);
        (model.formatProperty().get() == ExportFormat.CSV ? csv : json).setSelected(true);
        formats.selectedToggleProperty().addListener((o, a, t) ->
                model.formatProperty().set(t == json ? ExportFormat.NDJSON : ExportFormat.CSV));

        GridPane grid = FormRows.grid();
        int row = FormRows.add(grid, 0, i18n.get("messages.export.format"), csv, Bindings.createStringBinding(() -> ""));
        grid.add(json, 1, row++);
        TextField rows = new TextField();
        rows.setId("export-rows");
        row = FormRows.add(grid, row, i18n.get("messages.export.rows"), rows, model.maxRows());
        Label cap = new Label();
        cap.setId("export-cap-note");
        cap.textProperty().bind(model.capNoteProperty());
        cap.setWrapText(true);
        cap.setMaxWidth(420);
        cap.getStyleClass().add("text-muted");
        grid.add(cap, 1, row++);
        TextField file = new TextField(Path.of(System.getProperty("user.home"), model.suggestedFileName()).toString());
        file.setId("export-file");
        Button choose = new Button(i18n.get("messages.export.choose"));
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("messages.export.title"));
            Optional<Path> current = target(file.getText());
            current.ifPresent(c -> chooser.setInitialDirectory(c.getParent().toFile()));
            chooser.setInitialFileName(current.map(c -> c.getFileName().toString()).orElse(model.suggestedFileName()));
            File picked = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (picked != null) {
                file.setText(picked.getAbsolutePath());
            }
        });
        formats.selectedToggleProperty().addListener((o, a, t) -> {
            String f = file.getText();
            String base = f.replaceFirst("\\.(csv|ndjson)$", "");
            file.setText(base + (t == json ? ".ndjson" : ".csv"));
        });
        FormRows.add(grid, row, i18n.get("messages.export.file"), file, Bindings.createStringBinding(() -> {
            if (file.getText().isBlank()) {
                return i18n.get("messages.export.error.file");
            }
            return target(file.getText()).isPresent() ? "" : i18n.get("messages.export.error.folder");
        }, file.textProperty()));
        grid.add(new HBox(choose), 1, row + 1);

        dialog.getDialogPane().setContent(new VBox(10, what, governance, grid));
        dialog.getDialogPane().setPrefWidth(600);
        Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId("export-start");
        goButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.maxRows().isValid()
                || target(file.getText()).isEmpty(), model.maxRows().errorProperty(), file.textProperty()));
        dialog.setResultConverter(b -> b == go ? target(file.getText()).orElse(null) : null);
        return dialog.showAndWait();
    }

    /** The file to write, when its folder exists (a name the file system refuses is no file). */
    static Optional<Path> target(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(text.strip()).toAbsolutePath();
            return p.getParent() != null && p.getParent().toFile().isDirectory() && !p.toFile().isDirectory()
                    ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
