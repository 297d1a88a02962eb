package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterGroup;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/** Dead letters with their reasons: open one, or redeliver the ones chosen as a job. */
final class DeadLettersView extends VBox {
    private final TableView<DeadLetter> table = new TableView<>();
    private final TableView<DeadLetterGroup> groupTable = new TableView<>();

    DeadLettersView(MessageFlowViewModel root, Consumer<List<DeadLetter>> redeliver) {
        super(8);
        DeadLettersViewModel model = root.deadLetters();
        MessageText text = root.text();
        I18n i18n = text.i18n();
        setId("messages-dead-letters");
        setPadding(new Insets(10, 12, 8, 12));

        ComboBox<TimeRange> window = Views.windowChoice("messages-dead-letters-window", DeadLettersViewModel.WINDOWS,
                model.windowProperty(), model::load, text);
        ComboBox<DeadLettersViewModel.Show> show = new ComboBox<>();
        show.setId("messages-dead-letters-show");
        show.getItems().setAll(DeadLettersViewModel.Show.values());
        show.valueProperty().bindBidirectional(model.showProperty());
        show.setCellFactory(l -> showCell(i18n));
        show.setButtonCell(showCell(i18n));
        show.setAccessibleText(i18n.get("messages.deadLetters.show"));
        show.valueProperty().addListener((o, a, b) -> model.load());
        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setOnAction(e -> model.load());
        Label windowLabel = new Label(i18n.get("messages.failures.window"));
        windowLabel.setLabelFor(window);
        Label showLabel = new Label(i18n.get("messages.deadLetters.show"));
        showLabel.setLabelFor(show);
        Label count = new Label();
        count.setId("messages-dead-letters-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.letters().items().isEmpty() ? ""
                : i18n.get(model.letters().totalIsExactProperty().get() ? "messages.deadLetters.countExact"
                        : "messages.deadLetters.countAbout", text.count(model.letters().approximateTotalProperty().get())),
                model.letters().items(), model.letters().approximateTotalProperty()));
        Views.noShrink(windowLabel, window, showLabel, show);
        CheckBox byReason = new CheckBox(i18n.get("messages.deadLetters.groupByReason"));
        byReason.setId("messages-dead-letters-group");
        byReason.selectedProperty().bindBidirectional(model.groupedProperty());
        Views.noShrink(byReason);
        javafx.scene.layout.FlowPane bar = Views.bar(windowLabel, window, showLabel, show, byReason, refresh, count);

