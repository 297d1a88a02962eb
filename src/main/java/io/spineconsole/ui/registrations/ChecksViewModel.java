package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckRule;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.Severity;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.text.NumberFormat;
import java.util.Comparator;
import java.util.Map;

/**
 * The registration checks over the whole directory: runs them on the server, lists the findings by
 * severity (errors first), narrows them by severity or rule, and links each to its record.
 */
public final class ChecksViewModel {
    /** The most findings one run brings back (the counts cover all of them). */
    static final int MAX_FINDINGS = 10_000;

    /** How many findings one rule produced, for the "by rule" summary. */
    public record RuleCount(CheckRule rule, long count) {
    }

    private final ObjectProperty<CheckReport> report = new SimpleObjectProperty<>();
    /** "Loading" through every run, even with findings shown: a run takes seconds and the Run button waits. */
    private final LatestLoad load;
    private final ObservableList<Finding> all = FXCollections.observableArrayList();
    private final FilteredList<Finding> shown = new FilteredList<>(all);
    private final ObservableList<RuleCount> byRule = FXCollections.observableArrayList();
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>();
    private final ObjectProperty<CheckRule> rule = new SimpleObjectProperty<>();
    private final StringBinding summary;
    private RegistrationsApi api;

    public ChecksViewModel(UiExecutor ui, I18n i18n, TimeText time) {
        this.load = new LatestLoad(ui, i18n, () -> false);
        load.onRetry(this::run);
        severity.addListener((o, a, b) -> refilter());
        rule.addListener((o, a, b) -> refilter());
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        summary = Bindings.createStringBinding(() -> {
            CheckReport r = report.get();
            if (r == null) {
                return load.status().state() == LoadState.LOADING ? i18n.get("registrations.checks.running")
                        : i18n.get("registrations.checks.notRun");
            }
            String text = i18n.get("registrations.checks.summary", n.format(r.recordsChecked()), n.format(r.durationMs()),
                    time.format(r.checkedAt(), java.time.Duration.ZERO, TimeText.Detail.SECONDS), time.zoneName(r.checkedAt()),
                    n.format(r.counts().error()), n.format(r.counts().warning()),
                    n.format(r.counts().info()));
            return r.truncated() ? text + " " + i18n.get("registrations.checks.truncated", n.format(r.findings().size())) : text;
        }, report, load.stateProperty(), time.zoneProperty());
    }

    public void connect(RegistrationsApi newApi) {
        dispose();
        api = newApi;
    }

    public void dispose() {
        load.clear();
        api = null;
        report.set(null);
        all.clear();
        byRule.clear();
    }

    /** Runs every check over the directory (read-only; any role). Findings already shown stay until the answer. */
    public void run() {
        if (api == null || load.isRunning()) {
            return;
        }
        load.start(api.runChecks(new CheckRequest(null, null, null, null, false, MAX_FINDINGS)), r -> {
            report.set(r);
            all.setAll(r.findings().stream().sorted(Comparator.comparing(Finding::severity)
                    .thenComparing(Finding::rule).thenComparing(f -> f.record() == null ? "" : f.record().id())).toList());
            byRule.setAll(r.countsByRule().entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Comparator.comparing((Map.Entry<CheckRule, Long> e) -> e.getKey().severity())
                            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder()))
                    .map(e -> new RuleCount(e.getKey(), e.getValue())).toList());
        }, r -> all.isEmpty());
    }

    /** Runs the checks unless they have run, or are running (the first time the view opens). */
    public void runIfNeverRun() {
        if (report.get() == null && !load.isRunning()) {
            run();
        }
    }

    private void refilter() {
        Severity s = severity.get();
        CheckRule r = rule.get();
        shown.setPredicate(f -> (s == null || f.severity() == s) && (r == null || f.rule() == r));
    }

    /** Where a finding's record lives in this workspace (null when it names none). */
    public ConsoleLink linkTo(Finding finding) {
        if (finding == null || finding.record() == null) {
            return null;
        }
        RecordKind<?> kind = RecordKind.byTypeCode(finding.record().type());
        return kind == null ? null : kind.link(finding.record().id());
    }

    /** Findings of one severity in the last run (for the counts beside the filter). */
    public long count(Severity s) {
        CheckReport r = report.get();
        if (r == null) {
            return 0;
        }
        return switch (s) {
            case ERROR -> r.counts().error();
            case WARNING -> r.counts().warning();
            case INFO -> r.counts().info();
        };
    }

    public ObservableList<Finding> findings() {
        return shown;
    }

    public ObservableList<Finding> allFindings() {
        return all;
    }

    public ObservableList<RuleCount> byRule() {
        return byRule;
    }

    /** Only findings of this severity (null: all). */
    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    /** Only findings of this rule (null: all). */
    public ObjectProperty<CheckRule> ruleProperty() {
        return rule;
    }

    public ReadOnlyObjectProperty<CheckReport> reportProperty() {
        return report;
    }

    /** What the view shows about the last run: state and error; Retry runs the checks again. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return load.errorProperty();
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return load.errorDetailProperty();
    }

    /** "Checked 1,234 records in 840 ms at 10:32: 12 errors, 40 warnings, 3 notes." */
    public StringBinding summaryProperty() {
        return summary;
    }
}
