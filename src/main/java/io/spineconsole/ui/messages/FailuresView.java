package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Failures grouped by error signature, largest first: what failed, how often, since when, and for
 * each group its messages, the registration that causes it, and a redelivery once it is fixed.
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
        refresh.setOnAction(e -> model.load());
        Label intro = Views.label(i18n.get("messages.failures.intro"), "text-muted");
        intro.setWrapText(true);
        HBox.setHgrow(intro, Priority.ALWAYS);
        Label windowLabel = new Label(i18n.get("messages.failures.window"));
        windowLabel.setLabelFor(window);
        Views.noShrink(windowLabel, window);
        HBox bar = new HBox(8, windowLabel, window, refresh, intro);
        bar.setAlignment(Pos.CENTER_LEFT);

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
        HBox actions = new HBox(8, messages, registration, redeliverGroup, hint);
        actions.setAlignment(Pos.CENTER_LEFT);

        table.setId("messages-failures-table");
        table.setItems(model.groups().items());
        Views.dense(table);
        table.getColumns().setAll(java.util.List.of(
                col(i18n.get("messages.failures.count"), 62, g -> text.count(g.count())),
                statusCol(i18n.get("messages.column.status"), text),
                col(i18n.get("messages.failures.code"), 150, g -> MessageColumns.nz(g.code())),
                col(i18n.get("messages.column.interaction"), 170, g -> MessageText.shortInteraction(g.interaction())),
                col(i18n.get("messages.failures.recipient"), 135, g -> g.partyKey() != null ? g.partyKey()
                        : g.odsCode() != null ? g.odsCode() : i18n.get("messages.failures.unregistered")),
                col(i18n.get("messages.failures.firstSeen"), 120, g -> text.time(g.firstSeen())),
                col(i18n.get("messages.failures.lastSeen"), 120, g -> text.time(g.lastSeen())),
                col(i18n.get("messages.failures.description"), 300, g -> MessageColumns.nz(g.description()))));
        // The description takes what is left; the short columns keep their width.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.fixedWidths(table);
        table.getColumns().forEach(c -> c.setSortable(false));
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
        getChildren().addAll(bar, Views.errorRow(model.groups().status(), model.groups().items(), i18n), actions, table);
    }

    private static TableColumn<FailureGroup, String> col(String title, double width, Function<FailureGroup, String> value) {
        TableColumn<FailureGroup, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<FailureGroup, FailureGroup> statusCol(String title, MessageText text) {
        TableColumn<FailureGroup, FailureGroup> c = new TableColumn<>(title);
        c.setPrefWidth(170);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(FailureGroup g, boolean empty) {
                super.updateItem(g, empty);
                getStyleClass().removeAll("status-ok", "status-failed", "status-waiting", "status-moving");
                if (empty || g == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(text.status(g.status()));
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
