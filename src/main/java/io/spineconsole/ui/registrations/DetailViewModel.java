package io.spineconsole.ui.registrations;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.CheckRequest;
import io.spineconsole.domain.registrations.CheckReport;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.UnsentReasons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The record a list has selected, with what belongs to it: its owner and related records (an
 * organisation's systems and endpoints; the endpoints of a system's party key; the systems sharing an
 * endpoint's party key), its audit history, and the registration checks' findings about it. Offers the
 * lifecycle actions its status allows, to an admin; the server still decides.
 *
 * @param <T> the record type
 */
public final class DetailViewModel<T> {
    static final int RELATED_PAGE = 50;
    static final int HISTORY_PAGE = 50;

    private final RecordKind<T> kind;
    private final UiExecutor ui;
    private final I18n i18n;
    private final ObjectProperty<T> record = new SimpleObjectProperty<>();
    /** The record itself: opened by id, or read again; a row at hand is shown without a call. */
    private final LatestLoad load;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final UnsentReasons unsentReasons = new UnsentReasons();
    private final StringProperty actionError = new SimpleStringProperty("");
    private final StringProperty actionErrorDetail = new SimpleStringProperty("");
    private final StringProperty actionDone = new SimpleStringProperty("");
    private final ObjectProperty<Organisation> owner = new SimpleObjectProperty<>();
    private final PagedList<AccreditedSystem> systems;
    private final PagedList<MhsEndpoint> endpoints;
    private final PagedList<AuditEntry> history;
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** The checks over this record: "loading" through every check, so "Check again" waits for the answer. */
    private final LatestLoad findingsLoad;
    /** The owner of a system or endpoint: if it cannot be read, its ODS code is shown instead. */
    private final LatestLoad ownerLoad;
    private WorkspaceContext context;
    private String lastOpened;
    private Consumer<T> onChanged = r -> { };

    public DetailViewModel(RecordKind<T> kind, UiExecutor ui, I18n i18n) {
        this.kind = kind;
        this.ui = ui;
        this.i18n = i18n;
        systems = new PagedList<>(ui, i18n);
        endpoints = new PagedList<>(ui, i18n);
        history = new PagedList<>(ui, i18n);
        load = new LatestLoad(ui, i18n, () -> record.get() != null);
        load.onRetry(this::retry);
        findingsLoad = new LatestLoad(ui, i18n, () -> false);
        findingsLoad.onRetry(this::loadFindings);
        ownerLoad = new LatestLoad(ui, i18n, () -> owner.get() != null);
    }

    /** Called with the record after a lifecycle action or a reload changed it (the list updates its row). */
    public void setOnChanged(Consumer<T> onChanged) {
        this.onChanged = onChanged;
    }

    public void connect(WorkspaceContext newContext) {
        clear();
        context = newContext;
    }

    public void dispose() {
        clear();
        context = null;
    }

    /** Shows a record already at hand (a list row: complete, with its version) and loads what belongs to it. */
    public void show(T value) {
        actionError.set("");
        actionErrorDetail.set("");
        actionDone.set("");
        record.set(value);
        if (value == null) {
            load.clear();
        } else {
            load.shown(false);
        }
        loadBelongings();
    }

    /** Loads a record by its id (a link, a finding, a related record) and shows it. */
    public void open(String id) {
        if (context == null) {
            return;
        }
        lastOpened = id;
        record.set(null);
        clearBelongings();
        actionError.set("");
        actionDone.set("");
        load.start(kind.get(context.api().registrations(), id), this::show, r -> false);
    }

    /** Reads the record again (F5, or after someone else changed it). */
    public void reload() {
        T current = record.get();
        if (current != null && context != null) {
            load.start(kind.get(context.api().registrations(), kind.id(current)), fresh -> {
                show(fresh);
                onChanged.accept(fresh);
            }, r -> false);
        }
    }

    /** Retry: reads the record shown again, or the one that could not be opened. */
    private void retry() {
        if (record.get() != null) {
            reload();
        } else if (lastOpened != null) {
            open(lastOpened);
        }
    }

    /** Shows nothing. */
    public void clear() {
        load.clear();
        lastOpened = null;
        record.set(null);
        clearBelongings();
        actionError.set("");
        actionDone.set("");
        busy.set(false);
    }

    /** True when the signed-in role may change registrations (admin): enables the actions, nothing more. */
    public boolean mayChange() {
        return context != null && context.may(Role.ADMIN);
    }

    /** True when the record can be edited: an admin, and a record that is not retired (kept read-only). */
    public boolean canEdit() {
        T r = record.get();
        return r != null && mayChange() && kind.status(r) != RegistrationStatus.RETIRED;
    }

    /** The lifecycle actions the record's status allows, in lifecycle order (empty when none, or no record). */
    public List<RegistrationAction> actions() {
        T r = record.get();
        return r == null ? List.of() : List.copyOf(RegistrationAction.availableFrom(kind.status(r)));
    }

    /** What to ask before {@code action}: the effect, a reason (audited) and, on LIVE, the environment's name. */
    public Confirmation confirmation(RegistrationAction action) {
        T r = record.get();
        String what = describe(r);
        return unsentReasons.prefill(transitionAction(r, action),
                Confirmation.of(context, i18n.get("registrations.confirm.title", Labels.action(i18n, action), what),
                        i18n.get("registrations.confirm.message", what, Labels.status(i18n, kind.status(r)),
                                Labels.status(i18n, action.to()), Labels.actionEffect(i18n, action)),
                        Labels.action(i18n, action), action.isDestructive(), true));
    }

    /** The key of {@code action} on {@code r} among the reasons kept for actions that did not go through. */
    private String transitionAction(T r, RegistrationAction action) {
        return action + " " + kind.id(r);
    }

    /** Runs a lifecycle action on the version shown; a stale version shows the current record and says so. */
    public void transition(RegistrationAction action, String reason) {
        T r = record.get();
        if (r == null || context == null || busy.get()) {
            return;
        }
        String unsent = transitionAction(r, action);
        unsentReasons.sending(unsent, reason);
        busy.set(true);
        actionError.set("");
        actionErrorDetail.set("");
        actionDone.set("");
        ui.deliver(kind.transition(context.api().registrations(), kind.id(r), kind.version(r),
                new TransitionRequest(action, reason)), changed -> {
            busy.set(false);
            unsentReasons.sent(unsent);
            show(changed);
            actionDone.set(i18n.get("registrations.detail.actionDone", Labels.action(i18n, action),
                    Labels.status(i18n, kind.status(changed))));
            onChanged.accept(changed);
        }, failure -> {
            busy.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.isStale() && kind.isInstance(api.current())) {
                T current = kind.cast(api.current());
                show(current);
                onChanged.accept(current);
                actionError.set(i18n.get("registrations.detail.stale"));
            } else {
                actionError.set(ErrorText.sentence(i18n, failure));
            }
            actionErrorDetail.set(ErrorText.detail(failure));
        });
    }

    /** "endpoint YES-0000806", "organisation RR8": how a confirmation or a message names the record. */
    public String describe(T r) {
        if (r == null) {
            return "";
        }
        String type = Labels.recordType(i18n, kind.type()).toLowerCase(i18n.locale());
        if (r instanceof MhsEndpoint e) {
            return type + " " + e.partyKey();
        }
        return type + " " + kind.id(r);
    }

    private void loadBelongings() {
        clearBelongings();
        T r = record.get();
        if (r == null || context == null) {
            return;
        }
        BackboneApi api = context.api();
        var reg = api.registrations();
        history.load(cursor -> api.audit().search(new AuditQuery(kind.type().code(), kind.id(r), null, null, null, null,
                false, HISTORY_PAGE, cursor)));
        if (r instanceof Organisation o) {
            RegistrationFilter byOwner = RegistrationFilter.none().withOds(o.odsCode());
            systems.load(cursor -> reg.accreditedSystems(byOwner, cursor, RELATED_PAGE));
            endpoints.load(cursor -> reg.endpoints(byOwner, cursor, RELATED_PAGE));
        } else if (r instanceof AccreditedSystem s) {
            loadOwner(s.odsCode());
            RegistrationFilter f = s.partyKey() != null ? partyKeyFilter(s.partyKey())
                    : RegistrationFilter.none().withOds(s.odsCode());
            endpoints.load(cursor -> reg.endpoints(f, cursor, RELATED_PAGE));
        } else if (r instanceof MhsEndpoint e) {
            loadOwner(e.odsCode());
            RegistrationFilter f = partyKeyFilter(e.partyKey());
            systems.load(cursor -> reg.accreditedSystems(f, cursor, RELATED_PAGE));
        }
        loadFindings(r);
    }

    /** Runs the registration checks over this record alone (read-only; any role). */
    public void loadFindings() {
        T r = record.get();
        if (r != null && context != null) {
            loadFindings(r);
        }
    }

    private void loadFindings(T r) {
        CompletableFuture<CheckReport> call = context.api().registrations()
                .runChecks(CheckRequest.forRecord(RecordRef.of(kind.type(), kind.id(r))));
        findingsLoad.start(call, report -> findings.setAll(report.findings().stream()
                .sorted(Comparator.comparing(Finding::severity).thenComparing(Finding::rule)).toList()),
                report -> report.findings().isEmpty());
    }

    private void loadOwner(String odsCode) {
        ownerLoad.start(context.api().registrations().organisation(odsCode), owner::set, o -> false);
    }

    private static RegistrationFilter partyKeyFilter(String partyKey) {
        return new RegistrationFilter(null, List.of(), null, null, null, null, null, partyKey, null, null);
    }

    private void clearBelongings() {
        ownerLoad.clear();
        owner.set(null);
        systems.clear();
        endpoints.clear();
        history.clear();
        findingsLoad.clear();
        findings.clear();
    }

    public RecordKind<T> kind() {
        return kind;
    }

    public ReadOnlyObjectProperty<T> recordProperty() {
        return record;
    }

    public T record() {
        return record.get();
    }

    /** What the view shows about the record: opening it, or why it could not be read; Retry reads it again. */
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

    /** True while a lifecycle action runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty actionErrorProperty() {
        return actionError;
    }

    public ReadOnlyStringProperty actionErrorDetailProperty() {
        return actionErrorDetail;
    }

    /** "Suspended: the record is now suspended." after an action went through. */
    public ReadOnlyStringProperty actionDoneProperty() {
        return actionDone;
    }

    /** The owning organisation of a system or endpoint (null until loaded, or for an organisation). */
    public ReadOnlyObjectProperty<Organisation> ownerProperty() {
        return owner;
    }

    public PagedList<AccreditedSystem> systems() {
        return systems;
    }

    public PagedList<MhsEndpoint> endpoints() {
        return endpoints;
    }

    public PagedList<AuditEntry> history() {
        return history;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** What the findings tab shows about the checks over this record; Retry checks again. */
    public LoadStatus findingsStatus() {
        return findingsLoad.status();
    }

    public ReadOnlyObjectProperty<LoadState> findingsStateProperty() {
        return findingsLoad.stateProperty();
    }

    public ReadOnlyStringProperty findingsErrorProperty() {
        return findingsLoad.errorProperty();
    }

    public ReadOnlyStringProperty findingsErrorDetailProperty() {
        return findingsLoad.errorDetailProperty();
    }
}
