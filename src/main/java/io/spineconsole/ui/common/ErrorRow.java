package io.spineconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A failed call, as the user sees it: the sentence, and a button that copies the raw detail for a
 * ticket. Shown only while there is an error; takes no room otherwise.
 */
public final class ErrorRow extends HBox {

    public ErrorRow(ObservableValue<String> error, ObservableValue<String> detail, I18n i18n) {
        super(8);
        getStyleClass().add("error-row");
        Label text = new Label();
        text.getStyleClass().add("error-text");
        text.setGraphic(Icons.of(AppIcon.ERROR));
        text.setWrapText(true);
        text.textProperty().bind(error);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button copy = Icons.button(AppIcon.COPY, i18n.get("common.copyDetail"));
        copy.setOnAction(e -> copyToClipboard(detail.getValue()));
        getChildren().addAll(text, copy);
        visibleProperty().bind(Bindings.createBooleanBinding(
                () -> error.getValue() != null && !error.getValue().isEmpty(), error));
        managedProperty().bind(visibleProperty());
    }

    /**
     * A load's error beside the data still on screen (a reload or the next page failed, the rows
     * stay). While nothing is shown the {@link Placeholder} says it instead, so it is said once.
     */
    public static ErrorRow besideData(LoadStatus status, ObservableBooleanValue dataShown, I18n i18n) {
        return new ErrorRow(Bindings.createStringBinding(() -> dataShown.get() ? status.errorProperty().get() : "",
                status.errorProperty(), dataShown), status.errorDetailProperty(), i18n);
    }

    /** Puts {@code text} on the system clipboard. */
    public static void copyToClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
