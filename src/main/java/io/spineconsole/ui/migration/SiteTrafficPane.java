package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Navigator;
import javafx.collections.ListChangeListener;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The traffic through the chosen site over the window: a sentence (none, or how many messages and
 * the latest), the messages per day as a chart, and a link to those messages in the message search.
 */
final class SiteTrafficPane extends VBox {
    private final SitesViewModel model;
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Navigator navigator;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();
    private final Label summary = new Label();

    SiteTrafficPane(MigrationViewModel root, Navigator navigator) {
        super(4);
        this.root = root;
        this.model = root.sites();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.navigator = navigator;

        summary.setId("migration-site-traffic");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.getStyleClass().add("migration-traffic-summary");
        Label note = new Label();
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(model.trafficNoteProperty());
        note.visibleProperty().bind(model.trafficNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Hyperlink messages = new Hyperlink(i18n.get("migration.sites.showMessages"));
        messages.setGraphic(Icons.of(AppIcon.MESSAGES));
        messages.setOnAction(e -> showMessages());
        messages.disableProperty().bind(model.siteProperty().isNull());
        getChildren().addAll(summary, chart(), note, messages);

        model.readinessProperty().addListener((o, a, r) -> render());
        model.siteProperty().addListener((o, a, s) -> render());
        model.traffic().addListener((ListChangeListener<SitesViewModel.TrafficDay>) c -> render());
    }

    private AreaChart<Number, Number> chart() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(true);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return labels.time().axisDay(LocalDate.ofEpochDay(Math.round(n.doubleValue())), false);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.get("migration.sites.messagesPerDay"));
        y.setMinorTickVisible(false);
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("migration-site-traffic-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(150);
        chart.getData().add(series);
        chart.getStyleClass().add("migration-traffic-chart");
        chart.setAccessibleText(i18n.get("migration.sites.traffic"));
        return chart;
    }

    private void render() {
        SiteReadiness r = model.readinessProperty().get();
        Site s = model.siteProperty().get();
        if (r != null && s != null) {
            summary.setText(r.messagesInWindow() == 0
                    ? i18n.get("migration.sites.noTraffic", s.code(), r.days())
                    : i18n.get("migration.sites.trafficCount", r.messagesInWindow(), r.days(), s.code())
                    + (r.lastMessageAt() == null ? "" : " " + i18n.get("migration.sites.latest", labels.dateTimeZoned(r.lastMessageAt()))));
            summary.getStyleClass().removeAll("traffic-none", "traffic-some");
            summary.getStyleClass().add(r.messagesInWindow() == 0 ? "traffic-none" : "traffic-some");
        } else {
            summary.setText("");
        }
        series.getData().setAll(model.traffic().stream()
                .map(d -> new XYChart.Data<Number, Number>(d.day().toEpochDay(), d.messages())).toList());
    }

    /** Opens the message search for this site over the window (the messages workspace's own link). */
    private void showMessages() {
        Site s = model.siteProperty().get();
        if (s == null) {
            return;
        }
        Instant to = root.clock().instant();
        Instant from = to.minus(Duration.ofDays(model.daysProperty().get()));
        ConsoleLink link = ConsoleLink.of("messages", "search").with("site", s.code())
                .with("from", from.truncatedTo(ChronoUnit.SECONDS).toString())
                .with("to", to.truncatedTo(ChronoUnit.SECONDS).toString());
        if (!navigator.open(link)) {
            ErrorRow.copyToClipboard(link.toString());
            summary.setText(summary.getText() + " " + i18n.get("migration.sites.linkCopied"));
        }
    }
}
