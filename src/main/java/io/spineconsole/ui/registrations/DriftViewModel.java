package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.registrations.RecordRef;
import io.spineconsole.domain.sds.Difference;
import io.spineconsole.domain.sds.DriftCounts;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.domain.sds.DriftReport;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
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

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Directory drift for one organisation and interaction: our endpoints and accredited systems against what SDS
 * publishes for the same search, the counts first (missing in SDS, missing here, different, by field), then one
 * row per record that is not the same. A row opens our record; the rows can be exported as CSV. A row can be marked
 * as expected, with a reason (audited on the server): it then shows who marked it and why, and leaves the drift
 * counts (counted as expected instead) until it is un-marked.
 */
public final class DriftViewModel {
    /** Where the comparison stands. */
    public enum State { NO_CONNECTION, IDLE, RUNNING, DONE, FAILED }

    private final boolean hasSds;
    private DriftSides sides;
    private final UiExecutor ui;
    private final I18n i18n;
    private final Executor io;
    private final StringProperty odsCode = new SimpleStringProperty("");
    private final StringProperty interaction = new SimpleStringProperty("");
    private final ObjectProperty<State> state = new SimpleObjectProperty<>();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<DriftRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DriftRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final Map<DriftRow, DriftExpectation> expected = new HashMap<>();
    private final Map<DriftRow, String> unsentReasons = new HashMap<>();
    private final BooleanProperty acting = new SimpleBooleanProperty();
    private final TimeText time;
    private final boolean mayMark;
    private boolean opensRecords = true;
    private boolean environmentMode;
    private List<DriftReport> reports = List.of();
    private Consumer<RecordRef> onOpen = r -> { };
    private CompletableFuture<?> inFlight;

    /** @param sds the SDS connection's directory, or null when none is set up */
    public DriftViewModel(SdsDirectory sds, RegistrationsApi api, UiExecutor ui, I18n i18n, Executor io) {
        this(sds, api, ui, i18n, io, new TimeText(Clock.systemUTC(), i18n, TimeText.UK), true);
    }

    /**
     * @param sds     the SDS connection's directory, or null when none is set up
     * @param mayMark whether the signed-in role may mark rows as expected (operator or admin)
     */
    public DriftViewModel(SdsDirectory sds, RegistrationsApi api, UiExecutor ui, I18n i18n, Executor io, TimeText time,
                          boolean mayMark) {
        this.time = time;
        this.mayMark = mayMark;
        this.hasSds = sds != null;
        this.sides = sds == null ? null : DriftSides.sds(api, sds);
        this.ui = ui;
        this.i18n = i18n;
        this.io = io;
        state.set(sds == null ? State.NO_CONNECTION : State.IDLE);
        message.set(sds == null ? i18n.get("registrations.sds.noConnection") : i18n.get("registrations.drift.hint"));
    }

    /**
     * A comparison of two environments' registrations (see {@link #compareEnvironments}), the same rows and counts
     * as drift against SDS; nothing is marked as expected here.
     */
    public static DriftViewModel forEnvironments(UiExecutor ui, I18n i18n, Executor io, TimeText time) {
        DriftViewModel vm = new DriftViewModel(null, null, ui, i18n, io, time, false);
        vm.environmentMode = true;
        vm.state.set(State.IDLE);
        vm.message.set(i18n.get("registrations.envdiff.hint"));
        return vm;
    }

    /** Compares our registrations of the organisation and interaction with SDS's. */
    public void compare() {
        if (!hasSds || state.get() == State.RUNNING) {
            return;
        }
        String ods = odsCode.get().strip().toUpperCase(java.util.Locale.ROOT);
        String id = interaction.get().strip();
        String problem = Identifiers.checkOdsCode(ods).or(() -> Identifiers.checkInteractionId(id)).map(i18n::rule).orElse(null);
        run(problem, ods, id);
    }

    /**
     * Compares environment {@code a}'s registrations with {@code b}'s: within the organisation and interaction
     * when given, else all of them. A row opens its record only when {@code opensRecords} ({@code a} is the
     * environment the workspace is connected to).
     */
    public void compareEnvironments(RegistrationsApi a, String aName, RegistrationsApi b, String bName,
                                    boolean opensRecords) {
        if (state.get() == State.RUNNING) {
            return;
        }
        String ods = odsCode.get().strip().toUpperCase(java.util.Locale.ROOT);
        String id = interaction.get().strip();
        String problem = (ods.isEmpty() ? Optional.<io.spineconsole.domain.RuleIssue>empty() : Identifiers.checkOdsCode(ods))
                .or(() -> id.isEmpty() ? Optional.empty() : Identifiers.checkInteractionId(id)).map(i18n::rule).orElse(null);
        this.sides = DriftSides.environments(a, aName, b, bName);
        this.opensRecords = opensRecords;
        run(problem, ods.isEmpty() ? null : ods, id.isEmpty() ? null : id);
    }

