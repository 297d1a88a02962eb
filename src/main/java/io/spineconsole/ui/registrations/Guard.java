package io.spineconsole.ui.registrations;

import io.spineconsole.ui.common.I18n;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.Optional;

/** Asks before an unsaved edit is dropped (another record selected, the form closed, a link followed). */
final class Guard {
    private Guard() {
    }

    /** True when there is nothing unsaved, or the user chose to discard it. */
    static boolean mayDiscard(Window owner, I18n i18n, Optional<String> unsaved) {
        if (unsaved.isEmpty()) {
            return true;
        }
        ButtonType discard = new ButtonType(i18n.get("registrations.unsaved.discard"), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(i18n.get("registrations.unsaved.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, unsaved.get(), discard, keep);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(i18n.get("registrations.unsaved.title"));
        alert.setHeaderText(i18n.get("registrations.unsaved.header"));
        alert.getDialogPane().setId("reg-unsaved-dialog");
        return alert.showAndWait().filter(discard::equals).isPresent();
    }
}
