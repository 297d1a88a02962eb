package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * Starts a bulk redelivery: what it covers, the reason (audited), dry run (on by default), throttle
 * and cap; a real run on LIVE asks for the environment's name. The dialog stays open until the server
 * accepts the job, so a refusal shows on the form and nothing typed is lost.
 */
final class JobDialog {
    private JobDialog() {
    }

    static Optional<RedeliveryJob> show(Window owner, JobForm form, JobsViewModel jobs, WorkspaceContext context, I18n i18n) {
        Dialog<RedeliveryJob> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(i18n.get("messages.job.title"));
        dialog.setHeaderText(i18n.get("messages.job.title"));
        dialog.getDialogPane().setId("job-dialog");
        ButtonType start = new ButtonType(i18n.get("messages.job.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);

        Label scope = new Label(form.scope());
        scope.setWrapText(true);
        scope.setMaxWidth(500);
        scope.getStyleClass().add("job-scope");

        GridPane grid = FormRows.grid();
        TextArea reason = new TextArea();
        reason.setId("job-reason");
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        reason.setPromptText(i18n.get("messages.job.reasonPrompt"));
        int row = FormRows.add(grid, 0, i18n.get("messages.job.reason"), reason, form.reason());
        TextField rate = new TextField();
        rate.setId("job-rate");
        row = FormRows.add(grid, row, i18n.get("messages.job.rate"), rate, form.rate());
        TextField max = new TextField();
        max.setId("job-max");
        row = FormRows.add(grid, row, i18n.get("messages.job.max"), max, form.maxMessages());
        CheckBox dryRun = new CheckBox(i18n.get("messages.job.dryRun"));
        dryRun.setId("job-dry-run");
        dryRun.selectedProperty().bindBidirectional(form.dryRunProperty());
        Label dryHint = new Label(i18n.get("messages.job.dryRunHint"));
        dryHint.setWrapText(true);
        dryHint.getStyleClass().add("text-muted");
        dryHint.setMaxWidth(460);
        grid.add(new VBox(2, dryRun, dryHint), 1, row++);

        TextField typed = new TextField();
        typed.setId("job-typed");
        Label warning = new Label();
        warning.getStyleClass().add("confirm-live-warning");
        warning.setGraphic(Icons.of(AppIcon.WARNING));
        warning.setWrapText(true);
        warning.setMaxWidth(500);
        warning.setLabelFor(typed);
        VBox live = new VBox(4, warning, typed);
        Runnable updateLive = () -> {
            Confirmation c = confirmation(context, form, i18n);
            boolean ask = c.typeToConfirm() != null;
            live.setVisible(ask);
            live.setManaged(ask);
            if (ask) {
                warning.setText(i18n.get("confirm.typeEnvironment", c.typeToConfirm()));
                typed.setAccessibleText(warning.getText());
            }
        };
        form.dryRunProperty().addListener((o, a, b) -> updateLive.run());
        updateLive.run();

        ErrorRow error = new ErrorRow(jobs.errorProperty(), jobs.errorDetailProperty(), i18n);
        VBox body = new VBox(10, scope, grid, live, error);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setPrefWidth(600);

        Node startNode = dialog.getDialogPane().lookupButton(start);
        Button startButton = (Button) startNode;
        startButton.setId("job-start");
        startButton.textProperty().bind(Bindings.when(form.dryRunProperty()).then(i18n.get("messages.job.startDry"))
                .otherwise(i18n.get("messages.job.startReal")));
        form.dryRunProperty().addListener((o, a, dry) -> {
            startButton.getStyleClass().remove("danger");
            if (!dry) {
                startButton.getStyleClass().add("danger");
            }
        });
        startButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !form.isValid()
                        || !confirmation(context, form, i18n).accepts(typed.getText(), form.reason().value())
                        || jobs.busyProperty().get(),
                form.reason().errorProperty(), form.rate().errorProperty(), form.maxMessages().errorProperty(),
                typed.textProperty(), form.dryRunProperty(), jobs.busyProperty(), form.reason().valueProperty()));
        // Stay open until the server answers: a refusal is shown here, with everything typed kept.
        startButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            jobs.create(form, job -> {
                dialog.setResult(job);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }

    static Confirmation confirmation(WorkspaceContext context, JobForm form, I18n i18n) {
        return Confirmation.of(context, i18n.get("messages.job.title"), form.scope(), i18n.get("messages.job.start"),
                !form.dryRunProperty().get(), true);
    }
}
