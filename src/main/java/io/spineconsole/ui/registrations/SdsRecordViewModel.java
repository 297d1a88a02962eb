package io.spineconsole.ui.registrations;

import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.sds.Difference;
import io.spineconsole.domain.sds.DriftField;
import io.spineconsole.domain.sds.DriftReport;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftScope;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.domain.sds.EndpointDrift;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.domain.sds.SdsReliability;
import io.spineconsole.domain.sds.SdsValues;
import io.spineconsole.domain.sds.SystemDrift;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The "Published in SDS" panel of an accredited system or an endpoint: looks the record up live in the Spine
 * Directory Service (through the SDS connection, when there is one) and lays SDS's record beside ours, field by
 * field, each field that disagrees marked (by the drift rules: host names ignore case, durations compare by
 * length). A failed lookup is said in words, with SDS's own diagnostics and the correlation id as detail.
 */
public final class SdsRecordViewModel {
    /** Where the panel stands. */
    public enum State { NO_CONNECTION, CANNOT_SEARCH, LOADING, SAME, DIFFERENT, NOT_PUBLISHED, FAILED }

    /** One field: its name, our value, SDS's value, and whether they disagree. */
    public record FieldRow(DriftField field, String label, String ours, String published, boolean differs) {
    }

    private final SdsDirectory sds;
    private final UiExecutor ui;
    private final I18n i18n;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final ObservableList<FieldRow> rows = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private CompletableFuture<?> inFlight;
    /** Which lookup is current: an answer to an earlier one (cancelled, but already on its way) is dropped. */
    private long lookups;

    /** @param sds the SDS connection's directory, or null when no SDS connection is set up */
    public SdsRecordViewModel(SdsDirectory sds, UiExecutor ui, I18n i18n) {
        this.sds = sds;
        this.ui = ui;
        this.i18n = i18n;
        set(sds == null ? State.NO_CONNECTION : State.CANNOT_SEARCH, sds == null
                ? i18n.get("registrations.sds.noConnection") : i18n.get("registrations.sds.nothingYet"));
    }

    /** Looks the accredited system up in SDS (by ASID, within its organisation and first interaction). */
    public void show(AccreditedSystem ours) {
        if (!ready()) {
            return;
        }
        if (ours.interactions().isEmpty()) {
            set(State.CANNOT_SEARCH, i18n.get("registrations.sds.noInteraction"));
            return;
        }
        start();
        CompletableFuture<Optional<SdsDevice>> lookup = sds.accreditedSystem(ours.asid(), ours.odsCode(),
                ours.interactions().get(0));
        long current = lookups;
        inFlight = ui.deliver(lookup, found -> {
            if (current == lookups) {
                compare(found.map(d -> SystemDrift.compare(DriftScope.everything(), List.of(ours), List.of(d))),
                        systemFields(ours, found.orElse(null)));
            }
        }, t -> failIfCurrent(current, t));
    }

    /** Looks the endpoint up in SDS (by party key within its organisation; the one at the same address). */
    public void show(MhsEndpoint ours) {
        if (!ready()) {
            return;
        }
        start();
        CompletableFuture<Optional<SdsEndpoint>> lookup = sds.endpointsByPartyKey(ours.odsCode(), ours.partyKey())
                .thenApply(r -> r.records().stream().filter(e -> SdsValues.sameAddress(e.address(), ours.url())).findFirst()
                        .or(() -> r.records().stream().findFirst()));
        long current = lookups;
        inFlight = ui.deliver(lookup, found -> {
            if (current == lookups) {
                compare(found.map(e -> EndpointDrift.compare(DriftScope.everything(), List.of(ours), List.of(e))),
                        endpointFields(ours, found.orElse(null)));
            }
        }, t -> failIfCurrent(current, t));
    }

    /** Stops a lookup in flight (the record was closed). */
    public void cancel() {
        lookups++;
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
    }

    private boolean ready() {
        cancel();
        rows.clear();
        return sds != null;
    }

    private void start() {
        set(State.LOADING, i18n.get("registrations.sds.loading"));
    }

    private void compare(Optional<DriftReport> report, Map<DriftField, String[]> values) {
        inFlight = null;
        if (report.isEmpty() || report.get().rows().stream().anyMatch(r -> r.status() != DriftStatus.DIFFERENT)) {
            set(State.NOT_PUBLISHED, i18n.get("registrations.sds.notPublished"));
            return;
        }
        List<Difference> differences = report.get().rows().stream().map(DriftRow::differences).flatMap(List::stream).toList();
        List<FieldRow> out = new ArrayList<>();
        values.forEach((field, v) -> {
            Difference d = differences.stream().filter(x -> x.field() == field).findFirst().orElse(null);
            String ours = v[0];
            String published = v[1];
            if (d != null && field == DriftField.INTERACTIONS) {
                ours = i18n.get("registrations.sds.onlyHere", ours, String.join(", ", d.onlyHere()));
                published = i18n.get("registrations.sds.onlyInSds", published, String.join(", ", d.onlyInSds()));
            }
            out.add(new FieldRow(field, i18n.get("registrations.sds.field." + field.code()), blank(ours), blank(published),
                    d != null));
        });
        rows.setAll(out);
        long different = out.stream().filter(FieldRow::differs).count();
        state.set(different == 0 ? State.SAME : State.DIFFERENT);
        message.set(different == 0 ? i18n.get("registrations.sds.same") : i18n.get("registrations.sds.different", different));
        detail.set("");
    }

