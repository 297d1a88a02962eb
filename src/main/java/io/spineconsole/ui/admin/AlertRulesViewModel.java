package io.spineconsole.ui.admin;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertThreshold;
import io.spineconsole.ui.common.AlertWords;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The alert rules editor (admins): the rules, and one form to create a rule or edit the one chosen.
 * Save sends only a rule the form finds whole (the same rules as the server); when the server still
 * refuses it, its field errors show on their fields and everything typed stays. Someone else saving the
 * rule first (a stale version) keeps the edit and shows who changed it: Save again puts the edit on top
 * of theirs, or "Take theirs" shows their rule. Deleting asks first, and resolves the rule's alerts.
 */
public final class AlertRulesViewModel {
    static final int PAGE = 500;

    private final UiExecutor ui;
    private final I18n i18n;
    private final TimeText time;
    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final LatestLoad loading;
    private final ObjectProperty<AlertRule> selected = new SimpleObjectProperty<>();
    private final AlertRuleForm form;
    /** The rule being edited as saved (null: a new rule). */
    private final ReadOnlyObjectWrapper<AlertRule> editing = new ReadOnlyObjectWrapper<>();
    /** After a stale save: the rule as the other person saved it, which Save will go on top of. */
    private final ReadOnlyObjectWrapper<AlertRule> conflict = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private WorkspaceContext context;

    public AlertRulesViewModel(UiExecutor ui, I18n i18n, TimeText time) {
        this.ui = ui;
        this.i18n = i18n;
        this.time = time;
        this.form = new AlertRuleForm(i18n);
        this.loading = new LatestLoad(ui, i18n, () -> !rules.isEmpty());
        loading.onRetry(this::load);
    }

    /** Whether the signed-in person may edit rules (the server refuses anyone else anyway). */
    public boolean available() {
        return context != null && context.may(Role.ADMIN);
    }

    public void connect(WorkspaceContext value) {
        context = value;
        rules.clear();
        loading.clear();
        newRule();
        if (available()) {
            load();
        }
    }

    public void dispose() {
        loading.cancel();
    }

    public void load() {
        if (!available()) {
            return;
        }
        loading.start(context.api().alerts().listRules(PAGE, null), (Page<AlertRule> page) -> {
            rules.setAll(page.items());
            AlertRule was = selected.get();
            selected.set(was == null ? null : rules.stream().filter(r -> r.id().equals(was.id())).findFirst().orElse(null));
        }, page -> page.items().isEmpty());
    }

    /** Starts a new rule in the form (the rule chosen is let go). */
    public void newRule() {
        selected.set(null);
        editing.set(null);
        conflict.set(null);
        error.set("");
        form.clear();
    }

    /** Shows {@code rule} in the form to edit. */
    public void edit(AlertRule rule) {
        if (rule == null) {
            newRule();
            return;
        }
        selected.set(rule);
        editing.set(rule);
        conflict.set(null);
        error.set("");
        form.edit(rule);
    }

    /** Saves the form: refused here while a field is wrong; else created, or replaced on the version it was read at. */
    public void save() {
        if (!available() || saving.get()) {
            return;
        }
        if (!form.isValid()) {
            error.set(i18n.get("alerts.rules.fixFirst", form.firstProblem().orElse("")));
            return;
        }
        AlertRuleDraft draft = form.draft();
        AlertRule base = conflict.get() != null ? conflict.get() : editing.get();
        saving.set(true);
        error.set("");
        notice.set("");
        var api = context.api().alerts();
        ui.deliver(base == null ? api.createRule(draft) : api.updateRule(base.id(), draft, base.version()), saved -> {
            saving.set(false);
            notice.set(i18n.get(base == null ? "alerts.rules.created" : "alerts.rules.saved", saved.name()));
            replace(saved);
            edit(saved);
        }, failure -> {
            saving.set(false);
            ApiException e = ApiException.unwrap(failure);
            if (e != null && e.isStale() && e.current() instanceof AlertRule current) {
                conflict.set(current);
                error.set(i18n.get("alerts.rules.conflict", current.updatedBy(), time.dateTime(current.updatedAt())));
                replace(current);
                return;
            }
            if (e != null) {
                form.showServerErrors(e);
            }
            error.set(ErrorText.sentence(i18n, failure));
        });
    }

    /** After a conflict: drop the edit and show the rule as the other person saved it. */
    public void takeTheirs() {
        if (conflict.get() != null) {
            edit(conflict.get());
        }
    }

    /** Asks before deleting the rule being edited. */
    public Confirmation deleteConfirmation() {
        AlertRule r = editing.get();
        return Confirmation.of(context, i18n.get("alerts.rules.delete.title"),
                i18n.get("alerts.rules.delete.confirm", r.name()), i18n.get("alerts.rules.delete.action"), true, false);
    }

    /** Deletes the rule being edited, on the version it was read at. */
    public void delete() {
        AlertRule r = editing.get();
        if (r == null || !available() || saving.get()) {
            return;
        }
        saving.set(true);
        ui.deliver(context.api().alerts().deleteRule(r.id(), r.version()), done -> {
            saving.set(false);
            rules.removeIf(x -> x.id().equals(r.id()));
            newRule();
            notice.set(i18n.get("alerts.rules.deleted", r.name()));
        }, failure -> {
            saving.set(false);
            ApiException e = ApiException.unwrap(failure);
            error.set(ErrorText.sentence(i18n, failure));
            if (e != null && e.isStale() && e.current() instanceof AlertRule current) {
                conflict.set(current);
                replace(current);
            }
        });
    }

    private void replace(AlertRule saved) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(saved.id())) {
                rules.set(i, saved);
                return;
            }
        }
        rules.add(saved);
    }

    /** What the form would lose, in a sentence; empty when it holds nothing unsaved. */
    public Optional<String> unsavedChanges() {
        return available() && form.isDirty() ? Optional.of(i18n.get("alerts.rules.unsaved")) : Optional.empty();
    }

    // ---- what a row says ----------------------------------------------------------------------------------------

    public String kind(AlertRule r) {
        return AlertWords.kind(r.kind(), i18n);
    }

    public String target(AlertRule r) {
        return r.target() == null ? i18n.get("alerts.rules.everything")
                : i18n.get("alerts.rules.scoped", i18n.get("alerts.rules.scope." + r.scope().code()), r.target());
    }

    /** The rule's figures in words ("Error rate over 20 %, 15 min window, at least 20 messages"). */
    public String figures(AlertRule r) {
        NumberFormat n = NumberFormat.getNumberInstance(i18n.locale());
        if (AlertThreshold.of(r.kind()).isEmpty()) {
            return i18n.get("alerts.rules.noFigures");
        }
        return AlertThreshold.of(r.kind()).stream().filter(t -> t.of(r.thresholds()) != null)
                .map(t -> i18n.get("alerts.rules.figureShort." + t.field(), n.format(t.of(r.thresholds()))))
                .collect(Collectors.joining(", "));
    }

    public String changed(AlertRule r) {
        return i18n.get("alerts.rules.changedBy", r.updatedBy(), time.dateTime(r.updatedAt()));
    }

    // ---- state --------------------------------------------------------------------------------------------------

    public ObservableList<AlertRule> rules() {
        return rules;
    }

    public LoadStatus status() {
        return loading.status();
    }

    public ObjectProperty<AlertRule> selectedProperty() {
        return selected;
    }

    public AlertRuleForm form() {
        return form;
    }

    public ReadOnlyObjectProperty<AlertRule> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AlertRule> conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty noticeProperty() {
        return notice;
    }
}
