package io.spineconsole.ui.messages;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertAction;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.ui.common.AlertWords;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Placeholder;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * The Alerts tab: open and recent alerts (newest first) beside the one chosen: what it concerns, when
 * it opened, its state and evidence, who acknowledged or snoozed it, and links to its endpoint's health
 * row and the failures behind it. Operators acknowledge (with a note) and snooze; for anyone else the
 * buttons are off and a sentence says why.
 */
final class AlertsView extends VBox {
    private static final Duration PUMP_EVERY = Duration.seconds(1);
    private final AlertsViewModel model;
    private final MessageText text;
    private final I18n i18n;
    private final TableView<Alert> table = new TableView<>();
    private final VBox detail = new VBox(6);
    private final VBox actions;
    private final Button rules;
    private final Timeline pump;

    AlertsView(MessageFlowViewModel root) {
        super(8);
        this.model = root.alerts();
        this.text = root.text();
        this.i18n = text.i18n();
        setId("messages-alerts");
        setPadding(new Insets(10, 12, 8, 12));

        CheckBox openOnly = new CheckBox(i18n.get("alerts.openOnly"));
        openOnly.setId("alerts-open-only");
        openOnly.selectedProperty().bindBidirectional(model.openOnlyProperty());
        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setId("alerts-refresh");
        refresh.setOnAction(e -> model.load());
        Label count = new Label();
        count.setId("alerts-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.alerts().items().isEmpty() ? ""
                : i18n.get("alerts.count", model.alerts().items().stream().filter(a -> a.state().active()).count(),
                model.alerts().items().size()), model.alerts().items()));
        rules = Views.button(i18n.get("alerts.editRules"), AppIcon.RULE);
        rules.setId("alerts-edit-rules");
        rules.setOnAction(e -> model.openRules());
        FlowPane bar = Views.bar(openOnly, refresh, count, rules);
        Label intro = Views.label(i18n.get("alerts.intro"), "text-muted");
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);

        table.setId("alerts-table");
        table.setItems(model.alerts().items());
        Views.dense(table);
        table.getColumns().setAll(List.of(
                Cells.text(i18n.get("alerts.column.state"), 110, a -> AlertWords.state(a.state(), i18n)),
                Cells.text(i18n.get("alerts.column.concerns"), 260, a -> AlertWords.subject(a.subject(), i18n)),
                Cells.text(i18n.get("alerts.column.rule"), 160, a -> a.ruleName() == null ? "" : a.ruleName(),
                        a -> AlertWords.kind(a.ruleKind(), i18n)),
                Cells.text(text.withZone(i18n.get("alerts.column.opened")), 130, a -> text.time(a.openedAt()),
                        a -> text.dateTime(a.openedAt())),
                Cells.text(i18n.get("alerts.column.evidence"), 260, a -> AlertWords.evidence(a, i18n))));
        table.getColumns().forEach(c -> c.setSortable(false));
        io.spineconsole.ui.common.Cells.shareWidth(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Alert item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("resolved"),
                        !empty && item != null && !item.state().active());
                if (!empty && getIndex() >= getTableView().getItems().size() - 10) {
                    model.alerts().loadMore();
                }
            }
        });
        table.setPlaceholder(new Placeholder(model.alerts().status(), i18n.get("alerts.empty"), i18n));
        table.setAccessibleText(i18n.get("alerts.tableLabel"));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null || !model.alerts().items().contains(model.selectedProperty().get())) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
            showDetail(b);
        });

        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setId("alerts-detail");
        detail.setPadding(new Insets(8, 10, 8, 10));
        detail.getStyleClass().add("alert-detail");
        SplitPane split = new SplitPane(table, detailScroll);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        actions = actions();
        showDetail(null);

        getChildren().addAll(bar, intro, Views.errorRow(model.alerts().status(), model.alerts().items(), i18n), split);

        pump = new Timeline(new KeyFrame(PUMP_EVERY, e -> model.pump()));
        pump.setCycleCount(Timeline.INDEFINITE);
        connected();
    }

    /** The tab is shown (true) or left: follow the stream's alert changes only while it is. */
    void following(boolean shown) {
        if (shown) {
            model.startChanges();
            pump.play();
        } else {
            pump.stop();
            model.stopChanges();
        }
    }

    void dispose() {
        pump.stop();
    }

    /** Connected anew: the rules button for admins only. */
    void connected() {
        rules.setVisible(model.mayEditRules());
        rules.setManaged(rules.isVisible());
    }

    private void showDetail(Alert a) {
        detail.getChildren().clear();
        if (a == null) {
            detail.getChildren().add(Views.label(i18n.get("alerts.chooseOne"), "text-muted"));
            return;
        }
        Label title = Views.label(AlertWords.headline(a, i18n), "detail-title");
        title.setId("alert-title");
        title.setWrapText(true);
        Label state = Views.label(AlertWords.state(a.state(), i18n), "status-badge", "alert-state-" + a.state().code());
        state.setId("alert-state");
        detail.getChildren().addAll(title, state,
                line(i18n.get("alerts.detail.kind", AlertWords.kind(a.ruleKind(), i18n))),
                line(i18n.get("alerts.detail.opened", text.dateTime(a.openedAt()))),
                line(i18n.get("alerts.detail.updated", text.dateTime(a.updatedAt()))));
        for (var e : a.evidence()) {
            detail.getChildren().add(line(i18n.get("alerts.detail.evidence", AlertWords.evidence(e, i18n))));
        }
        if (a.acknowledged() != null) {
            detail.getChildren().add(acknowledged(a.acknowledged()));
        }
        if (a.snoozed() != null && a.snoozedUntil() != null) {
            detail.getChildren().add(line(i18n.get("alerts.detail.snoozedUntil", i18n.get("alerts.detail.snoozedBy",
                    text.dateTime(a.snoozedUntil()), a.snoozed().by()))));
        }
        if (a.resolvedAt() != null) {
            detail.getChildren().add(line(i18n.get("alerts.detail.resolved", text.dateTime(a.resolvedAt()))));
        }
        if (AlertsViewModel.aboutReceiver(a)) {
            detail.getChildren().add(Views.bar(
                    withId(Views.link(i18n.get("alerts.link.health"), model::openHealth), "alert-open-health"),
                    withId(Views.link(i18n.get("alerts.link.failures"), model::openFailures), "alert-open-failures")));
        } else if (a.subject().kind() == AlertSubjectKind.COMPONENT) {
            detail.getChildren().add(withId(Views.link(i18n.get("alerts.link.component"), model::openComponent),
                    "alert-open-component"));
        }
        detail.getChildren().add(actions);
    }

    /** The note, the snooze length and the two actions, off with the reason when the person may not. */
    private VBox actions() {
        TextArea note = new TextArea();
        note.setId("alert-note");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        note.setPromptText(i18n.get("alerts.notePrompt"));
        VBox noteField = Views.field(i18n.get("alerts.note"), note, model.note(), 320);
        ComboBox<java.time.Duration> snoozeFor = new ComboBox<>();
        snoozeFor.setId("alert-snooze-for");
        snoozeFor.getItems().setAll(AlertsViewModel.SNOOZES);
        snoozeFor.valueProperty().bindBidirectional(model.snoozeForProperty());
        snoozeFor.setCellFactory(l -> snoozeCell());
        snoozeFor.setButtonCell(snoozeCell());
        snoozeFor.setAccessibleText(i18n.get("alerts.snoozeFor"));
        var off = model.whyNotProperty().isNotEmpty();
        Button ack = Views.button(i18n.get("alerts.acknowledge"), AppIcon.ACKNOWLEDGE);
        ack.setId("alert-acknowledge");
        ack.disableProperty().bind(off);
        ack.setOnAction(e -> model.acknowledge());
        Button snooze = Views.button(i18n.get("alerts.snooze"), AppIcon.SNOOZE);
        snooze.setId("alert-snooze");
        snooze.disableProperty().bind(off);
        snooze.setOnAction(e -> model.snooze());
        note.disableProperty().bind(off);
        snoozeFor.disableProperty().bind(off);
        Label why = Views.bound(model.whyNotProperty(), "text-muted");
        why.setId("alert-why-not");
        why.setWrapText(true);
        why.managedProperty().bind(why.visibleProperty());
        why.visibleProperty().bind(off);
        Label done = Views.bound(model.noticeProperty(), "notice-text");
        done.setId("alert-notice");
        done.setWrapText(true);
        Label error = Views.bound(model.actionErrorProperty(), "error-text");
        error.setId("alert-error");
        error.setWrapText(true);
        Label snoozeLabel = new Label(i18n.get("alerts.snoozeFor"));
        snoozeLabel.setLabelFor(snoozeFor);
        VBox box = new VBox(6, noteField, Views.bar(ack, snoozeLabel, snoozeFor, snooze), why, done, error);
        box.getStyleClass().add("alert-actions");
        return box;
    }

    private ListCell<java.time.Duration> snoozeCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(java.time.Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : i18n.get("alerts.snoozeLength", text.duration(d),
                        text.time(model.clock().instant().plus(d), d)));
            }
        };
    }

    private static Label line(String words) {
        Label l = new Label(words);
        l.setWrapText(true);
        return l;
    }

    private Label acknowledged(AlertAction a) {
        String note = a.note() == null || a.note().isBlank() ? "" : i18n.get("alerts.detail.note", a.note());
        Label l = line(i18n.get("alerts.detail.acknowledged", i18n.get("alerts.detail.byAt", a.by(),
                text.dateTime(a.at())) + note));
        l.setId("alert-acknowledged");
        return l;
    }

    private static <N extends javafx.scene.Node> N withId(N node, String id) {
        node.setId(id);
        return node;
    }

    TableView<Alert> table() {
        return table;
    }
}
