package io.spineconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Asks before an action that changes something (see {@link Confirmation}). Answers the reason the
 * user gave ("" when none was asked for), or empty when they cancelled. The action's button stays
 * disabled until a required reason is given and, on LIVE, the environment's name is typed exactly.
 */
public final class ConfirmDialog {
    private ConfirmDialog() {
    }

    public static Optional<String> ask(Window owner, Confirmation c, I18n i18n) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(c.title());
        dialog.setHeaderText(c.title());
        ButtonType act = new ButtonType(c.actionLabel(), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(act, ButtonType.CANCEL);
        dialog.getDialogPane().setId("confirm-dialog");

        Label message = new Label(c.message());
        message.setWrapText(true);
        message.setMaxWidth(460);
        VBox body = new VBox(10, message);
        body.setPadding(new Insets(4, 0, 0, 0));

        TextArea reason = new TextArea();
        reason.setId("confirm-reason");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setPromptText(i18n.get(c.reasonRequired() ? "confirm.reasonRequired" : "confirm.reasonOptional"));
        reason.setAccessibleText(i18n.get("confirm.reason"));
        if (c.draftReason() != null) {
            reason.setText(c.draftReason());
        }
        Label reasonLabel = new Label(i18n.get("confirm.reason"));
        reasonLabel.setLabelFor(reason);
        body.getChildren().addAll(reasonLabel, reason);

        TextField typed = new TextField();
        typed.setId("confirm-typed");
        if (c.typeToConfirm() != null) {
            Label warning = new Label(i18n.get("confirm.typeEnvironment", c.typeToConfirm()));
            warning.getStyleClass().add("confirm-live-warning");
            warning.setGraphic(Icons.of(AppIcon.WARNING));
            warning.setWrapText(true);
            warning.setLabelFor(typed);
            typed.setAccessibleText(warning.getText());
            body.getChildren().addAll(warning, typed);
        }
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setPrefWidth(520);

        Node actButton = dialog.getDialogPane().lookupButton(act);
        actButton.setId("confirm-ok");
        if (c.destructive()) {
            actButton.getStyleClass().add("danger");
        }
        actButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !c.accepts(typed.getText(), reason.getText()), typed.textProperty(), reason.textProperty()));
        dialog.setResultConverter(button -> button == act ? reason.getText().strip() : null);
        dialog.setOnShown(e -> (c.typeToConfirm() != null && !c.reasonRequired() ? typed : reason).requestFocus());
        return dialog.showAndWait();
    }
}
