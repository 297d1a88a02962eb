package io.spineconsole.ui.admin;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.TimeText;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** The token list with its actions, the form to issue one, and the once-only secret. */
final class TokensView {
    private final TokensViewModel model;
    private final I18n i18n;
    private final TimeText time;
    private final BorderPane root = new BorderPane();
    private final TableView<Token> table = new TableView<>();
    private final TextField name = new TextField();
    private final TextField owner = new TextField();
    private final ChoiceBox<Role> role = new ChoiceBox<>();
    private final DatePicker issueExpiry = new DatePicker();
    private final Label formError = new Label();
    private final VBox form;
    private final DatePicker newExpiry = new DatePicker();

    TokensView(TokensViewModel model, I18n i18n, TimeText time) {
        this.model = model;
        this.i18n = i18n;
        this.time = time;
        this.form = issueForm();
        VBox top = new VBox(8, toolbar(), form, secretPane(), messages());
        top.setPadding(new Insets(8, 12, 8, 12));
        root.setTop(top);
        root.setCenter(table());
        root.setId("admin-tokens");
    }

    Node node() {
        return root;
    }

    private Node toolbar() {
        Button issue = new Button(i18n.get("admin.tokens.issue.open"), Icons.of(AppIcon.ADD));
        issue.setId("token-issue-open");
        issue.setOnAction(e -> {
            form.setVisible(true);
            form.setManaged(true);
            name.requestFocus();
        });
        newExpiry.setId("token-new-expiry");
        example(newExpiry);
        newExpiry.setPrefWidth(170);
        newExpiry.setAccessibleText(i18n.get("admin.tokens.expiry.newLabel"));
        Button expiry = new Button(i18n.get("admin.tokens.expiry.open"), Icons.of(AppIcon.STATUS_WAITING));
        expiry.setId("token-set-expiry");
        expiry.setOnAction(e -> setExpiry());
        Button revoke = new Button(i18n.get("admin.tokens.revoke.open"), Icons.of(AppIcon.BLOCKED));
        revoke.setId("token-revoke");
        revoke.getStyleClass().add("danger");
        revoke.setOnAction(e -> revoke());
        var notChangeable = Bindings.createBooleanBinding(
                () -> !TokensViewModel.changeable(model.selectedProperty().get()), model.selectedProperty());
        expiry.disableProperty().bind(notChangeable);
        revoke.disableProperty().bind(notChangeable);
        newExpiry.disableProperty().bind(notChangeable);
        CheckBox revoked = new CheckBox(i18n.get("admin.tokens.includeRevoked"));
        revoked.setId("token-include-revoked");
        revoked.selectedProperty().bindBidirectional(model.includeRevokedProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label expiryLabel = new Label(i18n.get("admin.tokens.expiry.newLabel"));
        expiryLabel.setLabelFor(newExpiry);
        HBox bar = new HBox(8, issue, spacer, expiryLabel, newExpiry, expiry, revoke, revoked);
        bar.setAlignment(Pos.CENTER_LEFT);
        // Why Set expiry and Revoke are unavailable, where they are.
        Label why = new Label();
        why.setId("token-actions-why");
        why.getStyleClass().add("text-muted");
        why.setWrapText(true);
        why.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? i18n.get("admin.tokens.chooseOne") : i18n.get("admin.tokens.notChangeable"), model.selectedProperty()));
        why.visibleProperty().bind(notChangeable);
        why.managedProperty().bind(why.visibleProperty());
        return new VBox(6, bar, why);
    }

    /**
     * An expiry day's placeholder reads as an example (a day three months on, in the picker's own format),
     * not as a value already chosen; its tooltip says what leaving it empty means.
     */
    private void example(DatePicker picker) {
        LocalDate inThreeMonths = LocalDate.now(time.clock().withZone(time.zone())).plusMonths(3);
        picker.setPromptText(i18n.get("admin.dayExample", picker.getConverter().toString(inThreeMonths)));
        picker.setTooltip(new javafx.scene.control.Tooltip(i18n.get("admin.tokens.expiry.emptyMeansNever")));
    }

    private VBox issueForm() {
        name.setId("token-name");
        name.setPromptText(i18n.get("admin.tokens.issue.namePrompt"));
        owner.setId("token-owner");
        owner.setPromptText(i18n.get("admin.tokens.issue.ownerPrompt"));
        role.setId("token-role");
        role.getItems().setAll(Role.values());
        role.setValue(Role.VIEWER);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : i18n.get("role." + r.code());
            }

            @Override
            public Role fromString(String s) {
                return null;
            }
        });
        issueExpiry.setId("token-expiry");
        example(issueExpiry);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        addRow(grid, 0, "admin.tokens.column.name", name);
        addRow(grid, 1, "admin.tokens.column.owner", owner);
        addRow(grid, 2, "admin.tokens.column.role", role);
        addRow(grid, 3, "admin.tokens.column.expires", issueExpiry);
        name.setPrefColumnCount(28);
        owner.setPrefColumnCount(28);
        Button send = new Button(i18n.get("admin.tokens.issue.action"));
        send.setId("token-issue");
        send.setDefaultButton(true);
        send.setOnAction(e -> issue());
        Button cancel = new Button(i18n.get("admin.tokens.issue.cancel"));
        cancel.setOnAction(e -> closeForm());
        formError.getStyleClass().add("field-error");
        formError.setId("token-form-error");
        Label title = new Label(i18n.get("admin.tokens.issue.title"));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, grid, new HBox(8, send, cancel, formError));
        box.setVisible(false);
        box.setManaged(false);
        box.setId("token-issue-form");
        return box;
    }

    private void addRow(GridPane grid, int row, String key, Node field) {
        Label label = new Label(i18n.get(key));
        label.getStyleClass().add("form-label");
        label.setLabelFor(field);
        grid.addRow(row, label, field);
    }

    private void closeForm() {
        form.setVisible(false);
        form.setManaged(false);
        formError.setText("");
    }

    /** The secret, shown once: copy it, then Done forgets it. */
    private Node secretPane() {
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        Label warning = new Label(i18n.get("admin.tokens.secret.once"));
        warning.getStyleClass().add("confirm-live-warning");
        warning.setWrapText(true);
        TextField secret = new TextField();
        secret.setId("token-secret");
        secret.setEditable(false);
        secret.getStyleClass().add("payload-text");
        secret.setPrefColumnCount(48);
        Button copy = new Button(i18n.get("admin.tokens.secret.copy"), Icons.of(AppIcon.COPY));
        copy.setId("token-secret-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(secret.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button done = new Button(i18n.get("admin.tokens.secret.done"));
        done.setId("token-secret-done");
        done.setOnAction(e -> model.dismissSecret());
        VBox pane = new VBox(6, heading, warning, new HBox(8, secret, copy, done));
        pane.setId("token-secret-pane");
        Runnable show = () -> {
            TokenCreated created = model.issuedProperty().get();
            pane.setVisible(created != null);
            pane.setManaged(created != null);
            secret.setText(created == null ? "" : created.secret());
            heading.setText(created == null ? "" : i18n.get("admin.tokens.secret.heading", created.token().name()));
        };
        model.issuedProperty().addListener((o, a, b) -> {
            show.run();
            if (b != null) {
                clearForm(); // issued: the form's work is done
            }
        });
        show.run();
        return pane;
    }

    private Node messages() {
        Label error = new Label();
        error.setId("tokens-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Label notice = new Label();
        notice.setId("tokens-notice");
        notice.getStyleClass().add("notice-text");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty().and(model.errorProperty().isEmpty()));
        notice.managedProperty().bind(notice.visibleProperty());
        return new VBox(4, error, notice);
    }

    private Node table() {
        table.setId("tokens-table");
        table.setItems(model.tokens());
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.name"), 170, Token::name));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.owner"), 170, model::owner));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.role"), 70, t -> i18n.get("role." + t.role().code())));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.status"), 90, model::status));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.created"), 250,
                t -> when(t.createdAt()) + " · " + t.createdBy()));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.lastUsed"), 110, t -> t.lastUsedAt() == null
                ? i18n.get("admin.tokens.neverUsed") : time.relative(t.lastUsedAt())));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.expires"), 120, t -> t.expiresAt() == null
                ? i18n.get("admin.tokens.never") : when(t.expiresAt())));
        table.getColumns().add(Cells.text(i18n.get("admin.tokens.column.revoked"), 260, t -> t.revokedAt() == null ? ""
                : i18n.get("admin.tokens.revokedBy", when(t.revokedAt()), t.revokedBy(), t.revokeReason())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> model.selectedProperty().set(t));
        model.selectedProperty().addListener((o, a, t) -> {
            if (t != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(t);
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            LoadState s = model.stateProperty().get();
            return s == LoadState.LOADING ? i18n.get("common.loading")
                    : s == LoadState.FAILED ? i18n.get("admin.tokens.failed") : i18n.get("admin.tokens.empty");
        }, model.stateProperty()));
        table.setPlaceholder(placeholder);
        return table;
    }


    private String when(Instant at) {
        return at == null ? "" : time.dateTime(at);
    }

    private void issue() {
        Role r = role.getValue();
        Optional<String> wrong = model.checkIssue(name.getText(), owner.getText(), r, issueExpiry.getValue());
        if (wrong.isPresent()) {
            formError.setText(wrong.get());
            return;
        }
        formError.setText("");
        ask(model.issueConfirmation(name.getText(), owner.getText(), r)).ifPresent(reason ->
                model.issue(name.getText(), owner.getText(), r, issueExpiry.getValue(), reason));
    }

    private void clearForm() {
        name.clear();
        owner.clear();
        role.setValue(Role.VIEWER);
        issueExpiry.setValue(null);
        closeForm();
    }

    private void setExpiry() {
        Token token = model.selectedProperty().get();
        LocalDate day = newExpiry.getValue();
        ask(model.expiryConfirmation(token, day)).ifPresent(reason -> model.setExpiry(token, day, reason));
    }

    private void revoke() {
        Token token = model.selectedProperty().get();
        ask(model.revokeConfirmation(token)).ifPresent(reason -> model.revoke(token, reason));
    }

    private Optional<String> ask(Confirmation c) {
        return ConfirmDialog.ask(root.getScene() == null ? null : root.getScene().getWindow(), c, i18n);
    }
}
