package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.kordamp.ikonli.javafx.FontIcon;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The columns every message table shares (search results, live tail): received, status (icon and
 * words), interaction, from, to, site, attempts, latency, error, message id. Rows of any type, given
 * how to read a row's message as an observable value, so a live row updates its cells in place.
 */
final class MessageColumns {
    static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private MessageColumns() {
    }

    /**
     * Adds the columns to {@code table}; none sorts (the order is the server's, newest first). Times are
     * in the zone the user chose, named once in the header ("Received (GMT)"), with the day whenever
     * {@code window} (how far back the rows can reach) is more than today, and to the millisecond when
     * {@code millis} (where order matters: the live tail). A switch of zone redraws them.
     */
    static <T> void install(TableView<T> table, Function<T, ObservableValue<MessageSummary>> message, MessageText text,
                            Supplier<Duration> window, boolean millis) {
        var i18n = text.i18n();
        // The time is what a row is read by: its column keeps room for the whole of it ("Mon 7 Dec 01:37:12").
        TableColumn<T, MessageSummary> received = column(i18n.get("messages.column.received"), millis ? 185 : 160,
                message, m -> millis ? text.timeMillis(m.receivedAt(), window.get()) : text.time(m.receivedAt(), window.get()),
                m -> text.dateTime(m.receivedAt()));
        received.setMinWidth(received.getPrefWidth());
        zoned(table, received, i18n.get("messages.column.received"), text);
        List<TableColumn<T, MessageSummary>> columns = List.of(received,
                statusColumn(i18n.get("messages.column.status"), message, text),
                column(i18n.get("messages.column.interaction"), 200, message,
                        m -> text.interaction(m.interaction()), MessageSummary::interaction),
                column(i18n.get("messages.column.from"), 190, message, m -> party(m.from(), i18n), m -> partyDetail(text, m.from())),
                column(i18n.get("messages.column.to"), 190, message, m -> party(m.to(), i18n), m -> partyDetail(text, m.to())),
                column(i18n.get("messages.column.site"), 110, message, m -> nz(m.site()), m -> nz(m.site())),
                column(i18n.get("messages.column.attempts"), 90, message, m -> String.valueOf(m.attempts()),
                        m -> String.valueOf(m.attempts())),
                column(i18n.get("messages.column.latency"), 80, message, m -> text.latency(m.latencyMs()),
                        m -> text.latency(m.latencyMs())),
                column(i18n.get("messages.column.error"), 220, message, m -> text.errorWithCode(m.lastErrorCode()),
                        m -> m.lastErrorCode() == null ? "" : text.errorWhat(m.lastErrorCode()) + "\n"
                                + i18n.get("messages.error.nextStep", text.errorNext(m.lastErrorCode()))
                                + (m.lastErrorDescription() == null ? "" : "\n" + m.lastErrorDescription())),
                column(i18n.get("messages.column.messageId"), 315, message, MessageSummary::displayId,
                        MessageSummary::displayId));
        table.getColumns().setAll(columns);
        // The id is a row's menu away (and the row opens the message): its column waits in the table's menu.
        columns.get(columns.size() - 1).setVisible(false);
        io.spineconsole.ui.common.Cells.shareWidth(table);
        text.titlesProperty().addListener((o, a, b) -> table.refresh());
        table.setTableMenuButtonVisible(true);
        table.getColumns().forEach(c -> c.setSortable(false));
    }

