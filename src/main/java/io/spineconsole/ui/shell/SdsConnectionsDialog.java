package io.spineconsole.ui.shell;

import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.settings.SdsConnectionProfile;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Arrays;

/**
 * The SDS connections: the list on the left (the first is the one in use), the form on the right: name,
 * environment (with the base URL the published API gives for it), API key (kept in the OS credential store) and
 * pace; Save, Test connection and Remove. Each problem is said under its field.
 */
public final class SdsConnectionsDialog {
    private final Dialog<Void> dialog = new Dialog<>();

    public SdsConnectionsDialog(Window owner, SdsConnectionsViewModel model, I18n i18n) {
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("sds.title"));
        dialog.setHeaderText(i18n.get("sds.header"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("sds-connections-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }

        ListView<SdsConnectionProfile> list = new ListView<>(model.connections());
        list.setId("sds-connections-list");
        list.setPrefSize(240, 300);
        list.setMinWidth(200);
        list.setPlaceholder(new Label(i18n.get("sds.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(SdsConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.name() + "  ·  " + i18n.get("environment." + p.environment().code())
                        + (getIndex() == 0 ? "  ·  " + i18n.get("sds.inUse") : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null) {
                model.edit(p);
            }
        });

        TextField name = new TextField();
        name.setId("sds-name");
        name.textProperty().bindBidirectional(model.nameProperty());
        ComboBox<String> environment = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(SdsEnvironment.values()).map(SdsEnvironment::code).toList()));
        environment.setId("sds-environment");
        environment.setMaxWidth(Double.MAX_VALUE);
        environment.valueProperty().bindBidirectional(model.environmentProperty());
        environment.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return SdsConnectionsViewModel.environment(code).map(model::environmentName).orElse(code == null ? "" : code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        PasswordField key = new PasswordField();
        key.setId("sds-api-key");
        key.setPromptText(i18n.get("sds.apiKeyPrompt"));
        key.textProperty().bindBidirectional(model.apiKeyProperty());
        Label keyHint = muted(i18n.get("sds.apiKeyStore", model.secretStoreDescription()));
        TextField pace = new TextField();
        pace.setId("sds-pace");
        pace.setPromptText(i18n.get("sds.pacePrompt", (long) SdsConnectionProfile.DEFAULT_REQUESTS_PER_SECOND));
        pace.textProperty().bindBidirectional(model.paceProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        grid.addRow(0, new Label(i18n.get("sds.name")), name);
        grid.add(error(model, "name"), 1, 1);
        // The base URL under the choice, whole: beside the name it was cut short in the list.
        Label baseUrl = muted("");
        baseUrl.setId("sds-environment-url");
        baseUrl.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> SdsConnectionsViewModel
                .environment(environment.getValue()).map(SdsEnvironment::baseUrl).orElse(""), environment.valueProperty()));
        grid.addRow(2, new Label(i18n.get("sds.environment")), new javafx.scene.layout.VBox(2, environment, baseUrl));
        grid.add(error(model, "environment"), 1, 3);
        grid.addRow(4, new Label(i18n.get("sds.apiKey")), key);
        grid.add(error(model, "apiKey"), 1, 5);
        grid.add(keyHint, 1, 6);
        grid.addRow(7, new Label(i18n.get("sds.pace")), pace);
        grid.add(error(model, "pace"), 1, 8);
        grid.add(error(model, "form"), 1, 9);

        Button add = new Button(i18n.get("sds.new"), Icons.of(AppIcon.ADD));
        add.setId("sds-new");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
            name.requestFocus();
        });
        Button save = new Button(i18n.get("sds.save"));
        save.setId("sds-save");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.save());
        Button test = new Button(i18n.get("sds.test"), Icons.of(AppIcon.ONLINE));
        test.setId("sds-test");
        test.setOnAction(e -> model.test());
        Button remove = new Button(i18n.get("sds.remove"), Icons.of(AppIcon.DELETE));
        remove.setId("sds-remove");
        remove.disableProperty().bind(model.editingProperty().isNull().or(model.busyProperty()));
        remove.setOnAction(e -> model.remove());
        save.disableProperty().bind(model.busyProperty());
        test.disableProperty().bind(model.busyProperty());
        Label result = new Label();
        result.setId("sds-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.textProperty().bind(model.resultProperty());

        VBox form = new VBox(8, grid, new FlowPane(8, 6, add, save, test, remove), result);
        HBox.setHgrow(form, Priority.ALWAYS);
        HBox content = new HBox(16, list, form);
        content.setPadding(new Insets(8));
        content.setPrefWidth(820);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinWidth(880);
        model.editingProperty().addListener((o, a, p) -> {
            if (p != null && !p.equals(list.getSelectionModel().getSelectedItem())) {
                list.getSelectionModel().select(p);
            }
        });
        if (!model.connections().isEmpty() && model.editingProperty().get() == null) {
            list.getSelectionModel().select(0);
        }
    }

    private static Label error(SdsConnectionsViewModel model, String field) {
        Label label = new Label();
        label.setId("sds-error-" + field);
        label.getStyleClass().add("field-error");
        label.setWrapText(true);
        label.textProperty().bind(model.errors().of(field));
        label.visibleProperty().bind(Bindings.isNotEmpty(label.textProperty()));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        l.setWrapText(true);
        return l;
    }

    public void show() {
        dialog.show();
    }

    public Dialog<Void> dialog() {
        return dialog;
    }
}