    /** Shows that the comparison could not start, and why (two environments not chosen, one not opened). */
    void refuse(String problem) {
        state.set(State.FAILED);
        message.set(problem);
    }

    /** Says what is wrong with the input, or runs the comparison of {@link #sides}. */
    private void run(String problem, String ods, String id) {
        if (problem != null) {
            state.set(State.FAILED);
            message.set(problem);
            return;
        }
        state.set(State.RUNNING);
        message.set(sides.running(i18n, ods, id));
        rows.clear();
        expected.clear();
        reports = List.of();
        counts.set("");
        inFlight = ui.deliver(sides.compare(ods, id).thenCombine(sides.expectations(), Result::new),
                r -> show(r.reports(), r.expectations()), this::fail);
    }

    private record Result(List<DriftReport> reports, List<DriftExpectation> expectations) {
    }

    private void show(List<DriftReport> found, List<DriftExpectation> expectations) {
        inFlight = null;
        reports = List.copyOf(found);
        expected.clear();
        List<DriftRow> all = new ArrayList<>();
        for (DriftReport r : reports) {
            for (DriftRow row : r.rows()) {
                all.add(row);
                DriftExpectation.covering(expectations, row).ifPresent(e -> expected.put(row, e));
            }
        }
        all.sort(Comparator.comparing(expected::containsKey)); // drift first, then what was marked as expected
        rows.setAll(all);
        state.set(State.DONE);
        recount();
    }

    /** The counts and the message from the rows and what is marked as expected now. */
    private void recount() {
        List<String> lines = new ArrayList<>();
        for (DriftReport r : reports) {
            lines.add(countsLine(r.counts().excluding(r.rows().stream().filter(expected::containsKey).toList())));
        }
        counts.set(String.join("\n", lines));
        long drift = rows.size() - expected.size();
        String text = drift == 0 && expected.isEmpty() ? sides.none(i18n)
                : drift == 0 ? i18n.get("registrations.drift.allExpected", expected.size())
                : i18n.get("registrations.drift.rows", drift);
        if (drift > 0 && !expected.isEmpty()) {
            text += " " + i18n.get("registrations.drift.alsoExpected", expected.size());
        }
        message.set(text);
    }

