package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.StatsGroup;
import io.spineconsole.domain.messages.StatsKey;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Throughput, error rate and latency over time by interaction, endpoint or site, with the totals per
 * key: a key leads to its messages (and an endpoint to its registration).
 */
final class ChartsView extends VBox {
    private final ChartsViewModel model;
    private final MessageText text;
    private final I18n i18n;
    private final StackedAreaChart<Number, Number> throughput;
    private final LineChart<Number, Number> errors;
    private final LineChart<Number, Number> latency;
    private final TableView<StatsKey> keys = new TableView<>();

    ChartsView(MessageFlowViewModel root) {
        super(8);
        this.model = root.stats();
        this.text = root.text();
        this.i18n = text.i18n();
        setId("messages-charts");
        setPadding(new Insets(10, 12, 8, 12));

        ComboBox<StatsGroup> group = new ComboBox<>();
        group.setId("messages-charts-group");
        group.getItems().setAll(StatsGroup.values());
        group.valueProperty().bindBidirectional(model.groupProperty());
        group.setCellFactory(l -> groupCell());
        group.setButtonCell(groupCell());
        group.setAccessibleText(i18n.get("messages.charts.groupBy"));
        group.valueProperty().addListener((o, a, b) -> model.load());
        ComboBox<TimeRange> window = Views.windowChoice("messages-charts-window", ChartsViewModel.WINDOWS,
                model.windowProperty(), model::load, text);
        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setOnAction(e -> model.load());
        Label groupLabel = new Label(i18n.get("messages.charts.groupBy"));
        groupLabel.setLabelFor(group);
        Label windowLabel = new Label(i18n.get("messages.failures.window"));
        windowLabel.setLabelFor(window);
        Views.noShrink(groupLabel, group, windowLabel, window);
        javafx.scene.layout.FlowPane bar = Views.bar(groupLabel, group, windowLabel, window, refresh);

        throughput = new StackedAreaChart<>(timeAxis(), valueAxis(i18n.get("messages.charts.perSecond")));
        style(throughput, i18n.get("messages.charts.throughput"));
        // The totals table below is the legend of the first two charts (its swatches match their colours).
        throughput.setLegendVisible(false);
        throughput.setCreateSymbols(false);
        throughput.setId("messages-chart-throughput");
        errors = chart(i18n.get("messages.charts.errorRate"), i18n.get("messages.charts.percent"));
        errors.setLegendVisible(false);
        errors.setId("messages-chart-errors");
        latency = chart(i18n.get("messages.charts.latency"), i18n.get("messages.charts.ms"));
        latency.setId("messages-chart-latency");

        ComboBox<StatsKey> latencyKey = new ComboBox<>();
        latencyKey.setId("messages-charts-latency-key");
        latencyKey.setItems(model.keys());
        latencyKey.valueProperty().bindBidirectional(model.latencyKeyProperty());
        latencyKey.setCellFactory(l -> keyCell());
        latencyKey.setButtonCell(keyCell());
        latencyKey.setAccessibleText(i18n.get("messages.charts.latencyOf"));
        latencyKey.setMaxWidth(320);
        Label latencyLabel = new Label(i18n.get("messages.charts.latencyOf"));
        latencyLabel.setLabelFor(latencyKey);
        HBox latencyBar = new HBox(8, latencyLabel, latencyKey);
        latencyBar.setAlignment(Pos.CENTER_LEFT);
        VBox latencyBox = new VBox(4, latencyBar, latency);
        VBox.setVgrow(latency, Priority.ALWAYS);

        keys.setId("messages-charts-keys");
        keys.setItems(model.keys());
        Views.dense(keys);
        keys.getColumns().setAll(List.of(
                swatchCol(i18n.get("messages.charts.key")),
                col(i18n.get("messages.charts.messages"), 90, k -> text.count(k.count())),
                col(i18n.get("messages.charts.errors"), 70, k -> text.count(k.errors())),
                col(i18n.get("messages.charts.errorRateShort"), 100, k -> k.count() == 0 ? "—"
                        : text.percent((double) k.errors() / k.count()))));
        keys.getColumns().forEach(c -> c.setSortable(false));
        keys.setPlaceholder(new Placeholder(model.status(), i18n.get("messages.charts.empty"), i18n));
        keys.setAccessibleText(i18n.get("messages.charts.keysLabel"));
        Button searchKey = Views.button(i18n.get("messages.charts.search"), AppIcon.SEARCH);
        searchKey.setId("messages-charts-search");
        var selected = keys.getSelectionModel().selectedItemProperty();
        searchKey.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || selected.get().key().equals("other") || (model.groupProperty().get() == StatsGroup.ENDPOINT
                && ChartsViewModel.endpointOf(selected.get()).isEmpty()), selected, model.groupProperty()));
        searchKey.setOnAction(e -> {
            StatsKey k = selected.get();
            TimeRange w = model.windowProperty().get();
            switch (model.groupProperty().get()) {
                case INTERACTION -> root.search().searchInteraction(k.key(), w);
                case SITE -> root.search().searchSite(k.key(), w);
                case ENDPOINT -> ChartsViewModel.endpointOf(k).ifPresent(id -> root.search().searchEndpoint(id, w));
            }
            root.show(MessageFlowViewModel.Tab.SEARCH);
        });
        Button registration = Views.button(i18n.get("messages.charts.registration"), AppIcon.OPEN);
        registration.setId("messages-charts-registration");
        registration.visibleProperty().bind(model.groupProperty().isEqualTo(StatsGroup.ENDPOINT));
        registration.managedProperty().bind(registration.visibleProperty());
        registration.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || ChartsViewModel.endpointOf(selected.get()).isEmpty(), selected));
        registration.setOnAction(e -> ChartsViewModel.endpointOf(selected.get()).ifPresent(id ->
                root.openLink(RecordLinks.endpoint(id))));
        HBox keyActions = new HBox(8, searchKey, registration);
        VBox keysBox = new VBox(4, keyActions, keys);
        VBox.setVgrow(keys, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(50);
            grid.getColumnConstraints().add(c);
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(50);
            grid.getRowConstraints().add(r);
        }
        // The charts give way to the window (a chart is readable small); the status bar below is never pushed off.
        grid.setMinHeight(0);
        for (Region r : List.<Region>of(throughput, errors, latencyBox, keysBox)) {
            r.setMinHeight(90);
        }
        grid.add(throughput, 0, 0);
        grid.add(errors, 1, 0);
        grid.add(latencyBox, 0, 1);
        grid.add(keysBox, 1, 1);
        VBox.setVgrow(grid, Priority.ALWAYS);

        getChildren().addAll(bar, Views.errorRow(model.status(), model.keys(), i18n), grid);

        model.throughputProperty().addListener((o, a, s) -> fill(throughput, s));
        model.errorRateProperty().addListener((o, a, s) -> fill(errors, s));
        model.latencyProperty().addListener((o, a, s) -> fill(latency, s));
    }

    private NumberAxis timeAxis() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                Instant at = Instant.ofEpochSecond(n.longValue());
                TimeRange window = model.windowProperty().get();
                // Minutes are enough on an axis; the day when the window reaches past today.
                return text.times().format(at, window == null ? null : window.length(), TimeText.Detail.MINUTES);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return x;
    }

    private static NumberAxis valueAxis(String unit) {
        NumberAxis y = new NumberAxis();
        y.setLabel(unit);
        y.setForceZeroInRange(true);
        return y;
    }

    private LineChart<Number, Number> chart(String title, String unit) {
        LineChart<Number, Number> chart = new LineChart<>(timeAxis(), valueAxis(unit));
        chart.setCreateSymbols(false);
        style(chart, title);
        return chart;
    }

    private static void style(XYChart<Number, Number> chart, String title) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getStyleClass().add("messages-chart");
        chart.setMinHeight(180);
    }

    private void fill(XYChart<Number, Number> chart, List<ChartsViewModel.Series> series) {
        chart.getData().clear();
        var stats = model.statsProperty().get();
        NumberAxis x = (NumberAxis) chart.getXAxis();
        if (stats != null) {
            long from = stats.from().getEpochSecond();
            long to = stats.to().getEpochSecond();
            x.setLowerBound(from);
            x.setUpperBound(to);
            x.setTickUnit(Math.max(60, (to - from) / 6.0));
        }
        for (ChartsViewModel.Series s : series) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(s.label());
            for (ChartsViewModel.Point p : s.points()) {
                line.getData().add(new XYChart.Data<>(p.at().getEpochSecond(), p.value()));
            }
            chart.getData().add(line);
        }
        StringBuilder summary = new StringBuilder(chart.getTitle());
        for (ChartsViewModel.Series s : series) {
            summary.append(". ").append(s.label());
        }
        chart.setAccessibleText(summary.toString());
    }

    private ListCell<StatsGroup> groupCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StatsGroup g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : switch (g) {
                    case INTERACTION -> i18n.get("messages.charts.byInteraction");
                    case ENDPOINT -> i18n.get("messages.charts.byEndpoint");
                    case SITE -> i18n.get("messages.charts.bySite");
                });
            }
        };
    }

    private ListCell<StatsKey> keyCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(StatsKey k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : k.label());
            }
        };
    }

    /** The series' name with a swatch in its chart colour: the legend of the throughput and error charts. */
    private TableColumn<StatsKey, StatsKey> swatchCol(String title) {
        TableColumn<StatsKey, StatsKey> c = new TableColumn<>(title);
        c.setPrefWidth(230);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Region swatch = new Region();

            @Override
            protected void updateItem(StatsKey k, boolean empty) {
                super.updateItem(k, empty);
                if (empty || k == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                swatch.getStyleClass().setAll("chart-swatch", "default-color" + (getIndex() % 8));
                setText(k.label());
                setGraphic(swatch);
                // A long key (an interaction's name) can be wider than the column: the whole of it is a hover away.
                setTooltip(new javafx.scene.control.Tooltip(k.label()));
            }
        });
        return c;
    }

    private static TableColumn<StatsKey, String> col(String title, double width, Function<StatsKey, String> value) {
        return io.spineconsole.ui.common.Cells.text(title, width, value);
    }
}