        Button open = Views.button(i18n.get("messages.action.open"), AppIcon.OPEN);
        open.setId("messages-dead-letters-open");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> root.openMessage(table.getSelectionModel().getSelectedItem().message().messageId()));
        Button redeliverSelected = new Button();
        redeliverSelected.setId("messages-dead-letters-redeliver");
        redeliverSelected.setGraphic(io.spineconsole.ui.common.Icons.of(AppIcon.REDELIVER));
        redeliverSelected.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.redeliver.selected",
                table.getSelectionModel().getSelectedItems().size()), table.getSelectionModel().getSelectedItems()));
        redeliverSelected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())
                .or(root.jobs().mayRunProperty().not()));
        redeliverSelected.setOnAction(e -> redeliver.accept(List.copyOf(table.getSelectionModel().getSelectedItems())));
        Button discardSelected = new Button();
        discardSelected.setId("messages-dead-letters-discard");
        discardSelected.textProperty().bind(Bindings.createStringBinding(() -> i18n.get(
                "messages.deadLetters.discardSelected", table.getSelectionModel().getSelectedItems().size()),
                table.getSelectionModel().getSelectedItems()));
        discardSelected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems())
                .or(model.busyProperty()));
        discardSelected.setOnAction(e -> {
            List<DeadLetter> chosen = List.copyOf(table.getSelectionModel().getSelectedItems());
            ConfirmDialog.ask(getScene().getWindow(), model.discardConfirmation(chosen), i18n)
                    .ifPresent(reason -> model.discard(chosen, reason));
        });
        Button discardGroup = new Button(i18n.get("messages.deadLetters.discardGroup"));
        discardGroup.setId("messages-dead-letters-discard-group");
        discardGroup.disableProperty().bind(groupTable.getSelectionModel().selectedItemProperty().isNull()
                .or(model.busyProperty()));
        discardGroup.setOnAction(e -> {
            DeadLetterGroup group = groupTable.getSelectionModel().getSelectedItem();
            ConfirmDialog.ask(getScene().getWindow(), model.discardConfirmation(group), i18n)
                    .ifPresent(reason -> model.discardGroup(group, reason));
        });
        // Operators only; the selection's button with the list, the group's with the groups.
        discardSelected.visibleProperty().bind(model.mayDiscardProperty().and(model.groupedProperty().not()));
        discardGroup.visibleProperty().bind(model.mayDiscardProperty().and(model.groupedProperty()));
        for (Button b : List.of(discardSelected, discardGroup)) {
            b.setGraphic(io.spineconsole.ui.common.Icons.of(AppIcon.DELETE));
            b.managedProperty().bind(b.visibleProperty());
        }
        javafx.scene.layout.FlowPane actions = Views.bar(open, redeliverSelected, discardSelected, discardGroup,
                Views.bound(model.noticeProperty(), "notice-text"), Views.bound(model.errorProperty(), "error-text"));

        table.setId("messages-dead-letters-table");
        table.setItems(model.letters().items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Views.dense(table);
        TableColumn<DeadLetter, String> at = Cells.text(i18n.get("messages.deadLetters.at"), 165,
                d -> text.time(d.deadLetteredAt(), model.windowProperty().get().length()),
                d -> text.dateTime(d.deadLetteredAt()));
        MessageColumns.zoned(table, at, i18n.get("messages.deadLetters.at"), text);
        at.setMinWidth(165);
        table.getColumns().setAll(List.of(at,
                Cells.text(i18n.get("messages.deadLetters.reason"), 250, d -> text.errorWithCode(d.reasonCode()),
                        d -> text.errorWhat(d.reasonCode()) + "\n" + i18n.get("messages.error.nextStep",
                                text.errorNext(d.reasonCode())) + "\n" + MessageColumns.nz(d.reasonDescription())),
                Cells.text(i18n.get("messages.column.to"), 200, d -> MessageColumns.party(d.message().to(), i18n),
                        d -> MessageColumns.partyDetail(text, d.message().to())),
                Cells.text(i18n.get("messages.column.from"), 200, d -> MessageColumns.party(d.message().from(), i18n),
                        d -> MessageColumns.partyDetail(text, d.message().from())),
                Cells.text(i18n.get("messages.column.interaction"), 220, d -> text.interaction(d.message().interaction()),
                        d -> d.message().interaction()),
                Cells.text(i18n.get("messages.column.attempts"), 80, d -> String.valueOf(d.message().attempts())),
                Cells.text(i18n.get("messages.deadLetters.redeliveredAs"), 125, d -> d.redeliveredAs() == null
                        ? i18n.get("messages.deadLetters.notYet")
                        : d.redeliveredAs().toString().toUpperCase(Locale.ROOT).substring(0, 8) + "…",
                        d -> d.redeliveredAs() == null ? null : d.redeliveredAs().toString().toUpperCase(Locale.ROOT))));
        text.titlesProperty().addListener((o, a, b) -> table.refresh());
        // The columns share the width (none is pushed out of view); a cell too narrow shows its text in a tooltip.
        Cells.shareWidth(table);
        table.getColumns().forEach(c -> c.setSortable(false));
        table.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                        root.openMessage(getItem().message().messageId());
                    }
                });
            }

            @Override
            protected void updateItem(DeadLetter item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= getTableView().getItems().size() - 20) {
                    model.letters().loadMore();
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                root.openMessage(table.getSelectionModel().getSelectedItem().message().messageId());
            }
        });
        table.setPlaceholder(new Placeholder(model.letters().status(), i18n.get("messages.deadLetters.empty"), i18n));
        table.setAccessibleText(i18n.get("messages.deadLetters.tableLabel"));
        VBox.setVgrow(table, Priority.ALWAYS);
        groups(model, text);
        table.visibleProperty().bind(model.groupedProperty().not());
        table.managedProperty().bind(table.visibleProperty());
        groupTable.visibleProperty().bind(model.groupedProperty());
        groupTable.managedProperty().bind(groupTable.visibleProperty());
        for (Button listOnly : List.of(open, redeliverSelected)) {
            listOnly.visibleProperty().bind(model.groupedProperty().not());
            listOnly.managedProperty().bind(listOnly.visibleProperty());
        }
        getChildren().addAll(bar, Views.errorRow(model.letters().status(), model.letters().items(), i18n), actions, table,
                groupTable);
    }

    /** The groups table: one row per reason, with how many, the newest and the oldest. */
    private void groups(DeadLettersViewModel model, MessageText text) {
        I18n i18n = text.i18n();
        groupTable.setId("messages-dead-letters-groups");
        groupTable.setItems(model.groups());
        Views.dense(groupTable);
        TableColumn<DeadLetterGroup, String> newest = Cells.text(i18n.get("messages.deadLetters.newest"), 165,
                g -> text.time(g.newest(), model.windowProperty().get().length()), g -> text.dateTime(g.newest()));
        TableColumn<DeadLetterGroup, String> oldest = Cells.text(i18n.get("messages.deadLetters.oldest"), 165,
                g -> text.time(g.oldest(), model.windowProperty().get().length()), g -> text.dateTime(g.oldest()));
        MessageColumns.zoned(groupTable, newest, i18n.get("messages.deadLetters.newest"), text);
        MessageColumns.zoned(groupTable, oldest, i18n.get("messages.deadLetters.oldest"), text);
        groupTable.getColumns().setAll(List.of(
                Cells.text(i18n.get("messages.deadLetters.reason"), 220, g -> text.errorWithCode(g.reasonCode()),
                        g -> text.errorWhat(g.reasonCode()) + "\n" + i18n.get("messages.error.nextStep",
                                text.errorNext(g.reasonCode()))),
                Cells.text(i18n.get("messages.deadLetters.cause"), 300, DeadLetterGroup::cause,
                        DeadLetterGroup::sampleDescription),
                Cells.text(i18n.get("messages.deadLetters.groupCount"), 110, g -> text.count(g.count())), newest, oldest));
        Cells.shareWidth(groupTable);
        groupTable.setPlaceholder(new Label(i18n.get("messages.deadLetters.groupsEmpty")));
        groupTable.setAccessibleText(i18n.get("messages.deadLetters.groupsLabel"));
        VBox.setVgrow(groupTable, Priority.ALWAYS);
    }

    private static ListCell<DeadLettersViewModel.Show> showCell(I18n i18n) {
        return new ListCell<>() {
            @Override
            protected void updateItem(DeadLettersViewModel.Show s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : switch (s) {
                    case WAITING -> i18n.get("messages.deadLetters.waiting");
                    case REDELIVERED -> i18n.get("messages.deadLetters.redelivered");
                    case ALL -> i18n.get("messages.deadLetters.all");
                });
            }
        };
    }

    private static TableColumn<DeadLetter, String> col(String title, double width, Function<DeadLetter, String> value) {
        TableColumn<DeadLetter, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    TableView<DeadLetter> table() {
        return table;
    }

    TableView<DeadLetterGroup> groupTable() {
        return groupTable;
    }
}
