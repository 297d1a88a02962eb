package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Burndown;
import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.LocalDate;

/**
 * Progress: the burn-down of what is still on premises against the plan, each wave's progress, the
 * timeline of cut-overs (done, rolled back, due), and the export of the report a programme board reads.
 */
final class ProgressView extends ScrollPane {
    private final ProgressViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final HtmlReport words;
    private final XYChart.Series<Number, Number> actual = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> plan = new XYChart.Series<>();
    private final Label burndownSummary = new Label();
    private final NumberAxis y = new NumberAxis();
    private final GridPane waves = new GridPane();
    private final VBox timeline = new VBox(4);

    ProgressView(MigrationViewModel root, Runnable export) {
        this.model = root.progress();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.words = new HtmlReport(labels);
        setId("migration-progress");
        getStyleClass().addAll("migration-progress", "edge-to-edge");
        setFitToWidth(true);

        ToggleGroup group = new ToggleGroup();
        ToggleButton weekly = new ToggleButton(i18n.get("migration.progress.weekly"));
        ToggleButton daily = new ToggleButton(i18n.get("migration.progress.daily"));
        weekly.setToggleGroup(group);
        daily.setToggleGroup(group);
        weekly.setSelected(model.intervalProperty().get() == BurndownInterval.WEEK);
        daily.setSelected(model.intervalProperty().get() == BurndownInterval.DAY);
        weekly.getStyleClass().add("left-pill");
        daily.getStyleClass().add("right-pill");
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true);
            } else {
                model.intervalProperty().set(b == daily ? BurndownInterval.DAY : BurndownInterval.WEEK);
            }
        });
        Button exportButton = new Button(i18n.get("migration.progress.export"));
        exportButton.setId("migration-export-report");
        exportButton.setGraphic(Icons.of(AppIcon.EXPORT));
        exportButton.disableProperty().bind(model.exportingProperty().or(model.snapshotProperty().isNull()));
        exportButton.setOnAction(e -> export.run());
        Label outcome = new Label();
        outcome.setId("migration-export-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.exportOutcomeProperty());
        Button copy = Icons.button(AppIcon.COPY, i18n.get("migration.progress.copyPath"));
        copy.setOnAction(e -> ErrorRow.copyToClipboard(model.exportDetailProperty().get()));
        copy.visibleProperty().bind(model.exportDetailProperty().isNotEmpty());
        copy.managedProperty().bind(copy.visibleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, new HBox(weekly, daily), spacer, outcome, copy, exportButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("migration-filters");

        waves.setId("migration-waves");
        waves.setHgap(12);
        waves.setVgap(6);
        timeline.setId("migration-timeline");

        VBox body = new VBox(12, bar, MigrationUi.placeholder(model.status(), i18n.get("migration.progress.empty"), i18n),
                MigrationUi.sectionTitle(i18n.get("migration.progress.burndown")), burndownSummary, chart(),
                MigrationUi.sectionTitle(i18n.get("migration.progress.waves")), waves,
                MigrationUi.sectionTitle(i18n.get("migration.progress.timeline")), timeline);
        body.setPadding(new Insets(12));
        setContent(body);

        model.snapshotProperty().addListener((o, a, s) -> renderBurndown(s));
        model.waves().addListener((ListChangeListener<ProgrammeProgress.WaveProgress>) c -> renderWaves());
        model.timeline().addListener((ListChangeListener<ProgrammeProgress.TimelineEvent>) c -> renderTimeline());
    }

    private Node chart() {
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return labels.time().axisDay(LocalDate.ofEpochDay(Math.round(n.doubleValue())), true);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        y.setLabel(i18n.get("migration.progress.components"));
        y.setMinorTickVisible(false);
        // Components are counted whole: the axis is fixed to whole numbers from zero.
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setUpperBound(1);
        y.setTickUnit(1);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("migration-burndown");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(260);
        chart.setMinHeight(220);
        actual.setName(i18n.get("migration.progress.actual"));
        plan.setName(i18n.get("migration.progress.plan"));
        chart.getData().addAll(java.util.List.of(actual, plan));
        chart.getStyleClass().add("migration-burndown");
        chart.accessibleTextProperty().bind(burndownSummary.textProperty());
        return chart;
    }

    private void renderBurndown(ProgrammeProgress.Snapshot s) {
        if (s == null || s.burndown() == null) {
            actual.getData().clear();
            plan.getData().clear();
            burndownSummary.setText("");
            return;
        }
        java.util.List<Burndown.Point> points = s.burndown().points();
        actual.getData().setAll(points.stream().map(p -> new XYChart.Data<Number, Number>(p.date().toEpochDay(),
                p.onPremises())).toList());
        plan.getData().setAll(points.stream().map(p -> new XYChart.Data<Number, Number>(p.date().toEpochDay(),
                p.plannedOnPremises())).toList());
        int max = points.stream().mapToInt(p -> Math.max(p.total(), Math.max(p.onPremises(), p.plannedOnPremises())))
                .max().orElse(1);
        y.setUpperBound(max + 1);
        y.setTickUnit(Math.max(1, Math.ceil((max + 1) / 6.0)));
        if (!points.isEmpty()) {
            Burndown.Point first = points.get(0);
            Burndown.Point last = points.get(points.size() - 1);
            burndownSummary.setText(i18n.get("migration.progress.burndownSummary", first.onPremises(),
                    labels.date(first.date()), last.onPremises(), last.total(), last.plannedOnPremises()));
        }
    }

    private void renderWaves() {
        waves.getChildren().clear();
        if (model.waves().isEmpty() && model.stateProperty().get() == LoadState.LOADED) {
            waves.add(MigrationUi.muted(i18n.get("migration.progress.noWaves")), 0, 0);
            return;
        }
        int row = 0;
        for (ProgrammeProgress.WaveProgress w : model.waves()) {
            Label name = new Label(w.wave().name());
            name.getStyleClass().add("migration-wave-name");
            name.setWrapText(true);
            Label dates = MigrationUi.muted(labels.date(w.wave().plannedStart()) + " – " + labels.date(w.wave().plannedEnd()));
            VBox nameBox = new VBox(1, name, dates);
            nameBox.setPrefWidth(300);
            ProgressBar bar = new ProgressBar(w.fraction());
            bar.setPrefWidth(220);
            bar.setAccessibleText(i18n.get("migration.progress.waveCount", w.offPremises(), w.total()));
            Label count = new Label(i18n.get("migration.progress.waveCount", w.offPremises(), w.total()));
            Label status = new Label(words.waveStatus(w.status()));
            status.getStyleClass().addAll("migration-wave-status", "wave-" + HtmlReport.waveStyle(w.status()));
            status.setGraphic(Icons.of(switch (w.status()) {
                case COMPLETE -> AppIcon.DONE;
                case OVERDUE -> AppIcon.WARNING;
                case IN_PROGRESS -> AppIcon.MOVE;
                case NOT_STARTED -> AppIcon.NOT_DONE;
            }));
            waves.addRow(row++, nameBox, bar, count, status);
        }
    }

    private void renderTimeline() {
        timeline.getChildren().clear();
        if (model.timeline().isEmpty()) {
            timeline.getChildren().add(MigrationUi.muted(i18n.get("migration.progress.noTimeline")));
            return;
        }
        boolean dueHeading = false;
        for (ProgrammeProgress.TimelineEvent e : model.timeline()) {
            if (e.kind() == ProgrammeProgress.EventKind.DUE && !dueHeading) {
                dueHeading = true;
                Label due = new Label(i18n.get("migration.progress.stillToCome"));
                due.getStyleClass().add("migration-timeline-heading");
                timeline.getChildren().add(due);
            }
            Label date = new Label(e.date() == null ? i18n.get("migration.progress.noDate") : labels.date(e.date()));
            date.getStyleClass().add("migration-timeline-date");
            date.setMinWidth(110);
            Label kind = new Label(words.eventLabel(e));
            kind.getStyleClass().addAll("migration-timeline-kind", "event-" + HtmlReport.eventStyle(e.kind()));
            kind.setGraphic(Icons.of(switch (e.kind()) {
                case CUT_OVER -> AppIcon.CLOUD;
                case ROLLED_BACK -> AppIcon.WARNING;
                case DUE -> AppIcon.NOT_DONE;
            }));
            kind.setMinWidth(170);
            Label what = new Label(e.component() + " · " + e.name()
                    + (e.by() == null ? "" : " — " + e.by() + (e.reason() == null ? "" : ": " + e.reason())));
            what.setWrapText(true);
            HBox.setHgrow(what, Priority.ALWAYS);
            HBox row = new HBox(10, date, kind, what);
            row.setAlignment(Pos.TOP_LEFT);
            row.getStyleClass().add("migration-timeline-row");
            row.setFocusTraversable(true);
            row.setAccessibleText(date.getText() + ", " + kind.getText() + ", " + what.getText());
            timeline.getChildren().add(row);
        }
    }
}
