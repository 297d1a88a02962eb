package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.InjectedBadge;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Failures grouped by recipient and cause, largest first: who is not getting their messages, why (in
 * words, with the code), how often and since when. The group chosen is explained under the table
 * with its next step, and leads to its messages, the registration to put right, and a redelivery
 * once it is fixed.
 */
final class FailuresView extends VBox {
    private final TableView<FailureGroup> table = new TableView<>();

    FailuresView(MessageFlowViewModel root, Consumer<FailureGroup> redeliver) {
        super(8);
        FailuresViewModel model = root.failures();
        MessageText text = root.text();
        I18n i18n = text.i18n();
        setId("messages-failures");
        setPadding(new Insets(10, 12, 8, 12));

        ComboBox<TimeRange> window = Views.windowChoice("messages-failures-window", FailuresViewModel.WINDOWS,
                model.windowProperty(), model::load, text);
        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setId("messages-failures-refresh");
        refresh.setOnAction(e -> model.load());
        Label windowLabel = new Label(i18n.get("messages.failures.window"));
        windowLabel.setLabelFor(window);
        Views.noShrink(windowLabel, window);
        Label count = new Label();
        count.setId("messages-failures-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.groups().items().isEmpty()
                        || model.loadedAtProperty().get() == null ? ""
                        : i18n.get("messages.failures.count.asOf", text.count(model.groups().approximateTotalProperty().get()),
                        text.time(model.loadedAtProperty().get())),
                model.groups().items(), model.groups().approximateTotalProperty(), model.loadedAtProperty(),
                text.times().zoneProperty()));
        Label intro = Views.label(i18n.get("messages.failures.intro"), "text-muted");
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);
        FlowPane bar = Views.bar(windowLabel, window, refresh, count);

        Button messages = Views.button(i18n.get("messages.failures.showMessages"), AppIcon.SEARCH);
        messages.setId("messages-failures-show");
        Button registration = Views.button(i18n.get("messages.failures.registration"), AppIcon.OPEN);
        registration.setId("messages-failures-registration");
        Button redeliverGroup = Views.button(i18n.get("messages.failures.redeliver"), AppIcon.REDELIVER);
        redeliverGroup.setId("messages-failures-redeliver");
        var selected = table.getSelectionModel().selectedItemProperty();
        messages.disableProperty().bind(selected.isNull());
        registration.disableProperty().bind(selected.isNull());
        redeliverGroup.disableProperty().bind(selected.isNull().or(root.jobs().mayRunProperty().not()));
        Consumer<FailureGroup> showMessages = g -> {
            root.search().searchSignature(g.signature(), model.windowProperty().get());
            root.show(MessageFlowViewModel.Tab.SEARCH);
        };
        messages.setOnAction(e -> showMessages.accept(selected.get()));
        registration.setOnAction(e -> RecordLinks.atFault(selected.get()).ifPresent(root::openLink));
        redeliverGroup.setOnAction(e -> redeliver.accept(selected.get()));
        Label hint = Views.label(i18n.get("messages.failures.hint"), "text-muted");
        FlowPane actions = Views.bar(messages, registration, redeliverGroup, hint);

        table.setId("messages-failures-table");
        table.setItems(model.groups().items());
        Views.dense(table);
        // The last time a group failed is read first; when it began is in the tooltip and the explanation below.
        TableColumn<FailureGroup, String> last = Cells.text(i18n.get("messages.failures.lastSeen"), 160,
                g -> text.time(g.lastSeen(), model.windowProperty().get().length()),
                g -> i18n.get("messages.failures.seen", text.dateTime(g.firstSeen()), text.dateTime(g.lastSeen())));
        MessageColumns.zoned(table, last, i18n.get("messages.failures.lastSeen"), text);
        last.setMinWidth(160);
        TableColumn<FailureGroup, FailureGroup> status = statusCol(i18n.get("messages.column.status"), text);
        table.getColumns().setAll(List.of(
                Cells.text(i18n.get("messages.failures.count"), 62, g -> text.count(g.count())),
                Cells.text(i18n.get("messages.failures.recipient"), 250, g -> recipient(g, i18n),
                        g -> MessageColumns.partyDetail(text, party(g))),
                causeCol(i18n.get("messages.failures.cause"), text),
                status,
                Cells.text(i18n.get("messages.failures.interactions"), 220, g -> g.interactions() > 1
                                ? i18n.get("messages.failures.manyInteractions", g.interactions() - 1,
                                text.interaction(g.interaction()))
                                : text.interaction(g.interaction()), FailureGroup::interaction),
                last));
        // The columns share the width (none is pushed out of view); a cell too narrow shows its text in a tooltip.
        Cells.shareWidth(table);
        table.getColumns().forEach(c -> c.setSortable(false));
        text.titlesProperty().addListener((o, a, b) -> table.refresh());
        table.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                        showMessages.accept(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(FailureGroup item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= getTableView().getItems().size() - 10) {
                    model.groups().loadMore();
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected.get() != null) {
                showMessages.accept(selected.get());
            }
        });
        table.setPlaceholder(new Placeholder(model.groups().status(), i18n.get("messages.failures.empty"), i18n));
        table.setAccessibleText(i18n.get("messages.failures.tableLabel"));
        VBox.setVgrow(table, Priority.ALWAYS);

        FailureExplanation explanation = new FailureExplanation(text);
        explanation.setId("messages-failures-explanation");
        selected.addListener((o, a, g) -> explain(explanation, g, root, text));
        getChildren().addAll(bar, intro, Views.errorRow(model.groups().status(), model.groups().items(), i18n), actions,
                table, explanation);
    }

    /** The chosen group's cause in words, its next step and the records to put it right. */
    private static void explain(FailureExplanation explanation, FailureGroup g, MessageFlowViewModel root, MessageText text) {
        if (g == null) {
            explanation.clear();
            return;
        }
        I18n i18n = text.i18n();
        List<Hyperlink> links = new ArrayList<>();
        RecordLinks.atFault(g).ifPresent(link -> links.add(Views.link(i18n.get("messages.failures.registration"),
                () -> root.openLink(link))));
        explanation.show(g.code(), List.of(i18n.get("messages.failures.explainCount", text.count(g.count()),
                recipient(g, i18n), text.dateTime(g.firstSeen()), text.dateTime(g.lastSeen()))), links);
        explanation.injected(injected(g, text));
    }

    /**
     * "Injected by scenario …" when a training scenario injected the group's messages (from the group's
     * {@code injected} field), "12 of 40 injected by scenario …" when only some; empty for real failures.
     */
    static String injected(FailureGroup g, MessageText text) {
        if (g.injected() == null) {
            return "";
        }
        I18n i18n = text.i18n();
        return g.allInjected() ? InjectedBadge.words(i18n, g.injected())
                : i18n.get("messages.injected.some", text.count(g.injectedCount()), text.count(g.count()), g.injected());
    }

    /** What went wrong in words, with an "Injected" badge before it for a group a training scenario injected. */
    private static TableColumn<FailureGroup, String> causeCol(String title, MessageText text) {
        I18n i18n = text.i18n();
        TableColumn<FailureGroup, String> c = Cells.text(title, 270, g -> text.errorWithCode(g.code()));
        c.setCellFactory(col -> new Cells.TextCell<>(g -> (g.injected() == null ? "" : injected(g, text) + "\n")
                + text.errorWhat(g.code()) + "\n" + i18n.get("messages.error.nextStep", text.errorNext(g.code()))) {
            private final Label badge = InjectedBadge.of(i18n.get("messages.injected.short"));

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                int i = getIndex();
                boolean injected = !empty && getTableView() != null && i >= 0 && i < getTableView().getItems().size()
                        && getTableView().getItems().get(i).injected() != null;
                setGraphic(injected ? badge : null);
            }
        });
        return c;
    }



    static io.spineconsole.domain.messages.MessageParty party(FailureGroup g) {
        return new io.spineconsole.domain.messages.MessageParty(g.odsCode(), g.asid(), g.partyKey(), g.recipientName());
    }

    /** "Leeds Teaching Hospitals · RR8-0000123", the party key alone, or that the address is not registered. */
    static String recipient(FailureGroup g, I18n i18n) {
        String key = g.partyKey() != null ? g.partyKey() : g.odsCode();
        if (key == null) {
            return i18n.get("messages.failures.unregistered");
        }
        return g.recipientName() == null || g.recipientName().isBlank() ? key
                : i18n.get("messages.party.named", g.recipientName(), key);
    }

    private static TableColumn<FailureGroup, FailureGroup> statusCol(String title, MessageText text) {
        TableColumn<FailureGroup, FailureGroup> c = new TableColumn<>(title);
        c.setPrefWidth(160);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(FailureGroup g, boolean empty) {
                super.updateItem(g, empty);
                getStyleClass().removeAll("status-ok", "status-failed", "status-waiting", "status-moving");
                if (empty || g == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    setText(text.status(g.status()));
                    setTooltip(new javafx.scene.control.Tooltip(text.status(g.status())));
                    setGraphic(Icons.of(MessageText.statusIcon(g.status())));
                    getStyleClass().add(MessageText.statusStyle(g.status()));
                }
            }
        });
        return c;
    }

    TableView<FailureGroup> table() {
        return table;
    }
}
