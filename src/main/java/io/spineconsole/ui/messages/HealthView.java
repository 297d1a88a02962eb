package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.CertificateState;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Endpoint health on screen: one row per receiver (or organisation), worst first, with a sparkline
 * of what it received and what failed. Double-clicking a figure opens the messages behind it in the
 * search; Enter, or a click on the name, opens its failures (or its backlog, or what it received).
 */
final class HealthView extends VBox {
    private final TableView<EndpointHealth> table = new TableView<>();
    private final HealthViewModel model;

    HealthView(MessageFlowViewModel root) {
        super(8);
        this.model = root.health();
        MessageText text = root.text();
        I18n i18n = text.i18n();
        setId("messages-health");
        setPadding(new Insets(10, 12, 8, 12));

        ComboBox<TimeRange> window = Views.windowChoice("messages-health-window", HealthViewModel.WINDOWS,
                model.windowProperty(), () -> { }, text);
        Label windowLabel = new Label(i18n.get("messages.health.window"));
        windowLabel.setLabelFor(window);
        ComboBox<HealthGroup> group = choice("messages-health-group", HealthGroup.values(), model.groupByProperty(),
                g -> i18n.get("messages.health.group." + g.code()), i18n.get("messages.health.groupLabel"));
        ComboBox<HealthSort> sort = choice("messages-health-sort", HealthSort.values(), model.sortProperty(),
                s -> i18n.get("messages.health.sort." + s.code()), i18n.get("messages.health.sortLabel"));
        Label sortLabel = new Label(i18n.get("messages.health.sortLabel"));
        sortLabel.setLabelFor(sort);
        CheckBox reverse = new CheckBox(i18n.get("messages.health.reverse"));
        reverse.setId("messages-health-reverse");
        reverse.selectedProperty().bindBidirectional(model.reverseProperty());
        CheckBox failing = new CheckBox(i18n.get("messages.health.failingOnly"));
        failing.setId("messages-health-failing");
        failing.selectedProperty().bindBidirectional(model.failingOnlyProperty());
        TextField filter = new TextField();
        filter.setId("messages-health-filter");
        filter.setPromptText(i18n.get("messages.health.filterPrompt"));
        filter.setAccessibleText(i18n.get("messages.health.filterPrompt"));
        filter.setPrefColumnCount(18);
        filter.textProperty().bindBidirectional(model.filterProperty());
        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setId("messages-health-refresh");
        refresh.setOnAction(e -> model.load());
        Label count = new Label();
        count.setId("messages-health-count");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.rows().items().isEmpty()
                        || model.fromProperty().get() == null ? ""
                        : i18n.get("messages.health.count", text.count(model.rows().approximateTotalProperty().get()),
                        text.time(model.fromProperty().get())),
                model.rows().items(), model.rows().approximateTotalProperty(), model.fromProperty(),
                text.times().zoneProperty()));
        FlowPane bar = Views.bar(windowLabel, window, group, sortLabel, sort, reverse, failing, filter, refresh, count);
        Label intro = Views.label(i18n.get("messages.health.intro"), "text-muted");
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);

        var selected = table.getSelectionModel().selectedItemProperty();
        Button failures = Views.button(i18n.get("messages.health.showFailures"), AppIcon.STATUS_FAILED);
        failures.setId("messages-health-show-failures");
        failures.disableProperty().bind(selected.isNull());
        failures.setOnAction(e -> model.drill(selected.get(), HealthViewModel.Figure.FAILED));
        Button messages = Views.button(i18n.get("messages.failures.showMessages"), AppIcon.SEARCH);
        messages.setId("messages-health-show-messages");
        messages.disableProperty().bind(selected.isNull());
        messages.setOnAction(e -> model.drill(selected.get(), HealthViewModel.Figure.RECEIVED));
        FlowPane actions = Views.bar(failures, messages, Views.label(i18n.get("messages.health.hint"), "text-muted"));

        table.setId("messages-health-table");
        table.setItems(model.rows().items());
        Views.dense(table);
        List<TableColumn<EndpointHealth, ?>> columns = new ArrayList<>();
        TableColumn<EndpointHealth, String> name = Cells.text(i18n.get("messages.health.receiver"), 200, h -> receiver(h, i18n),
                h -> receiver(h, i18n) + (h.fqdn() == null ? "" : "\n" + h.fqdn())
                        + (h.kind() == HealthGroup.ORGANISATION ? "\n" + i18n.get("messages.health.endpoints",
                        h.endpoints()) : ""));
        name.setMinWidth(150);
        columns.add(name);
        columns.add(sparkColumn(i18n));
        columns.add(figure(i18n.get("messages.health.received"), h -> text.count(h.received()), HealthViewModel.Figure.RECEIVED));
        columns.add(figure(i18n.get("messages.health.delivered"), h -> text.count(h.delivered()), HealthViewModel.Figure.DELIVERED));
        columns.add(figure(i18n.get("messages.health.failed"), h -> text.count(h.failed()), HealthViewModel.Figure.FAILED));
        TableColumn<EndpointHealth, String> rate = figure(i18n.get("messages.health.errorRate"),
                h -> h.received() == 0 ? "" : text.percent(h.errorRate()), HealthViewModel.Figure.FAILED);
        rate.setMinWidth(64);
        columns.add(rate);
        columns.add(figure(i18n.get("messages.health.retrying"), h -> text.count(h.retrying()), HealthViewModel.Figure.RETRYING));
        columns.add(figure(i18n.get("messages.health.deadLettered"), h -> text.count(h.deadLettered()),
                HealthViewModel.Figure.DEAD_LETTERED));
        columns.add(figure(i18n.get("messages.health.inFlight"), h -> text.count(h.inFlight()), HealthViewModel.Figure.IN_FLIGHT));
        columns.add(wide(figure(i18n.get("messages.health.oldestWaiting"), h -> ago(h.oldestWaiting(), text),
                HealthViewModel.Figure.IN_FLIGHT)));
        columns.add(figure(i18n.get("messages.health.p95"), h -> text.latency(h.p95Ms()), HealthViewModel.Figure.DELIVERED));
        columns.add(wide(figure(i18n.get("messages.health.lastSuccess"), h -> ago(h.lastSuccess(), text),
                HealthViewModel.Figure.DELIVERED)));
        columns.add(Cells.text(i18n.get("messages.health.certificate"), 88, h -> certificate(h, i18n),
                h -> h.certificateNotAfter() == null ? certificate(h, i18n)
                        : i18n.get("messages.health.certificateEnds", text.dateTime(h.certificateNotAfter()))));
        table.getColumns().setAll(columns);
        table.getColumns().forEach(c -> c.setSortable(false));
        fitWidth(table);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(EndpointHealth item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= getTableView().getItems().size() - 10) {
                    model.rows().loadMore();
                }
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !e.isConsumed()
                    && selected.get() != null && !(e.getTarget() instanceof javafx.scene.Node n && inFigure(n))) {
                model.drillWorst(selected.get());
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected.get() != null) {
                model.drillWorst(selected.get());
            }
        });
        table.setPlaceholder(new Placeholder(model.rows().status(), i18n.get("messages.health.empty"), i18n));
        table.setAccessibleText(i18n.get("messages.health.tableLabel"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(bar, intro, Views.errorRow(model.rows().status(), model.rows().items(), i18n), actions,
                table);
    }

    private static <E> ComboBox<E> choice(String id, E[] values, javafx.beans.property.ObjectProperty<E> value,
                                          Function<E, String> words, String accessible) {
        ComboBox<E> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(value);
        box.setCellFactory(l -> cell(words));
        box.setButtonCell(cell(words));
        box.setAccessibleText(accessible);
        return box;
    }

    private static <E> ListCell<E> cell(Function<E, String> words) {
        return new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : words.apply(item));
            }
        };
    }

    /** A column of one figure: double-clicking it opens the messages behind it. */
    private TableColumn<EndpointHealth, String> figure(String title, Function<EndpointHealth, String> value,
                                                      HealthViewModel.Figure figure) {
        TableColumn<EndpointHealth, String> c = new TableColumn<>(title);
        c.setPrefWidth(60);
        c.setUserData(figure);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setCellFactory(col -> new Cells.TextCell<>(null) {
            {
                getStyleClass().add("health-figure");
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getTableRow() != null
                            && getTableRow().getItem() != null) {
                        model.drill(getTableRow().getItem(), figure);
                    }
                });
            }
        });
        return c;
    }

    /** A column of how long since ("3 h 37 m"), wider than a count's. */
    private static TableColumn<EndpointHealth, String> wide(TableColumn<EndpointHealth, String> c) {
        c.setPrefWidth(84);
        c.setMinWidth(80);
        return c;
    }

    /** The sparkline: what the row received per bucket over the window, and what failed under it. */
    private static TableColumn<EndpointHealth, EndpointHealth> sparkColumn(I18n i18n) {
        TableColumn<EndpointHealth, EndpointHealth> c = new TableColumn<>(i18n.get("messages.health.trend"));
        c.setPrefWidth(Sparkline.WIDTH + 16);
        c.setMinWidth(Sparkline.WIDTH + 14);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Sparkline line = new Sparkline();

            @Override
            protected void updateItem(EndpointHealth h, boolean empty) {
                super.updateItem(h, empty);
                if (empty || h == null) {
                    setGraphic(null);
                    setTooltip(null);
                } else {
                    line.show(h.sparkReceived(), h.sparkFailed());
                    setGraphic(line);
                    setTooltip(new Tooltip(i18n.get("messages.health.trendTip")));
                }
            }
        });
        return c;
    }

    /** "Leeds Teaching Hospitals · RR8-0000123", or the organisation and its ODS code. */
    static String receiver(EndpointHealth h, I18n i18n) {
        String key = h.kind() == HealthGroup.ENDPOINT && h.partyKey() != null ? h.partyKey() : h.odsCode();
        return h.organisationName() == null || h.organisationName().isBlank() ? key
                : i18n.get("messages.party.named", h.organisationName(), key);
    }

    private static String ago(Instant at, MessageText text) {
        if (at == null) {
            return "";
        }
        Duration since = Duration.between(at, text.clock().instant());
        // To the minute past a minute: seconds only matter for the freshest.
        return text.duration(since.toMinutes() > 0 ? since.truncatedTo(java.time.temporal.ChronoUnit.MINUTES) : since);
    }

    private static String certificate(EndpointHealth h, I18n i18n) {
        CertificateState s = h.certificate();
        return i18n.get("messages.health.certificate." + s.code());
    }

    /**
     * Thirteen columns in the width of a laptop screen: the columns share the table's width, their titles
     * wrap onto two lines (app.css), and none gets narrower than the longest word of its title.
     */
    private static void fitWidth(TableView<?> table) {
        table.getStyleClass().add("health-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        for (TableColumn<?, ?> c : table.getColumns()) {
            double widest = 0;
            for (String word : c.getText().split(" ")) {
                // Titles are set at 12 px in this table (app.css); titleWidth measures 14 px and adds 36 of padding.
                widest = Math.max(widest, (Cells.titleWidth(word) - 36) * 12 / 14);
            }
            c.setMinWidth(Math.max(c.getMinWidth(), Math.max(widest + 18, 52)));
        }
    }

    /** Whether a click landed in a figure's cell (which drills by its own figure). */
    private static boolean inFigure(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("health-figure")) {
                return true;
            }
        }
        return false;
    }

    TableView<EndpointHealth> table() {
        return table;
    }
}
