package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.PagedList;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;

/**
 * Where the search stands, over its results: how many messages match in which window (exact, or
 * about), the time a search has been running with cancel, the sort order, the actions, and any
 * problem: a filter to fix, a note, a failed search, an export under way or done.
 */
final class SearchStatusLine extends VBox {
    private final MessageFlowViewModel root;
    private final SearchViewModel model;
    private final MessageText text;
    private final I18n i18n;
    private final Label countLabel = new Label();
    private final Label progressLabel = new Label();
    private final Timeline elapsed;

    SearchStatusLine(MessageFlowViewModel root, Node actions) {
        super(4);
        this.root = root;
        this.model = root.search();
        this.text = root.text();
        this.i18n = text.i18n();
        PagedList<MessageSummary> results = model.results();

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.setAccessibleText(i18n.get("messages.search.searching"));
        progressLabel.setId("messages-search-progress");
        Button cancel = Views.button(i18n.get("messages.search.cancel"), AppIcon.CANCEL);
        cancel.setId("messages-search-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> model.cancel());
        HBox busy = new HBox(8, spinner, progressLabel, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(results.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        countLabel.setId("messages-search-count");
        countLabel.getStyleClass().add("result-count");
        InvalidationListener count = o -> updateCount();
        results.approximateTotalProperty().addListener(count);
        results.totalIsExactProperty().addListener(count);
        results.stateProperty().addListener(count);
        results.items().addListener(count);
        updateCount();
        // A long count ("About 10,000 messages in the last 24 hours (400 loaded)") wraps rather than being cut.
        countLabel.setMinWidth(0);
        countLabel.setWrapText(true);
        countLabel.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip countTip = new Tooltip();
        countLabel.setTooltip(countTip);
        model.lastSearchProperty().addListener((o, a, s) -> countTip.setText(s == null || s.from() == null ? ""
                : i18n.get("messages.search.window", text.dateTime(s.from()), text.dateTime(s.to()), text.times().zoneName(s.to()))));
        CheckBox oldest = new CheckBox(i18n.get("messages.filter.oldestFirst"));
        oldest.setId("messages-filter-oldest");
        oldest.setMinWidth(Region.USE_PREF_SIZE);
        oldest.selectedProperty().bindBidirectional(model.form().oldestFirstProperty());
        HBox line = new HBox(12, countLabel, busy, Views.grow(), oldest, actions);
        line.setAlignment(Pos.CENTER_LEFT);

        Label formError = Views.bound(model.formErrorProperty(), "error-text");
        formError.setId("messages-search-form-error");
        Label notice = Views.bound(model.noticeProperty(), "notice-text");
        notice.setId("messages-search-notice");
        notice.setWrapText(true);
        getChildren().addAll(line, formError, notice, Views.errorRow(results.status(), results.items(), i18n), exportLine());

        elapsed = new Timeline(new KeyFrame(Duration.millis(200), e -> updateProgress()));
        elapsed.setCycleCount(Timeline.INDEFINITE);
        results.busyProperty().addListener((o, a, running) -> {
            if (running) {
                updateProgress();
                elapsed.play();
            } else {
                elapsed.stop();
            }
        });
    }

    /** The export in progress or done, with cancel while it runs. */
    private HBox exportLine() {
        ExportViewModel export = root.export();
        Label exportStatus = Views.bound(export.statusProperty(), "text-muted");
        exportStatus.setId("messages-export-status");
        Button cancelExport = Views.button(i18n.get("messages.export.cancel"), AppIcon.CANCEL);
        cancelExport.setId("messages-export-cancel");
        cancelExport.getStyleClass().add("small");
        cancelExport.visibleProperty().bind(export.runningProperty());
        cancelExport.managedProperty().bind(cancelExport.visibleProperty());
        cancelExport.setOnAction(e -> export.cancel());
        ErrorRow exportError = new ErrorRow(export.errorProperty(), export.errorDetailProperty(), i18n);

        HBox line = new HBox(8, exportStatus, cancelExport, exportError);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(export.statusProperty().isNotEmpty().or(export.errorProperty().isNotEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private void updateCount() {
        PagedList<MessageSummary> r = model.results();
        String window = windowText();
        if (r.stateProperty().get() == LoadState.EMPTY) {
            countLabel.setText(i18n.get("messages.search.countNone", window));
        } else if (r.items().isEmpty()) {
            countLabel.setText("");
        } else if (r.totalIsExactProperty().get() || !r.hasMoreProperty().get()) {
            long n = Math.max(r.approximateTotalProperty().get(), r.items().size());
            countLabel.setText(i18n.get("messages.search.countExact", text.count(n), window,
                    text.count(r.items().size())));
        } else {
            countLabel.setText(i18n.get("messages.search.countAbout", text.count(r.approximateTotalProperty().get()),
                    window, text.count(r.items().size())));
        }
    }

    private String windowText() {
        MessageSearch s = model.lastSearchProperty().get();
        if (s == null) {
            return "";
        }
        if (s.from() == null) {
            return i18n.get("messages.search.windowAll");
        }
        TimeRange r = model.lastRangeProperty().get();
        if (r != null && r != TimeRange.CUSTOM) {
            return i18n.get("messages.search.windowPreset", text.range(r).toLowerCase(i18n.locale()));
        }
        return i18n.get("messages.search.window", text.dateTime(s.from()), text.dateTime(s.to()), text.times().zoneName(s.to()));
    }

    private void updateProgress() {
        Instant started = model.searchStartedProperty().get();
        double seconds = started == null ? 0 : java.time.Duration.between(started, text.clock().instant()).toMillis() / 1000.0;
        progressLabel.setText(i18n.get("messages.search.searchingFor", String.format(i18n.locale(), "%.1f", Math.max(0, seconds))));
    }

    void dispose() {
        elapsed.stop();
    }
}
