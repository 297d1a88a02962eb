package io.spineconsole.ui.registrations;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.Observable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A create or edit form for one registration record. Each field is checked as the user types (formats
 * from the domain's rules; cross-field rules from {@code RegistrationRules}, the same the server
 * applies), and the server's verdict on a save is shown on the field it names. A failed save keeps
 * every value typed. A save on a stale version (412) opens a {@link ConflictViewModel}: mine beside
 * theirs, with a way to re-apply mine on the current version or take theirs.
 *
 * @param <T> the record type
 */
public abstract class RecordForm<T> {
    /** How a field is entered. */
    public enum Input { TEXT, MULTILINE, CHOICE }

    /** One option of a choice field: the wire code, and its words. */
    public record Choice(String code, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One field: where the server names it (a JSON Pointer), its label, its input, and how to read it from a record. */
    public final class Field {
        private final String pointer;
        private final String label;
        private final ValidatedField input;
        private final Input type;
        private final List<Choice> choices;
        private final Function<T, String> read;
        private final boolean identity;
        private final String section;
        private final StringBinding shownError;
        private final BooleanProperty relevant = new SimpleBooleanProperty(true);

        private Field(String pointer, String label, ValidatedField input, Input type, List<Choice> choices,
                      Function<T, String> read, boolean identity, String section) {
            this.pointer = pointer;
            this.label = label;
            this.input = input;
            this.type = type;
            this.choices = choices;
            this.read = read;
            this.identity = identity;
            this.section = section;
            this.shownError = Bindings.createStringBinding(() -> {
                if (!input.isDirty() && !attempted.get()) {
                    return "";
                }
                String own = input.errorProperty().get();
                return own.isEmpty() ? crossErrors.getOrDefault(pointer, "") : own;
            }, input.errorProperty(), input.dirtyProperty(), attempted, crossErrors);
        }

        public String pointer() {
            return pointer;
        }

        public String label() {
            return label;
        }

        public ValidatedField input() {
            return input;
        }

        public Input type() {
            return type;
        }

        public List<Choice> choices() {
            return choices;
        }

        /** True for the record's key (ODS code, ASID): typed when creating, fixed afterwards. */
        public boolean identity() {
            return identity;
        }

        /** The heading the field sits under ("" for the first group). */
        public String section() {
            return section;
        }

        /** The problem to show beside the field: its own, or a cross-field one; shown once edited or saved. */
        public StringBinding shownErrorProperty() {
            return shownError;
        }

        /** False when the field does not apply (reliability of an express endpoint): the view may grey it. */
        public BooleanProperty relevantProperty() {
            return relevant;
        }

        String read(T record) {
            return record == null ? "" : Objects.requireNonNullElse(read.apply(record), "");
        }
    }

    protected final RecordKind<T> kind;
    protected final I18n i18n;
    private final UiExecutor ui;
    private final List<Field> fields = new ArrayList<>();
    private final ObservableMap<String, String> crossErrors = FXCollections.observableMap(new HashMap<>());
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> otherErrors = FXCollections.observableArrayList();
    private final BooleanProperty attempted = new SimpleBooleanProperty();
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final BooleanProperty creating = new SimpleBooleanProperty(true);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final ObjectProperty<ConflictViewModel<T>> conflict = new SimpleObjectProperty<>();
    private BooleanBinding dirty;
    private BooleanBinding valid;
    private T original;
    private long version;
    private boolean sealed;
    private Consumer<T> onSaved = r -> { };
    private CompletableFuture<T> inFlight;

    protected RecordForm(RecordKind<T> kind, UiExecutor ui, I18n i18n) {
        this.kind = kind;
        this.ui = ui;
        this.i18n = i18n;
    }

    /** Adds a field; subclasses call this from their constructor, then {@link #seal()}. */
    protected final Field field(String pointer, String label, Function<String, String> rule, Input type,
                                List<Choice> choices, Function<T, String> read, boolean identity, String section) {
        ValidatedField input = new ValidatedField(v -> {
            String problem = rule.apply(v);
            return problem == null ? "" : problem;
        });
        Field f = new Field(pointer, label, input, type, choices, read, identity, section);
        fields.add(f);
        input.valueProperty().addListener((o, a, b) -> recheck());
        return f;
    }

    /** Finishes construction: the form's dirty and valid state over every field. */
    protected final void seal() {
        Observable[] deps = fields.stream().flatMap(f -> java.util.stream.Stream.<Observable>of(f.input.dirtyProperty(),
                f.input.errorProperty())).toArray(Observable[]::new);
        dirty = Bindings.createBooleanBinding(() -> fields.stream().anyMatch(f -> f.input.isDirty()), deps);
        List<Observable> validDeps = new ArrayList<>(List.of(deps));
        validDeps.add(crossErrors);
        valid = Bindings.createBooleanBinding(() -> fields.stream().allMatch(f -> f.input.isValid()) && crossErrors.isEmpty(),
                validDeps.toArray(Observable[]::new));
        sealed = true;
        recheck();
    }

    /** Called with the saved record (the list and the detail show it). */
    public void setOnSaved(Consumer<T> onSaved) {
        this.onSaved = onSaved;
    }

    /** Starts a new record; {@code prefill} maps pointers to values (for example the owner's ODS code). */
    public void startCreate(Map<String, String> prefill) {
        cancel();
        original = null;
        version = 0;
        creating.set(true);
        for (Field f : fields) {
            f.input.reset(prefill.getOrDefault(f.pointer, defaultValue(f.pointer)));
        }
        clearOutcome();
    }

    /** Edits {@code record} as it is now (its version is the one the save is based on). */
    public void edit(T record) {
        cancel();
        creating.set(false);
        load(record);
    }

    private void load(T record) {
        original = record;
        version = kind.version(record);
        for (Field f : fields) {
            f.input.reset(f.read(record));
        }
        clearOutcome();
    }

    private void clearOutcome() {
        attempted.set(false);
        error.set("");
        errorDetail.set("");
        otherErrors.clear();
        conflict.set(null);
        recheck();
    }

    /** A value for a new record's field, before the user types (for example a default messaging pattern). */
    protected String defaultValue(String pointer) {
        return "";
    }

    /** Saves: creates, or updates the version the edit started from. Nothing is sent while a field is invalid. */
    public void save(RegistrationsApi api) {
        attempted.set(true);
        if (saving.get() || !valid.get() || conflict.get() != null) {
            return;
        }
        CompletableFuture<T> call;
        try {
            call = creating.get() ? create(api) : update(api, kind.id(original), version);
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        saving.set(true);
        error.set("");
        errorDetail.set("");
        otherErrors.clear();
        inFlight = ui.deliver(call, saved -> {
            saving.set(false);
            inFlight = null;
            creating.set(false);
            load(saved);
            onSaved.accept(saved);
        }, this::failed);
    }

    private void failed(Throwable failure) {
        saving.set(false);
        inFlight = null;
        ApiException api = ApiException.unwrap(failure);
        errorDetail.set(ErrorText.detail(failure));
        if (api != null && api.isStale() && kind.isInstance(api.current())) {
            showConflict(kind.cast(api.current()));
            return;
        }
        error.set(ErrorText.sentence(i18n, failure));
        if (api != null) {
            for (ApiException.FieldError fe : api.fieldErrors()) {
                Optional<Field> target = fieldFor(fe.field());
                if (target.isPresent() && !fe.field().isEmpty()) {
                    target.get().input.showServerError(fe.message());
                } else {
                    otherErrors.add(fe.message());
                }
            }
        }
    }

    /** Someone saved {@code theirs} after this edit began: compare, then re-apply mine or take theirs. */
    void showConflict(T theirs) {
        error.set("");
        conflict.set(new ConflictViewModel<>(this, original, theirs));
    }

    /** Re-applies what I changed on top of their version: fields I did not touch take their values. */
    void reapply(T theirs) {
        Map<Field, String> mine = new HashMap<>();
        for (Field f : fields) {
            if (!norm(f.input.value()).equals(norm(f.read(original)))) {
                mine.put(f, f.input.value());
            }
        }
        load(theirs);
        mine.forEach((f, value) -> f.input.valueProperty().set(value));
        error.set(i18n.get("registrations.conflict.reapplied"));
    }

    /** Drops my edit and shows their version. */
    void takeTheirs(T theirs) {
        load(theirs);
    }

    /** Stops a save in flight; the form keeps what was typed. */
    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight = null;
        }
        saving.set(false);
    }