    private void failIfCurrent(long lookup, Throwable t) {
        if (lookup == lookups) {
            fail(t);
        }
    }

    private void fail(Throwable t) {
        inFlight = null;
        state.set(State.FAILED);
        if (t instanceof SdsException e) {
            message.set(i18n.get("registrations.sds.failed." + e.reason().code(), e.getMessage()));
            detail.set(e.detail() == null ? "" : e.detail());
        } else {
            message.set(i18n.get("registrations.sds.failed.unavailable", String.valueOf(t.getMessage())));
            detail.set(t.toString());
        }
    }

    private void set(State s, String text) {
        state.set(s);
        message.set(text);
        detail.set("");
    }

    private String blank(String value) {
        return value == null || value.isBlank() ? i18n.get("registrations.sds.none") : value;
    }

    private Map<DriftField, String[]> systemFields(AccreditedSystem ours, SdsDevice sds) {
        Map<DriftField, String[]> out = new LinkedHashMap<>();
        pair(out, DriftField.ODS_CODE, ours.odsCode(), sds, SdsDevice::odsCode);
        pair(out, DriftField.PARTY_KEY, ours.partyKey(), sds, SdsDevice::partyKey);
        pair(out, DriftField.MANUFACTURER, ours.manufacturerOdsCode(), sds, SdsDevice::manufacturerOdsCode);
        pair(out, DriftField.INTERACTIONS, count(ours.interactions()), sds, d -> count(d.interactions()));
        return out;
    }

    private Map<DriftField, String[]> endpointFields(MhsEndpoint ours, SdsEndpoint sds) {
        Map<DriftField, String[]> out = new LinkedHashMap<>();
        Reliability r = ours.reliability();
        pair(out, DriftField.ODS_CODE, ours.odsCode(), sds, SdsEndpoint::odsCode);
        pair(out, DriftField.ADDRESS, ours.url(), sds, SdsEndpoint::address);
        pair(out, DriftField.FQDN, ours.fqdn(), sds, SdsEndpoint::fqdn);
        pair(out, DriftField.PARTY_KEY, ours.partyKey(), sds, SdsEndpoint::partyKey);
        pair(out, DriftField.CPA_ID, ours.cpaId(), sds, SdsEndpoint::cpaId);
        pair(out, DriftField.INTERACTIONS, count(ours.interactions()), sds, e -> count(e.interactions()));
        pair(out, DriftField.SYNC_REPLY_MODE, r == null ? null : SdsValues.spelling(r.syncReplyMode()), sds,
                e -> reliability(e, SdsReliability::syncReplyMode));
        pair(out, DriftField.RETRIES, r == null || r.retries() == null ? null : String.valueOf(r.retries()), sds,
                e -> reliability(e, SdsReliability::retries));
        pair(out, DriftField.RETRY_INTERVAL, r == null ? null : r.retryInterval(), sds,
                e -> reliability(e, SdsReliability::retryInterval));
        pair(out, DriftField.PERSIST_DURATION, r == null ? null : r.persistDuration(), sds,
                e -> reliability(e, SdsReliability::persistDuration));
        pair(out, DriftField.ACK_REQUESTED, r == null ? null : SdsValues.spelling(r.ackRequested()), sds,
                e -> reliability(e, SdsReliability::ackRequested));
        pair(out, DriftField.DUPLICATE_ELIMINATION, r == null ? null : SdsValues.spelling(r.duplicateElimination()), sds,
                e -> reliability(e, SdsReliability::duplicateElimination));
        pair(out, DriftField.MHS_ACTOR, SdsValues.spelling(ours.mhsActor()), sds,
                e -> reliability(e, SdsReliability::actor));
        return out;
    }

    private static String reliability(SdsEndpoint e, Function<SdsReliability, String> part) {
        return e.reliability() == null ? null : part.apply(e.reliability());
    }

    private static <T> void pair(Map<DriftField, String[]> out, DriftField field, String ours, T sds, Function<T, String> value) {
        out.put(field, new String[] {ours, sds == null ? null : value.apply(sds)});
    }

    private String count(List<String> interactions) {
        return i18n.get("registrations.sds.interactionCount", interactions.size());
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail;
    }

    /**
     * The rows, read-only: always the same list, so a listener added to it lives as long as the model (a fresh
     * read-only wrapper per call listens to the rows weakly, and a listener on it went with it at the next GC).
     */
    public ObservableList<FieldRow> rows() {
        return readOnlyRows;
    }
}
