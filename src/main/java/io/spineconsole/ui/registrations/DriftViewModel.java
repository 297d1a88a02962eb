package io.spineconsole.ui.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.sds.Difference;
import io.spineconsole.domain.sds.DriftCounts;
import io.spineconsole.domain.sds.DriftReport;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftScope;
import io.spineconsole.domain.sds.EndpointDrift;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Directory drift for one organisation and interaction: our endpoints and accredited systems against what SDS
 * publishes for the same search, the counts first (missing in SDS, missing here, different, by field), then one
 * row per record that is not the same. A row opens our record; the rows can be exported as CSV.
 */
public final class DriftViewModel {
    /** Where the comparison stands. */
    public enum State { NO_CONNECTION, IDLE, RUNNING, DONE, FAILED }

    private static final int PAGE = 200;
    private final SdsDirectory sds;
    private final RegistrationsApi api;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Executor io;
    private final StringProperty odsCode = new SimpleStringProperty("");
    private final StringProperty interaction = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<DriftRow> rows = FXCollections.observableArrayList();
    private Consumer<RecordRef> onOpen = r -> { };
    private CompletableFuture<?> inFlight;

    /** @param sds the SDS connection's directory, or null when none is set up */
    public DriftViewModel(SdsDirectory sds, RegistrationsApi api, UiExecutor ui, I18n i18n, Executor io) {
        this.sds = sds;
        this.api = api;
        this.ui = ui;
        this.i18n = i18n;
        this.io = io;
        state.set(sds == null ? State.NO_CONNECTION : State.IDLE);
        message.set(sds == null ? i18n.get("registrations.sds.noConnection") : i18n.get("registrations.drift.hint"));
    }

    /** Compares our registrations of the organisation and interaction with SDS's. */
    public void compare() {
        if (sds == null || state.get() == State.RUNNING) {
            return;
        }
        String ods = odsCode.get().strip().toUpperCase(java.util.Locale.ROOT);
        String id = interaction.get().strip();
        String problem = Identifiers.checkOdsCode(ods).or(() -> Identifiers.checkInteractionId(id)).map(i18n::rule).orElse(null);
        if (problem != null) {
            state.set(State.FAILED);
            message.set(problem);
            return;
        }
        state.set(State.RUNNING);
        message.set(i18n.get("registrations.drift.running", ods, id));
        rows.clear();
        counts.set("");
        DriftScope scope = DriftScope.organisationAndInteraction(ods, id);
        RegistrationFilter filter = new RegistrationFilter(null, null, ods, null, null, id, null, null, null, null);
        CompletableFuture<DriftReport> endpoints = all(c -> api.endpoints(filter, c, PAGE))
                .thenCombine(sds.endpoints(ods, id), (ours, published) -> EndpointDrift.compare(scope, ours,
                        published.records()));
        CompletableFuture<DriftReport> systems = all(c -> api.accreditedSystems(filter, c, PAGE))
                .thenCombine(sds.accreditedSystems(ods, id), (ours, published) -> SystemDrift.compare(scope, ours,
                        published.records()));
        inFlight = ui.deliver(endpoints.thenCombine(systems, List::of), this::show, this::fail);
    }

    private void show(List<DriftReport> reports) {
        inFlight = null;
        List<DriftRow> all = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (DriftReport r : reports) {
            all.addAll(r.rows());
            lines.add(countsLine(r.counts()));
        }
        rows.setAll(all);
        counts.set(String.join("\n", lines));
        state.set(State.DONE);
        message.set(all.isEmpty() ? i18n.get("registrations.drift.none") : i18n.get("registrations.drift.rows", all.size()));
    }

    private String countsLine(DriftCounts c) {
        String byField = c.differentByField().entrySet().stream()
                .map(e -> i18n.get("registrations.sds.field." + e.getKey().code()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return i18n.get("registrations.drift.counts", Labels.recordType(i18n, c.type()), c.ours(), c.published(), c.same(),
                c.missingInSds(), c.missingHere(), c.different()) + (byField.isEmpty() ? "" : " (" + byField + ")");
    }

    private void fail(Throwable t) {
        inFlight = null;
        state.set(State.FAILED);
        message.set(t instanceof SdsException e ? i18n.get("registrations.sds.failed." + e.reason().code(), e.getMessage())
                : i18n.get("registrations.drift.failed", String.valueOf(t.getMessage())));
    }

    /** Opens our record of a row (nothing for a record missing here). */
    public void open(DriftRow row) {
        if (row != null && row.ours() != null) {
            onOpen.accept(row.ours());
        }
    }

    public void setOnOpen(Consumer<RecordRef> onOpen) {
        this.onOpen = onOpen;
    }

    /** Writes the rows as CSV to {@code file}, off the UI thread; the message says how it went. */
    public CompletableFuture<Void> export(Path file) {
        List<DriftRow> snapshot = List.copyOf(rows);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> write(file, snapshot), io);
        return ui.deliver(write, v -> message.set(i18n.get("registrations.drift.exported", snapshot.size(), file)),
                t -> message.set(i18n.get("registrations.drift.exportFailed", file, String.valueOf(t.getMessage()))));
    }

    /** A row's differences in one line: each field with both values. */
    public String describe(DriftRow row) {
        return row.differences().stream().map(this::describe).collect(Collectors.joining("; "));
    }

    private String describe(Difference d) {
        String field = i18n.get("registrations.sds.field." + d.field().code());
        if (!d.onlyHere().isEmpty() || !d.onlyInSds().isEmpty()) {
            return i18n.get("registrations.drift.interactions", field, String.join(" ", d.onlyHere()),
                    String.join(" ", d.onlyInSds()));
        }
        return i18n.get("registrations.drift.difference", field, String.valueOf(d.ours()), String.valueOf(d.published()));
    }

    private void write(Path file, List<DriftRow> snapshot) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("type,status,key,odsCode,ourId,sdsId,differences\r\n");
            for (DriftRow r : snapshot) {
                w.write(String.join(",", csv(r.type().code()), csv(r.status().code()), csv(r.key()), csv(r.odsCode()),
                        csv(r.ourId()), csv(r.sdsId()), csv(describe(r))) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** Every page of a listing, in order. */
    private static <T> CompletableFuture<List<T>> all(Function<String, CompletableFuture<Page<T>>> page) {
        List<T> out = new ArrayList<>();
        return next(page, null, out).thenApply(v -> out);
    }

    private static <T> CompletableFuture<Void> next(Function<String, CompletableFuture<Page<T>>> page, String cursor,
                                                     List<T> out) {
        return page.apply(cursor).thenCompose(p -> {
            out.addAll(p.items());
            return p.nextCursor() == null ? CompletableFuture.completedFuture(null) : next(page, p.nextCursor(), out);
        });
    }

    /** Stops a comparison in flight (the view went away). */
    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
            state.set(sds == null ? State.NO_CONNECTION : State.IDLE);
        }
    }

    public StringProperty odsCodeProperty() {
        return odsCode;
    }

    public StringProperty interactionProperty() {
        return interaction;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ObservableList<DriftRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }
}