    /** The form's field for a server pointer: exact, or the list it indexes, or the group it names. */
    Optional<Field> fieldFor(String pointer) {
        if (pointer == null) {
            return Optional.empty();
        }
        for (Field f : fields) {
            if (f.pointer.equals(pointer)) {
                return Optional.of(f);
            }
        }
        String withoutIndex = pointer.replaceFirst("/\\d+$", "");
        for (Field f : fields) {
            if (f.pointer.equals(withoutIndex)) {
                return Optional.of(f);
            }
        }
        return fields.stream().filter(f -> f.pointer.startsWith(pointer + "/")).findFirst();
    }

    private void recheck() {
        if (!sealed) {
            return;
        }
        Map<String, String> found = new HashMap<>();
        List<String> unplaced = new ArrayList<>();
        for (FieldRuleIssue issue : crossCheck()) {
            Optional<Field> f = fieldFor(issue.field());
            String words = i18n.rule(issue.issue());
            if (f.isPresent()) {
                found.putIfAbsent(f.get().pointer, words);
            } else {
                unplaced.add(words);
            }
        }
        if (!unplaced.isEmpty()) {
            found.put("", String.join(" ", unplaced));
        }
        if (!found.equals(crossErrors)) {
            crossErrors.clear();
            crossErrors.putAll(found);
        }
        List<String> w = warningsCheck().stream().map(issue -> i18n.rule(issue.issue())).toList();
        if (!w.equals(warnings)) {
            warnings.setAll(w);
        }
        relevance();
    }