    /**
     * Rows that open on double-click or Enter, that mark failed messages (besides the status words),
     * and that ask for the next page when the table is scrolled near its end.
     */
    static <T> void rows(TableView<T> table, Function<T, MessageSummary> message, Consumer<T> open, Runnable nearEnd) {
        table.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                        open.accept(getItem());
                    }
                });
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                MessageSummary m = empty || item == null ? null : message.apply(item);
                pseudoClassStateChanged(FAILED, m != null && io.spineconsole.domain.messages.MessageStatuses.isFailed(m.status()));
                if (nearEnd != null && !empty && getIndex() >= getTableView().getItems().size() - 20) {
                    nearEnd.run();
                }
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /**
     * Names the zone in a time column's header ("Received (BST)") and redraws the table when the user
     * switches between UK time and UTC.
     */
    static void zoned(TableView<?> table, TableColumn<?, ?> column, String caption, MessageText text) {
        column.textProperty().bind(Bindings.createStringBinding(() -> text.withZone(caption),
                text.times().zoneProperty()));
        text.times().zoneProperty().addListener((o, a, b) -> table.refresh());
    }

    private static <T> TableColumn<T, MessageSummary> column(String title, double width,
                                                           Function<T, ObservableValue<MessageSummary>> message,
                                                           Function<MessageSummary, String> value,
                                                           Function<MessageSummary, String> tip) {
        TableColumn<T, MessageSummary> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> message.apply(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(MessageSummary m, boolean empty) {
                super.updateItem(m, empty);
                String shown = empty || m == null ? null : value.apply(m);
                if (!java.util.Objects.equals(shown, getText())) {
                    setText(shown);
                }
                String t = shown == null ? null : tip.apply(m);
                if (t == null || t.isEmpty()) {
                    if (getTooltip() != null) {
                        setTooltip(null);
                    }
                } else {
                    tooltip.setText(t);
                    if (getTooltip() != tooltip) {
                        setTooltip(tooltip);
                    }
                }
            }
        });
        return c;
    }

    private static <T> TableColumn<T, MessageSummary> statusColumn(String title,
                                                                 Function<T, ObservableValue<MessageSummary>> message,
                                                                 MessageText text) {
        TableColumn<T, MessageSummary> c = new TableColumn<>(title);
        c.setPrefWidth(185); // "Transmission failed" in bold with its icon
        c.setCellValueFactory(d -> message.apply(d.getValue()));
        c.setCellFactory(col -> new StatusCell<>(text));
        return c;
    }

    /**
     * A status as an icon and words (never by colour alone). The cell keeps one icon and marks its kind
     * with a pseudo-class: a live table reuses its cells several times a second, and a new node or a
     * changed style class would send the cell through CSS again each time.
     */
    static final class StatusCell<T> extends TableCell<T, MessageSummary> {
        private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
        private static final PseudoClass BAD = PseudoClass.getPseudoClass("failed");
        private static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
        private static final PseudoClass MOVING = PseudoClass.getPseudoClass("moving");
        private final MessageText text;
        private final FontIcon icon = Icons.of(AppIcon.STATUS_MOVING);
        private final Tooltip tooltip = new Tooltip();
        private MessageStatus shown;

        StatusCell(MessageText text) {
            this.text = text;
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(MessageSummary m, boolean empty) {
            super.updateItem(m, empty);
            MessageStatus s = empty || m == null ? null : m.status();
            if (s == shown) {
                return;
            }
            shown = s;
            if (s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                pseudo(null);
                return;
            }
            setText(text.status(s));
            tooltip.setText(text.status(s));
            if (getTooltip() != tooltip) {
                setTooltip(tooltip);
            }
            icon.setIconCode(MessageText.statusIcon(s).ikon());
            if (getGraphic() != icon) {
                setGraphic(icon);
            }
            pseudo(MessageText.statusStyle(s));
        }

        private void pseudo(String style) {
            pseudoClassStateChanged(OK, "status-ok".equals(style));
            pseudoClassStateChanged(BAD, "status-failed".equals(style));
            pseudoClassStateChanged(WAITING, "status-waiting".equals(style));
            pseudoClassStateChanged(MOVING, "status-moving".equals(style));
        }
    }

    /** A party as a person reads it: "Leeds Teaching Hospitals · RR8-0000123" (the name when known), or its codes. */
    static String party(MessageParty p, I18n i18n) {
        if (p == null) {
            return "";
        }
        String code = p.partyKey() != null ? p.partyKey() : p.odsCode() != null ? p.odsCode() : nz(p.asid());
        return p.name() == null || p.name().isBlank() ? code : i18n.get("messages.party.named", p.name(), code);
    }

    static String partyDetail(MessageText text, MessageParty p) {
        if (p == null) {
            return "";
        }
        I18n i18n = text.i18n();
        return p.name() == null || p.name().isBlank()
                ? i18n.get("messages.party.detail", dash(p.odsCode()), dash(p.asid()), dash(p.partyKey()))
                : i18n.get("messages.party.detailNamed", dash(p.odsCode()), dash(p.asid()), dash(p.partyKey()), p.name());
    }

    static String dash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
