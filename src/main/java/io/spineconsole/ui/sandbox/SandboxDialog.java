package io.spineconsole.ui.sandbox;

import io.spineconsole.ui.common.I18n;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The Sandbox panel in a window of its own beside the console (not modal: the trainer watches both). */
public final class SandboxDialog extends Dialog<Void> {

    public SandboxDialog(Window owner, SandboxViewModel model, I18n i18n) {
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle(i18n.get("sandbox.title"));
        setResizable(true);
        getDialogPane().setId("sandbox-dialog");
        getDialogPane().setContent(new SandboxPanel(model, i18n));
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefSize(760, 640);
    }
}
