package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Directory drift in a window of its own beside the workspace (not modal: a row opens its record in the
 * workspace while the comparison stays open). With no SDS connection it says so and offers to add one; once one
 * is added the window compares with it, keeping what was typed.
 */
final class DriftWindow {
    private final Dialog<Void> dialog = new Dialog<>();
    private final SdsAccess access;
    private final RegistrationsApi api;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Executor files;
    private final Consumer<ConsoleLink> go;
    private final io.spineconsole.ui.common.TimeText time;
    private final boolean mayMark;
    private final VBox content = new VBox();
    private DriftViewModel model;

    DriftWindow(Window owner, SdsAccess access, RegistrationsApi api, UiExecutor ui, I18n i18n, Executor files,
                Consumer<ConsoleLink> go, io.spineconsole.ui.common.TimeText time, boolean mayMark) {
        this.time = time;
        this.mayMark = mayMark;
        this.access = access;
        this.api = api;
        this.ui = ui;
        this.i18n = i18n;
        this.files = files;
        this.go = go;
        dialog.initOwner(owner);
        dialog.initModality(javafx.stage.Modality.NONE);
        dialog.setTitle(i18n.get("registrations.drift.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().setId("reg-drift-dialog");
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setMinSize(980, 600); // room for the counts and the differences column
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        ChangeListener<SdsAccess.Connection> changed = (o, a, c) -> build(model.odsCodeProperty().get(),
                model.interactionProperty().get());
        access.connectionProperty().addListener(changed);
        dialog.setOnHidden(e -> {
            access.connectionProperty().removeListener(changed);
            model.cancel();
        });
    }

    /** Shows the window with the organisation and interaction filled in (either may be blank). */
    void show(String odsCode, String interaction) {
        build(odsCode, interaction);
        dialog.show();
    }

    private void build(String odsCode, String interaction) {
        if (model != null) {
            model.cancel();
        }
        model = new DriftViewModel(access.directoryOrNull(), api, ui, i18n, files, time, mayMark);
        model.odsCodeProperty().set(odsCode == null ? "" : odsCode);
        model.interactionProperty().set(interaction == null ? "" : interaction);
        model.setOnOpen(ref -> go.accept(RecordKind.byTypeCode(ref.type()).link(ref.id())));
        VBox view = DriftView.of(model, i18n);
        content.getChildren().setAll(view);
        access.connection().ifPresentOrElse(
                c -> dialog.setTitle(i18n.get("registrations.drift.titleWith", c.name())),
                () -> view.getChildren().add(2, SdsDetail.addConnectionButton(i18n, access, "reg-drift-add-connection")));
    }

    DriftViewModel model() {
        return model;
    }

    Dialog<Void> dialog() {
        return dialog;
    }
}
