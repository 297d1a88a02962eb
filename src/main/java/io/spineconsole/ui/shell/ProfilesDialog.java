package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Add, edit, remove and switch connection profiles. The Sandbox profile is always listed and
 * cannot be edited; LIVE profiles are marked in words as well as colour.
 */
final class ProfilesDialog extends Dialog<ConnectionProfile> {
    private final ShellViewModel model;
    private final I18n i18n;
    private final ProfileForm form;
    private final ListView<ConnectionProfile> list = new ListView<>();
    private final Label nameError = errorLabel();
    private final Label kindError = errorLabel();
    private final Label urlError = errorLabel();
    private final Label trustStoreError = errorLabel();
    private final Label clientCertificateError = errorLabel();
    /** The form's fields' height, and what the dialog needs around them (header, buttons, title bar). */
    private static final double FORM_HEIGHT = 620;
    private static final double FORM_CHROME = 260;
    private final Label ssoIssuerError = errorLabel();
    private final Label ssoClientIdError = errorLabel();
    private final Label formError = errorLabel();
    /** True while a save checks the TLS files and stores secrets; the save button waits. */
    private final javafx.beans.property.BooleanProperty saving = new javafx.beans.property.SimpleBooleanProperty();
    private final Label checking = new Label();
    private final Button save = new Button();
    /** What the last "Test connection" found, in a sentence. */
    private final Label testResult = new Label();
    private final javafx.beans.property.BooleanProperty testing = new javafx.beans.property.SimpleBooleanProperty();

