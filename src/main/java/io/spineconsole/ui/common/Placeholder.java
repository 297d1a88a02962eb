package io.spineconsole.ui.common;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one placeholder every view shows where its data would be: busy (with progress) while the
 * first answer is awaited, why it is empty, or that the load failed, with Retry and a button that
 * copies the detail for a ticket. Bound to a {@link LoadStatus}; shows nothing when loaded.
 */
public final class Placeholder extends StackPane {
    private final LoadStatus status;
    private final Label busyLabel;
    private final HBox failedActions;

    /** @param emptyText what "nothing here" means for this view (it may change with the filters) */
    public Placeholder(LoadStatus status, ObservableValue<String> emptyText, I18n i18n) {
        this.status = status;
        getStyleClass().add("load-placeholder");
        setMaxWidth(560);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(24, 24);
        spinner.setMaxSize(24, 24);
        spinner.setAccessibleText(i18n.get("common.loading"));
        busyLabel = new Label(i18n.get("common.loading"));
        busyLabel.setWrapText(true);
        HBox busy = new HBox(8, spinner, busyLabel);
        busy.setAlignment(Pos.CENTER);

        Label empty = new Label();
        empty.getStyleClass().add("placeholder-text");
        empty.setWrapText(true);
        empty.textProperty().bind(emptyText);

        Label failure = new Label();
        failure.getStyleClass().addAll("placeholder-text", "error-text");
        failure.setGraphic(Icons.of(AppIcon.ERROR));
        failure.setWrapText(true);
        failure.textProperty().bind(status.errorProperty());
        Button retry = new Button(i18n.get("common.retry"), Icons.of(AppIcon.REFRESH));
        retry.getStyleClass().add("placeholder-retry");
        retry.setOnAction(e -> status.retry());
        Button copy = Icons.button(AppIcon.COPY, i18n.get("common.copyDetail"));
        copy.setOnAction(e -> ErrorRow.copyToClipboard(status.errorDetailProperty().get()));
        failedActions = new HBox(8, retry, copy);
        failedActions.setAlignment(Pos.CENTER);
        VBox failed = new VBox(8, failure, failedActions);
        failed.setAlignment(Pos.CENTER);

        busy.visibleProperty().bind(status.loading());
        empty.visibleProperty().bind(Bindings.createBooleanBinding(() -> status.state() == LoadState.EMPTY
                || status.state() == LoadState.IDLE, status.stateProperty()));
        failed.visibleProperty().bind(status.failed());
        getChildren().addAll(busy, empty, failed);
    }

    /** A placeholder whose empty text never changes. */
    public Placeholder(LoadStatus status, String emptyText, I18n i18n) {
        this(status, new SimpleStringProperty(emptyText), i18n);
    }

    /** Says what is being waited for ("Starting the sandbox…") instead of "Loading…". */
    public Placeholder busyText(ObservableValue<String> text) {
        busyLabel.textProperty().bind(text);
        return this;
    }

    /** Adds a way out beside Retry when the load failed (for example "Profiles"). */
    public Placeholder failedAction(Node action) {
        failedActions.getChildren().add(action);
        return this;
    }

    /** Takes room only while it shows something (busy or failed), for a placeholder above data, not over it. */
    public Placeholder onlyWhileBusyOrFailed() {
        visibleProperty().bind(status.loading().or(status.failed()));
        managedProperty().bind(visibleProperty());
        return this;
    }
}
