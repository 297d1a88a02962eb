package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.LiveStream;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRuleValidation;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ValidatedField;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Alerts tab: unresolved and recently resolved alerts, newest first, kept current from the live
 * stream's alert changes while the tab is shown. For the alert chosen: acknowledge it with a note, or
 * snooze it for a while (operators; a viewer is told why not), and go to its endpoint's health row or
 * the failures behind it. An action refused (someone resolved it meanwhile) says so and shows the
 * alert as it is now; the note typed stays.
 */
public final class AlertsViewModel {
    /** How long a snooze lasts, as offered. */
    static final List<Duration> SNOOZES = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3));
    static final int STREAM_BUFFER = 64;

    /** Where the links of an alert go: its endpoint's health row, the failed messages behind it. */
    interface Links {
        void health(String filter);

        void failures(UUID endpointId, String ods);

        boolean open(ConsoleLink link);
    }

    private final UiExecutor ui;
    private final I18n i18n;
    private final Clock clock;
    private final PagedList<Alert> alerts;
    private final BooleanProperty openOnly = new SimpleBooleanProperty(false);
    private final ObjectProperty<Alert> selected = new SimpleObjectProperty<>();
    private final ValidatedField note = new ValidatedField(this::noteProblem);
    private final ObjectProperty<Duration> snoozeFor = new SimpleObjectProperty<>(Duration.ofHours(1));
    private final ReadOnlyBooleanWrapper acting = new ReadOnlyBooleanWrapper();
    private final StringProperty actionError = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringBinding whyNot;
    private Links links;
    private WorkspaceContext context;
    private LiveStream changes;
    private boolean loaded;

    public AlertsViewModel(UiExecutor ui, I18n i18n, Clock clock) {
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
        this.alerts = new PagedList<>(ui, i18n);
        openOnly.addListener((o, a, b) -> load());
        // A reload keeps the alert chosen chosen, as it now is.
        alerts.items().addListener((javafx.collections.ListChangeListener<Alert>) c -> {
            Alert was = selected.get();
            if (was != null) {
                selected.set(alerts.items().stream().filter(x -> x.id().equals(was.id())).findFirst().orElse(null));
            }
        });
        whyNot = Bindings.createStringBinding(this::reasonActionsAreOff, selected, acting);
    }

    void onLinks(Links to) {
        links = to;
    }

    public void connect(WorkspaceContext newContext) {
        stopChanges();
        context = newContext;
        alerts.clear();
        selected.set(null);
        actionError.set("");
        notice.set("");
        loaded = false;
    }

    /** Reads the alerts again (keeps the one chosen chosen, as it now is). */
    public void load() {
        if (context == null) {
            return;
        }
        loaded = true;
        AlertQuery q = new AlertQuery(openOnly.get() ? AlertState.ACTIVE : List.of(), null, null, null, null, 100, null);
        var api = context.api().alerts();
        alerts.load(cursor -> api.alerts(q.withCursor(cursor)));
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    /** The tab is shown: follow the stream's alert changes (a change reloads the list). */
    public void startChanges() {
        if (context == null || changes != null) {
            return;
        }
        try {
            changes = context.api().alerts().changes(STREAM_BUFFER);
        } catch (RuntimeException e) {
            changes = null; // the list still reloads on F5 and after each action
        }
    }

    /** Takes the changes collected since the last pump; any at all reloads the list. */
    public void pump() {
        if (changes != null && !changes.drainAlerts(STREAM_BUFFER).isEmpty()) {
            load();
        }
    }

    public void stopChanges() {
        if (changes != null) {
            changes.close();
            changes = null;
        }
    }

    public void dispose() {
        stopChanges();
        alerts.cancel();
    }

    // ---- acting -------------------------------------------------------------------------------------------------

    /** True when the signed-in person may acknowledge and snooze (the server decides; this only enables). */
    public boolean mayAct() {
        return context != null && context.may(Role.OPERATOR);
    }

    /** Acknowledges the alert chosen, with the note typed (optional). */
    public void acknowledge() {
        Alert a = selected.get();
        if (a == null || !whyNot.get().isEmpty() || !note.isValid()) {
            return;
        }
        act(context.api().alerts().acknowledge(a.id(), note.valueOrNull()),
                done -> i18n.get("alerts.acknowledged", io.spineconsole.ui.common.AlertWords.headline(done, i18n)));
    }

    /** Snoozes the alert chosen for the time chosen, with the note typed. */
    public void snooze() {
        Alert a = selected.get();
        if (a == null || !whyNot.get().isEmpty() || !note.isValid() || snoozeFor.get() == null) {
            return;
        }
        SnoozeRequest request = new SnoozeRequest(clock.instant().plus(snoozeFor.get()), note.valueOrNull());
        List<FieldRuleIssue> issues = AlertRuleValidation.snoozeErrors(request, clock.instant());
        if (!issues.isEmpty()) {
            actionError.set(i18n.rule(issues.get(0).issue()));
            return;
        }
        act(context.api().alerts().snooze(a.id(), request),
                done -> i18n.get("alerts.snoozed", io.spineconsole.ui.common.AlertWords.headline(done, i18n)));
    }

    private void act(java.util.concurrent.CompletableFuture<Alert> call, java.util.function.Function<Alert, String> said) {
        acting.set(true);
        actionError.set("");
        notice.set("");
        ui.deliver(call, changed -> {
            acting.set(false);
            note.reset("");
            notice.set(said.apply(changed));
            replace(changed);
        }, failure -> {
            acting.set(false);
            ApiException e = ApiException.unwrap(failure);
            if (e != null) {
                e.fieldErrors().stream().filter(f -> "/note".equals(f.field())).findFirst()
                        .ifPresent(f -> note.showServerError(f.message()));
            }
            actionError.set(ErrorText.sentence(i18n, failure));
            if (e != null && (e.kind() == ApiException.Kind.CONFLICT || e.kind() == ApiException.Kind.NOT_FOUND)) {
                load(); // resolved or changed meanwhile: show it as it is now
            }
        });
    }

    /** Puts the alert as the server now has it in place of the row shown (and keeps it chosen). */
    private void replace(Alert changed) {
        var items = alerts.items();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(changed.id())) {
                items.set(i, changed);
            }
        }
        selected.set(changed);
    }

    private String reasonActionsAreOff() {
        Alert a = selected.get();
        if (a == null) {
            return i18n.get("alerts.why.none");
        }
        if (!mayAct()) {
            return i18n.get("alerts.why.role", i18n.get("role." + context.principal().role().code()));
        }
        if (!a.state().active()) {
            return i18n.get("alerts.why.resolved");
        }
        if (acting.get()) {
            return i18n.get("alerts.why.busy");
        }
        return "";
    }

    private String noteProblem(String v) {
        List<FieldRuleIssue> issues = AlertRuleValidation.noteErrors(v);
        return issues.isEmpty() ? "" : i18n.rule(issues.get(0).issue());
    }

    // ---- links --------------------------------------------------------------------------------------------------

    /** Whether the alert concerns a receiver (an endpoint or organisation): it has a health row and failures. */
    public static boolean aboutReceiver(Alert a) {
        return a != null && (a.subject().kind() == AlertSubjectKind.ENDPOINT
                || a.subject().kind() == AlertSubjectKind.ORGANISATION);
    }

    /** Shows the endpoint health tab filtered to the alert's organisation. */
    public void openHealth() {
        Alert a = selected.get();
        if (aboutReceiver(a) && links != null) {
            links.health(a.subject().odsCode() != null ? a.subject().odsCode() : a.subject().id());
        }
    }

    /** Searches the failed messages to the alert's endpoint (or organisation). */
    public void openFailures() {
        Alert a = selected.get();
        if (!aboutReceiver(a) || links == null) {
            return;
        }
        UUID endpoint = a.subject().kind() == AlertSubjectKind.ENDPOINT ? uuid(a.subject().id()).orElse(null) : null;
        links.failures(endpoint, a.subject().odsCode() != null ? a.subject().odsCode() : a.subject().id());
    }

    /** Opens the migration component an alert is about. */
    public void openComponent() {
        Alert a = selected.get();
        if (a != null && a.subject().kind() == AlertSubjectKind.COMPONENT && links != null) {
            links.open(ConsoleLink.of("migration", "components/" + a.subject().id()));
        }
    }

    /** The rules editor (admins), in the administration workspace. */
    public void openRules() {
        if (links != null) {
            links.open(ConsoleLink.of("admin", "alert-rules"));
        }
    }

    public boolean mayEditRules() {
        return context != null && context.may(Role.ADMIN);
    }

    private static Optional<UUID> uuid(String s) {
        try {
            return Optional.of(UUID.fromString(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---- state --------------------------------------------------------------------------------------------------

    public PagedList<Alert> alerts() {
        return alerts;
    }

    /** Unresolved only (else unresolved and the last week's resolved). */
    public BooleanProperty openOnlyProperty() {
        return openOnly;
    }

    public ObjectProperty<Alert> selectedProperty() {
        return selected;
    }

    public ValidatedField note() {
        return note;
    }

    public ObjectProperty<Duration> snoozeForProperty() {
        return snoozeFor;
    }

    public ReadOnlyBooleanProperty actingProperty() {
        return acting.getReadOnlyProperty();
    }

    /** Why Acknowledge and Snooze are off for the alert chosen, or "" when they are on. */
    public StringBinding whyNotProperty() {
        return whyNot;
    }

    public StringProperty actionErrorProperty() {
        return actionError;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    Clock clock() {
        return clock;
    }
}
