package io.spineconsole.ui.messages;

import io.spineconsole.api.LiveStream;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The live tail: the stream in a table, fed in batches a few times a second (never a UI update per
 * message), with pause and resume, the filter in force, the rate, and anything dropped counted in
 * plain sight.
 */
final class LiveTailView extends VBox {
    /** How often buffered messages are applied to the table. */
    static final Duration PUMP_EVERY = Duration.millis(250);
    private final MessageFlowViewModel root;
    private final LiveTailViewModel model;
    private final I18n i18n;
    private final MessageText text;
    private final TableView<LiveTailViewModel.LiveRow> table = new TableView<>();
    private final Timeline pump;

    LiveTailView(MessageFlowViewModel root) {
        super(8);
        this.root = root;
        this.model = root.live();
        this.text = root.text();
        this.i18n = text.i18n();
        setId("messages-live");
        setPadding(new Insets(10, 12, 8, 12));

        Button pause = new Button();
        pause.setId("messages-live-pause");
        pause.setMnemonicParsing(false);
        pause.textProperty().bind(Bindings.when(model.pausedProperty()).then(i18n.get("messages.live.resume"))
                .otherwise(i18n.get("messages.live.pause")));
        pause.graphicProperty().bind(Bindings.createObjectBinding(() ->
                Icons.of(model.pausedProperty().get() ? AppIcon.PLAY : AppIcon.PAUSE), model.pausedProperty()));
        pause.setTooltip(new Tooltip(i18n.get("messages.live.pauseHint")));
        pause.setOnAction(e -> model.togglePause());
        pause.disableProperty().bind(model.runningProperty().not());

        Button restart = Views.button(i18n.get("messages.live.apply"), AppIcon.PLAY);
        restart.setId("messages-live-restart");
        restart.setOnAction(e -> root.startLive());
        Button stop = Views.button(i18n.get("messages.live.stop"), AppIcon.CANCEL);
        stop.setId("messages-live-stop");
        stop.setOnAction(e -> model.stop());
        stop.disableProperty().bind(model.runningProperty().not());
        Button clear = Views.button(i18n.get("messages.live.clear"), AppIcon.CLEAR);
        clear.setId("messages-live-clear");
        clear.setOnAction(e -> model.clear());

        CheckBox useFilter = new CheckBox(i18n.get("messages.live.useFilter"));
        useFilter.setId("messages-live-use-filter");
        useFilter.selectedProperty().bindBidirectional(model.useSearchFilterProperty());
        useFilter.selectedProperty().addListener((o, a, b) -> root.startLive());
        CheckBox newOnly = new CheckBox(i18n.get("messages.live.newOnly"));
        newOnly.setId("messages-live-new-only");
        newOnly.selectedProperty().bindBidirectional(model.newOnlyProperty());
        newOnly.selectedProperty().addListener((o, a, b) -> root.startLive());

        javafx.scene.layout.FlowPane controls = Views.bar(pause, restart, stop, clear, useFilter, newOnly);

        Label filter = new Label();
        filter.setId("messages-live-filter");
        filter.getStyleClass().add("text-muted");
        filter.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.live.filter",
                model.filterTextProperty().get()), model.filterTextProperty()));

        Label state = new Label();
        state.setId("messages-live-state");
        state.getStyleClass().add("live-state");
        state.textProperty().bind(Bindings.createStringBinding(this::stateText, model.stateProperty(),
                model.pausedProperty(), model.heldProperty(), model.runningProperty()));
        state.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.of(model.pausedProperty().get()
                ? AppIcon.PAUSE : model.stateProperty().get() == LiveStream.State.OPEN ? AppIcon.ONLINE
                : model.stateProperty().get() == LiveStream.State.CLOSED ? AppIcon.OFFLINE : AppIcon.CONNECTING),
                model.pausedProperty(), model.stateProperty()));
        Label rate = new Label();
        rate.setId("messages-live-rate");
        rate.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.live.rate",
                text.count(Math.round(model.rateProperty().get())), text.count(model.rows().size()),
                text.count(LiveTailViewModel.ROW_LIMIT)), model.rateProperty(), model.rows()));
        Label dropped = new Label();
        dropped.setId("messages-live-dropped");
        dropped.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.live.dropped",
                text.count(model.droppedProperty().get())), model.droppedProperty()));
        dropped.graphicProperty().bind(Bindings.createObjectBinding(() -> model.droppedProperty().get() > 0
                ? Icons.of(AppIcon.WARNING) : null, model.droppedProperty()));
        model.droppedProperty().addListener((o, a, n) -> {
            dropped.getStyleClass().remove("live-dropped");
            if (n.longValue() > 0) {
                dropped.getStyleClass().add("live-dropped");
            }
        });
        Tooltip droppedTip = new Tooltip();
        droppedTip.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.live.droppedDetail",
                text.count(model.droppedByStreamProperty().get()), text.count(model.droppedWhilePausedProperty().get())),
                model.droppedByStreamProperty(), model.droppedWhilePausedProperty()));
        dropped.setTooltip(droppedTip);
        Label gaps = Views.bound(Bindings.createStringBinding(() -> model.resetsProperty().get() == 0 ? ""
                : i18n.get("messages.live.gaps", model.resetsProperty().get()), model.resetsProperty()), "live-dropped");
        gaps.setId("messages-live-gaps");
        javafx.scene.layout.FlowPane counters = Views.bar(state, rate, dropped, gaps);
        counters.setHgap(16);

        ErrorRow error = new ErrorRow(model.errorProperty(), model.errorDetailProperty(), i18n);

        table.setId("messages-live-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Views.dense(table);
        // The tail reaches back to its oldest row (the last: newest first).
        MessageColumns.install(table, LiveTailViewModel.LiveRow::messageProperty, text, () -> model.rows().isEmpty()
                ? java.time.Duration.ZERO : java.time.Duration.between(
                model.rows().get(model.rows().size() - 1).message().receivedAt(), text.clock().instant()), true);
        MessageColumns.rows(table, LiveTailViewModel.LiveRow::message, r -> root.openMessage(r.id()), null);
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(model.runningProperty())
                .then(i18n.get("messages.live.waiting")).otherwise(i18n.get("messages.live.stopped")));
        table.setPlaceholder(placeholder);
        table.setAccessibleText(i18n.get("messages.live.tableLabel"));
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(controls, filter, counters, error, table);

        pump = new Timeline(new KeyFrame(PUMP_EVERY, e -> model.pump(System.nanoTime())));
        pump.setCycleCount(Timeline.INDEFINITE);
        model.runningProperty().addListener((o, a, running) -> {
            if (running) {
                pump.play();
            } else {
                model.pump(System.nanoTime());
                pump.stop();
            }
        });
    }

    private String stateText() {
        if (!model.runningProperty().get()) {
            return i18n.get("messages.live.state.stopped");
        }
        if (model.pausedProperty().get()) {
            return i18n.get("messages.live.state.paused", text.count(model.heldProperty().get()));
        }
        return switch (model.stateProperty().get()) {
            case CONNECTING -> i18n.get("messages.live.state.connecting");
            case OPEN -> i18n.get("messages.live.state.open");
            case RECONNECTING -> i18n.get("messages.live.state.reconnecting");
            case CLOSED -> i18n.get("messages.live.state.stopped");
        };
    }

    TableView<LiveTailViewModel.LiveRow> table() {
        return table;
    }

    void dispose() {
        pump.stop();
    }
}
