package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.EnvironmentAccess.Environment;
import io.spineconsole.ui.common.I18n;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Environment diff in a window of its own beside the workspace (not modal, like drift): the two environments to
 * compare, then the drift view over their registrations. Closing it closes the environments it opened.
 */
final class EnvironmentDiffWindow {
    private final Dialog<Void> dialog = new Dialog<>();
    private final EnvironmentDiffViewModel model;

    EnvironmentDiffWindow(Window owner, EnvironmentDiffViewModel model, I18n i18n, Consumer<ConsoleLink> go) {
        this.model = model;
        model.drift().setOnOpen(ref -> go.accept(RecordKind.byTypeCode(ref.type()).link(ref.id())));
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE);
        dialog.setTitle(i18n.get("registrations.envdiff.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("reg-envdiff-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setMinSize(980, 600);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        ComboBox<Environment> first = chooser(model, "reg-envdiff-first", i18n.get("registrations.envdiff.first"));
        first.valueProperty().bindBidirectional(model.firstProperty());
        ComboBox<Environment> second = chooser(model, "reg-envdiff-second", i18n.get("registrations.envdiff.second"));
        second.valueProperty().bindBidirectional(model.secondProperty());
        Label compare = new Label(i18n.get("registrations.envdiff.first"));
        compare.setLabelFor(first);
        Label with = new Label(i18n.get("registrations.envdiff.second"));
        with.setLabelFor(second);
        HBox choose = new HBox(8, compare, first, with, second);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        dialog.getDialogPane().setContent(DriftView.of(model.drift(), i18n, i18n.get("registrations.envdiff.title"),
                i18n.get("registrations.envdiff.compare"), model::compare, choose));
        dialog.setOnHidden(e -> model.close());
    }

    private static ComboBox<Environment> chooser(EnvironmentDiffViewModel model, String id, String accessible) {
        ComboBox<Environment> box = new ComboBox<>(model.environments());
        box.setId(id);
        box.setAccessibleText(accessible);
        box.setPrefWidth(220);
        return box;
    }

    void show() {
        dialog.show();
    }

    Dialog<Void> dialog() {
        return dialog;
    }

    EnvironmentDiffViewModel model() {
        return model;
    }
}