    /** The whole-record rules over the values as they would be sent (fields that do not parse are left out). */
    protected abstract List<FieldRuleIssue> crossCheck();

    /** Oddities the directory accepts but a person should see before saving. */
    protected abstract List<FieldRuleIssue> warningsCheck();

    /** Updates which fields apply (for example reliability only for reliable patterns). */
    protected void relevance() {
    }

    protected abstract CompletableFuture<T> create(RegistrationsApi api);

    protected abstract CompletableFuture<T> update(RegistrationsApi api, String id, long baseVersion);

    protected abstract String updatedBy(T record);

    /** The field at {@code pointer}. */
    protected final Field get(String pointer) {
        return fields.stream().filter(f -> f.pointer.equals(pointer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(pointer));
    }

    /** The trimmed value at {@code pointer}, or null when blank. */
    protected final String value(String pointer) {
        return get(pointer).input.valueOrNull();
    }

    /** What would be lost by leaving now, in a sentence; empty when nothing. */
    public Optional<String> unsavedChanges() {
        if (!isDirty()) {
            return Optional.empty();
        }
        String type = Labels.recordType(i18n, kind.type()).toLowerCase(i18n.locale());
        return Optional.of(creating.get() ? i18n.get("registrations.form.unsavedNew", type)
                : i18n.get("registrations.form.unsaved", type, displayId(original)));
    }

    /** "New endpoint", "Edit endpoint YES-0000806". */
    public String title() {
        String type = Labels.recordType(i18n, kind.type()).toLowerCase(i18n.locale());
        return creating.get() ? i18n.get("registrations.form.newTitle", type)
                : i18n.get("registrations.form.editTitle", type, displayId(original));
    }

    /** How the record is named to a person (an endpoint by its party key). */
    protected String displayId(T record) {
        return record == null ? "" : kind.id(record);
    }

    static String norm(String s) {
        return s == null ? "" : s.strip();
    }

    static String lines(List<String> values) {
        return values == null ? "" : String.join("\n", values);
    }

    static List<String> splitLines(String text) {
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public RecordKind<T> kind() {
        return kind;
    }

    public List<Field> fields() {
        return fields;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }

    public boolean isCreating() {
        return creating.get();
    }

    /** The failed save in a sentence ("" when none). */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }

    /** Server field errors the form has no field for. */
    public ObservableList<String> otherErrors() {
        return otherErrors;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Cross-field problems no field can show (keyed ""), and those of each field. */
    public ObservableMap<String, String> crossErrors() {
        return crossErrors;
    }

    public ReadOnlyObjectProperty<ConflictViewModel<T>> conflictProperty() {
        return conflict;
    }

    /** The record the edit started from (null when creating). */
    public T original() {
        return original;
    }

    /** The version a save is based on (sent as If-Match). */
    public long baseVersion() {
        return version;
    }
}