    private String countsLine(DriftCounts c) {
        String byField = c.differentByField().entrySet().stream()
                .map(e -> i18n.get("registrations.sds.field." + e.getKey().code()) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return sides.counts(i18n, Labels.recordType(i18n, c.type()), c.ours(), c.published(), c.same(),
                c.missingInSds(), c.missingHere(), c.different()) + (byField.isEmpty() ? "" : " (" + byField + ")")
                + (c.expected() == 0 ? "" : i18n.get("registrations.drift.countsExpected", c.expected()));
    }

    /** The expectation that covers {@code row}, if it was marked as expected. */
    public Optional<DriftExpectation> expectation(DriftRow row) {
        return Optional.ofNullable(row == null ? null : expected.get(row));
    }

    /** Who marked the row as expected, when and why, in one line; empty for a row that is drift. */
    public String expectationText(DriftRow row) {
        return expectation(row).map(e -> i18n.get("registrations.drift.expectedBy", e.markedBy(),
                time.dateTime(e.markedAt()) + " " + time.zoneName(e.markedAt()), e.reason())).orElse("");
    }

    /** Whether rows can be marked as expected at all (against SDS; environments are compared as they are). */
    public boolean showsExpectations() {
        return !environmentMode;
    }

    /** Whether the signed-in role may mark rows as expected (the server decides too). */
    public boolean mayMark() {
        return mayMark;
    }

    /** What to ask before marking {@code row} as expected: a reason is required (it goes to the audit log). */
    public Confirmation markConfirmation(DriftRow row) {
        return new Confirmation(i18n.get("registrations.drift.markTitle"), i18n.get("registrations.drift.markMessage",
                status(row), row.key()), i18n.get("registrations.drift.markAction"), false, true, null,
                unsentReasons.get(row));
    }

    private String status(DriftRow row) {
        return statusText(row.status());
    }

    /** A row's status in words; a row marked as expected says so. */
    public String statusText(DriftRow row) {
        return expected.containsKey(row) ? i18n.get("registrations.drift.expectedStatus", status(row)) : status(row);
    }

    private String statusText(io.spineconsole.domain.sds.DriftStatus s) {
        return sides == null ? "" : sides.status(i18n, s);
    }

    /** Marks {@code row} as expected with {@code reason}; a reason that did not go through is offered again. */
    public void markExpected(DriftRow row, String reason) {
        if (row == null || expected.containsKey(row) || acting.get()) {
            return;
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 3 || why.length() > 500) {
            message.set(i18n.get("registrations.drift.reasonLength"));
            return;
        }
        acting.set(true);
        unsentReasons.put(row, why);
        ui.deliver(sides.here().markDriftExpected(DriftExpectationCreate.of(row, why)), e -> {
            acting.set(false);
            unsentReasons.remove(row);
            expected.put(row, e);
            refresh(row);
            recount();
        }, t -> {
            acting.set(false);
            message.set(i18n.get("registrations.drift.markFailed", row.key(), String.valueOf(t.getMessage())));
        });
    }

    /** Removes the row's expectation: it counts as drift again. */
    public void unmark(DriftRow row) {
        DriftExpectation e = row == null ? null : expected.get(row);
        if (e == null || acting.get()) {
            return;
        }
        acting.set(true);
        ui.deliver(sides.here().unmarkDriftExpected(e.id()), v -> {
            acting.set(false);
            expected.remove(row);
            refresh(row);
            recount();
        }, t -> {
            acting.set(false);
            message.set(i18n.get("registrations.drift.unmarkFailed", row.key(), String.valueOf(t.getMessage())));
        });
    }

    /** Tells the table that the row's expectation changed (the same row, put back in its place). */
    private void refresh(DriftRow row) {
        int i = rows.indexOf(row);
        if (i >= 0) {
            rows.set(i, row);
        }
    }

    /** True while a mark or un-mark is on its way. */
    public ReadOnlyBooleanProperty actingProperty() {
        return acting;
    }

    private void fail(Throwable t) {
        inFlight = null;
        state.set(State.FAILED);
        message.set(t instanceof SdsException e ? i18n.get("registrations.sds.failed." + e.reason().code(), e.getMessage())
                : i18n.get("registrations.drift.failed", String.valueOf(t.getMessage())));
    }

    /** Opens our record of a row (nothing for a record missing here). */
    public void open(DriftRow row) {
        if (opens(row)) {
            onOpen.accept(row.ours());
        }
    }

    /** True when the row has a record here that the workspace can open. */
    public boolean opens(DriftRow row) {
        return row != null && row.ours() != null && opensRecords;
    }

    public void setOnOpen(Consumer<RecordRef> onOpen) {
        this.onOpen = onOpen;
    }

    /** Writes the rows as CSV to {@code file}, off the UI thread; the message says how it went. */
    public CompletableFuture<Void> export(Path file) {
        List<DriftRow> snapshot = List.copyOf(rows);
        Map<DriftRow, DriftExpectation> marks = Map.copyOf(expected);
        CompletableFuture<Void> write = CompletableFuture.runAsync(() -> write(file, snapshot, marks), io);
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
            return sides.interactions(i18n, field, String.join(" ", d.onlyHere()), String.join(" ", d.onlyInSds()));
        }
        return sides.difference(i18n, field, String.valueOf(d.ours()), String.valueOf(d.published()));
    }

    private void write(Path file, List<DriftRow> snapshot, Map<DriftRow, DriftExpectation> marks) {
        CsvRows.write(file, "type,status,key,odsCode,ourId,sdsId,differences,expectedBy,expectedReason", snapshot, r -> {
            DriftExpectation e = marks.get(r);
            return java.util.Arrays.asList(r.type().code(), r.status().code(), r.key(), r.odsCode(), r.ourId(), r.sdsId(),
                    describe(r), e == null ? null : e.markedBy(), e == null ? null : e.reason());
        });
    }

    /** Stops a comparison in flight (the view went away). */
    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
            state.set(hasSds || environmentMode ? State.IDLE : State.NO_CONNECTION);
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

    /**
     * The rows, read-only: always the same list, so a listener added to it lives as long as the model (a fresh
     * read-only wrapper per call listens to the rows weakly, and a listener on it went with it at the next GC).
     */
    public ObservableList<DriftRow> rows() {
        return readOnlyRows;
    }
}