    ProfilesDialog(Window owner, ShellViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.form = new ProfileForm(i18n);
        initOwner(owner);
        setTitle(i18n.get("profiles.title"));
        setHeaderText(i18n.get("profiles.header"));
        setResizable(true);

        list.setId("profiles-list");
        list.setPrefSize(260, 320);
        list.setMinWidth(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null
                        : p.name() + "  ·  " + i18n.get("environment." + p.kind().code()));
                getStyleClass().removeAll("profile-live");
                if (!empty && p != null && p.kind().isLive()) {
                    getStyleClass().add("profile-live");
                }
            }
        });
        list.getItems().setAll(model.settingsProperty().get().profiles());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> form.edit(p == null || p.isSandbox() ? null : p));

        TextField name = new TextField();
        name.setId("profile-name");
        name.textProperty().bindBidirectional(form.nameProperty());
        ComboBox<EnvironmentKind> kind = new ComboBox<>(FXCollections.observableArrayList(
                Arrays.stream(EnvironmentKind.values()).filter(k -> k != EnvironmentKind.SANDBOX).toList()));
        kind.setId("profile-kind");
        kind.valueProperty().bindBidirectional(form.kindProperty());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(EnvironmentKind k) {
                return k == null ? "" : i18n.get("environment." + k.code());
            }

            @Override
            public EnvironmentKind fromString(String s) {
                return null;
            }
        });
        TextField url = new TextField();
        url.setId("profile-url");
        url.setPromptText("https://admin-api.example.nhs.uk");
        url.textProperty().bindBidirectional(form.urlProperty());
        PasswordField token = new PasswordField();
        token.setId("profile-token");
        token.setPromptText(i18n.get("profiles.tokenPrompt"));
        token.textProperty().bindBidirectional(form.tokenProperty());
        Label tokenHint = new Label(i18n.get("profiles.tokenStore", model.secretStoreDescription()));
        tokenHint.getStyleClass().add("text-muted");
        tokenHint.setWrapText(true);

        GridPane grid = new GridPane();
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE); // labels are never cut short
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.setHgap(8);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        grid.addRow(0, new Label(i18n.get("profiles.name")), name);
        grid.add(nameError, 1, 1);
        grid.addRow(2, new Label(i18n.get("profiles.kind")), kind);
        grid.add(kindError, 1, 3);
        grid.addRow(4, new Label(i18n.get("profiles.url")), url);
        grid.add(urlError, 1, 5);
        grid.addRow(6, new Label(i18n.get("profiles.token")), token);
        grid.add(tokenHint, 1, 7);
        Label tls = new Label(i18n.get("profiles.tls"));
        tls.getStyleClass().add("text-bold");
        grid.add(tls, 0, 8);
        grid.addRow(9, new Label(i18n.get("profiles.trustStore")), fileRow(form.trustStoreProperty(), "profile-trust-store",
                i18n.get("profiles.trustStorePrompt"), i18n.get("profiles.browseTrustStore"),
                new FileChooser.ExtensionFilter(i18n.get("profiles.fileFilter.trustStore"),
                        "*.pem", "*.crt", "*.cer", "*.p12", "*.pfx", "*.jks")));
        grid.add(trustStoreError, 1, 10);
        grid.addRow(11, new Label(i18n.get("profiles.trustStorePassword")), passwordField(
                form.trustStorePasswordProperty(), "profile-trust-store-password", i18n.get("profiles.trustStorePasswordPrompt")));
        grid.addRow(12, new Label(i18n.get("profiles.clientCertificate")), fileRow(form.clientCertificateProperty(),
                "profile-client-certificate", i18n.get("profiles.clientCertificatePrompt"),
                i18n.get("profiles.browseClientCertificate"),
                new FileChooser.ExtensionFilter(i18n.get("profiles.fileFilter.pkcs12"), "*.p12", "*.pfx")));
        grid.add(clientCertificateError, 1, 13);
        grid.addRow(14, new Label(i18n.get("profiles.clientCertificatePassword")), passwordField(
                form.clientCertificatePasswordProperty(), "profile-client-certificate-password",
                i18n.get("profiles.clientCertificatePasswordPrompt")));
        Label sso = new Label(i18n.get("profiles.sso"));
        sso.getStyleClass().add("text-bold");
        grid.add(sso, 0, 15);
        grid.addRow(16, new Label(i18n.get("profiles.ssoIssuer")), textField(form.ssoIssuerProperty(),
                "profile-sso-issuer", i18n.get("profiles.ssoIssuerPrompt")));
        grid.add(ssoIssuerError, 1, 17);
        grid.addRow(18, new Label(i18n.get("profiles.ssoClientId")), textField(form.ssoClientIdProperty(),
                "profile-sso-client-id", i18n.get("profiles.ssoClientIdPrompt")));
        grid.add(ssoClientIdError, 1, 19);
        checking.setId("profile-checking");
        checking.getStyleClass().add("text-muted");
        grid.add(checking, 1, 20);
        grid.add(formError, 1, 21);

        Button add = new Button(i18n.get("profiles.new"), Icons.of(AppIcon.ADD));
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            form.edit(null);
            name.requestFocus();
        });
        save.setText(i18n.get("profiles.save"));
        save.setId("profile-save");
        save.setDefaultButton(false);
        save.setOnAction(e -> saveForm());
        Button test = new Button(i18n.get("profiles.test"), Icons.of(AppIcon.ONLINE));
        test.setId("profile-test");
        test.setMinWidth(Region.USE_PREF_SIZE);
        testResult.setId("profile-test-result");
        testResult.setWrapText(true);
        testResult.setMinHeight(Region.USE_PREF_SIZE);
        test.setOnAction(e -> {
            showProblems(true);
            testing.set(true);
            testResult.setText(i18n.get("profiles.test.running"));
            model.testProfile(form).thenAccept(result -> {
                testing.set(false);
                testResult.setText(result);
            });
        });
        Button remove = new Button(i18n.get("profiles.remove"), Icons.of(AppIcon.DELETE));
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ConnectionProfile p = list.getSelectionModel().getSelectedItem();
            return p == null || p.isSandbox();
        }, list.getSelectionModel().selectedItemProperty()));
        remove.setOnAction(e -> {
            ConnectionProfile p = list.getSelectionModel().getSelectedItem();
            model.removeProfile(p.id());
            list.getItems().setAll(model.settingsProperty().get().profiles());
        });
        Label sandboxNote = new Label(i18n.get("profiles.sandboxNote"));
        sandboxNote.setWrapText(true);
        sandboxNote.getStyleClass().add("text-muted");
        var sandboxSelected = Bindings.createBooleanBinding(() -> {
            ConnectionProfile p = list.getSelectionModel().getSelectedItem();
            return p != null && p.isSandbox();
        }, list.getSelectionModel().selectedItemProperty());
        sandboxNote.visibleProperty().bind(sandboxSelected);
        sandboxNote.managedProperty().bind(sandboxSelected);
        // The sandbox has no fields to edit: the form is not shown for it (it would read as an INT profile), but
        // keeps its room so the dialog, sized when it opens, still fits the form for a new profile.
        grid.visibleProperty().bind(sandboxSelected.not());
        save.disableProperty().bind(sandboxSelected.or(saving));
        test.disableProperty().bind(sandboxSelected.or(testing));
        // A new test is wanted once the form changes: the last result no longer speaks for it.
        for (var p : List.of(form.urlProperty(), form.tokenProperty(), form.trustStoreProperty(),
                form.clientCertificateProperty())) {
            p.addListener((o, a, b) -> testResult.setText(""));
        }
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> testResult.setText(""));
        // A saved profile that signs in through single sign-on: sign in (in the browser) and connect.
        Button signIn = new Button(i18n.get("profiles.ssoSignIn"), Icons.of(AppIcon.ROLE));
        signIn.setId("profile-sso-sign-in");
        var ssoSelected = Bindings.createBooleanBinding(() -> {
            ConnectionProfile p = list.getSelectionModel().getSelectedItem();
            return p != null && p.usesSingleSignOn();
        }, list.getSelectionModel().selectedItemProperty());
        signIn.visibleProperty().bind(ssoSelected);
        signIn.managedProperty().bind(ssoSelected);
        signIn.setOnAction(e -> {
            setResult(list.getSelectionModel().getSelectedItem());
            close();
        });
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 6, add, save, test, remove, signIn);
        // On a screen too short for the whole form (single sign-on made it longer), the fields scroll
        // rather than the dialog running off the screen.
        double room = javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - FORM_CHROME;
        Region fieldArea = grid;
        if (room < FORM_HEIGHT) {
            javafx.scene.control.ScrollPane scrolled = new javafx.scene.control.ScrollPane(grid);
            scrolled.setFitToWidth(true);
            scrolled.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            scrolled.getStyleClass().add("edge-to-edge");
            scrolled.setPrefViewportHeight(Math.max(200, room));
            fieldArea = scrolled;
        }
        VBox formBox = new VBox(8, sandboxNote, fieldArea, buttons, testResult);
        HBox.setHgrow(formBox, javafx.scene.layout.Priority.ALWAYS);

        HBox content = new HBox(16, list, formBox);
        content.setPadding(new Insets(8));
        content.setPrefWidth(760);
        getDialogPane().setContent(content);
        getDialogPane().setMinWidth(800);
        ButtonType connect = new ButtonType(i18n.get("profiles.connect"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CLOSE);
        getDialogPane().lookupButton(connect).disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(button -> button == connect ? list.getSelectionModel().getSelectedItem() : null);

        form.nameProperty().addListener((o, a, b) -> showProblems(false));
        form.urlProperty().addListener((o, a, b) -> showProblems(false));
        form.kindProperty().addListener((o, a, b) -> showProblems(false));
        form.trustStoreProperty().addListener((o, a, b) -> showProblems(false));
        form.clientCertificateProperty().addListener((o, a, b) -> showProblems(false));
        form.ssoIssuerProperty().addListener((o, a, b) -> showProblems(false));
        form.ssoClientIdProperty().addListener((o, a, b) -> showProblems(false));
        list.getSelectionModel().select(model.profileProperty().get());
    }

    /** Checks the form (the TLS files off the UI thread) and saves it; the form stays as typed on a problem. */
    private void saveForm() {
        if (!showProblems(true).isEmpty()) {
            return;
        }
        ConnectionProfile saved = form.toProfile();
        saving.set(true);
        checking.setText(i18n.get("profiles.checking"));
        model.saveProfile(form).thenAccept(problems -> {
            saving.set(false);
            checking.setText("");
            show(problems, true);
            if (problems.isEmpty()) {
                form.tokenProperty().set("");
                form.trustStorePasswordProperty().set("");
                form.clientCertificatePasswordProperty().set("");
                list.getItems().setAll(model.settingsProperty().get().profiles());
                list.getSelectionModel().select(saved);
            }
        });
    }

    /** Shows each field's problem under it; untouched empty fields stay quiet until a save. */
    private Map<String, String> showProblems(boolean all) {
        Map<String, String> problems = form.problems();
        show(problems, all);
        return problems;
    }

    private void show(Map<String, String> problems, boolean all) {
        show(nameError, problems.get("name"), all || !form.nameProperty().get().isEmpty());
        show(kindError, problems.get("kind"), true);
        show(urlError, problems.get("url"), all || !form.urlProperty().get().isEmpty());
        show(trustStoreError, problems.get("trustStore"), true);
        show(clientCertificateError, problems.get("clientCertificate"), true);
        show(ssoIssuerError, problems.get("ssoIssuer"), true);
        show(ssoClientIdError, problems.get("ssoClientId"), all || !form.ssoIssuerProperty().get().isBlank());
        show(formError, problems.get("form"), true);
    }

    /** A path field with a button that picks the file. */
    private HBox fileRow(StringProperty path, String id, String prompt, String chooserTitle,
                         FileChooser.ExtensionFilter filter) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(22);
        field.textProperty().bindBidirectional(path);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = Icons.button(AppIcon.FOLDER, i18n.get("profiles.browse"));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(chooserTitle);
            chooser.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("*", "*"));
            File current = path.get().isBlank() ? null : new File(path.get()).getParentFile();
            if (current != null && current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File picked = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (picked != null) {
                path.set(picked.getAbsolutePath());
            }
        });
        return new HBox(4, field, browse);
    }

    private static TextField textField(StringProperty value, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static PasswordField passwordField(StringProperty value, String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static void show(Label label, String problem, boolean visible) {
        label.setText(problem == null || !visible ? "" : problem);
    }

    private static Label errorLabel() {
        Label label = new Label();
        label.getStyleClass().add("field-error");
        return label;
    }

    Optional<ConnectionProfile> choose() {
        return showAndWait();
    }
}
