package io.spineconsole.ui.migration;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemCreate;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
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

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The form for one decommission checklist item (or a new one): title, owner, evidence and done,
 * checked as the user types (an item is done only with its evidence), saved against the version
 * it was read at. A conflict keeps the user's text and shows the server's current item beside it,
 * to re-apply on top of it or to take theirs. A failed save never loses what was typed.
 */
public final class ChecklistItemEditor {
    /** As the server checks it: 2-64 lower-case letters, digits and hyphens. */
    static final Pattern KEY = Pattern.compile("^[a-z0-9][a-z0-9-]{1,63}$");
    private final MigrationViewModel root;
    private final I18n i18n;
    private final ObjectProperty<ChecklistItem> item = new SimpleObjectProperty<>();
    private final BooleanProperty creating = new SimpleBooleanProperty();
    private final BooleanProperty done = new SimpleBooleanProperty();
    private final BooleanProperty doneBaseline = new SimpleBooleanProperty();
    private final ValidatedField key;
    private final ValidatedField title;
    private final ValidatedField owner;
    private final ValidatedField evidence;
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final ObjectProperty<ChecklistItem> conflict = new SimpleObjectProperty<>();
    private final BooleanBinding dirty;
    private final StringBinding evidenceError;
    private String siteCode;

    ChecklistItemEditor(MigrationViewModel root) {
        this.root = root;
        this.i18n = root.i18n();
        key = new ValidatedField(v -> !creating.get() ? ""
                : v.isBlank() ? i18n.get("migration.checklist.keyRequired")
                : KEY.matcher(v.strip()).matches() ? "" : i18n.get("migration.checklist.keyFormat"));
        title = new ValidatedField(v -> !isOpen() ? ""
                : v.isBlank() ? i18n.get("migration.checklist.titleRequired")
                : v.strip().length() > 300 ? i18n.get("migration.checklist.tooLong", 300) : "");
        owner = new ValidatedField(v -> v.strip().length() > 100 ? i18n.get("migration.checklist.tooLong", 100) : "");
        evidence = new ValidatedField(v -> v.strip().length() > 2000 ? i18n.get("migration.checklist.tooLong", 2000) : "");
        // Ticking "done" makes evidence required, so its check depends on both.
        evidenceError = Bindings.createStringBinding(() -> !evidence.errorProperty().get().isEmpty()
                        ? evidence.errorProperty().get()
                        : done.get() && evidence.value().isBlank() ? i18n.get("migration.checklist.evidenceRequired") : "",
                evidence.errorProperty(), evidence.valueProperty(), done);
        dirty = Bindings.createBooleanBinding(() -> (item.get() != null || creating.get())
                        && (key.isDirty() || title.isDirty() || owner.isDirty() || evidence.isDirty()
                        || done.get() != doneBaseline.get()),
                item, creating, key.dirtyProperty(), title.dirtyProperty(), owner.dirtyProperty(),
                evidence.dirtyProperty(), done, doneBaseline);
    }

    /** True while the form shows an item or a new one: a closed form reports no problem. */
    private boolean isOpen() {
        return item.get() != null || creating.get();
    }

    /** Empties a field and has its check run again (setting the same text would not). */
    private static void clear(ValidatedField field) {
        field.reset(" ");
        field.reset("");
    }

    /** Edits {@code loaded} of site {@code site}; the form takes its values as unchanged. */
    public void edit(String site, ChecklistItem loaded) {
        siteCode = site;
        creating.set(false);
        conflict.set(null);
        error.set("");
        item.set(loaded);
        key.reset(loaded.key());
        title.reset(loaded.title());
        owner.reset(loaded.owner());
        done.set(loaded.done());
        doneBaseline.set(loaded.done());
        evidence.reset(loaded.evidence());
    }

    /** Starts a new item for {@code site}. */
    public void create(String site) {
        siteCode = site;
        item.set(null);
        conflict.set(null);
        error.set("");
        creating.set(true);
        clear(key);
        clear(title);
        clear(owner);
        done.set(false);
        doneBaseline.set(false);
        evidence.reset("");
    }

    /** Closes the form, dropping any edit. */
    public void close() {
        item.set(null);
        creating.set(false);
        conflict.set(null);
        error.set("");
        done.set(false);
        doneBaseline.set(false);
        clear(key);
        clear(title);
        clear(owner);
        clear(evidence);
    }

    public boolean isValid() {
        return key.isValid() && title.isValid() && owner.isValid() && evidenceError.get().isEmpty();
    }

    /**
     * Saves the form: a new item is created, an existing one patched with what changed, based on
     * the version it was read at (or, after a conflict, the server's current one: "apply mine on top").
     */
    public CompletableFuture<ChecklistItem> save(Consumer<ChecklistItem> onSaved) {
        if (!isValid() || saving.get() || siteCode == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The form is not valid"));
        }
        saving.set(true);
        error.set("");
        CompletableFuture<ChecklistItem> call;
        if (creating.get()) {
            call = root.api().createChecklistItem(siteCode, new ChecklistItemCreate(key.value().strip(),
                    title.value().strip(), owner.valueOrNull()));
        } else {
            ChecklistItem base = conflict.get() != null ? conflict.get() : item.get();
            ChecklistItemPatch patch = new ChecklistItemPatch(
                    changed(title.value().strip(), base.title()) ? title.value().strip() : null,
                    changed(owner.value().strip(), base.owner()) ? owner.value().strip() : null,
                    done.get() != base.done() ? done.get() : null,
                    changed(evidence.value().strip(), base.evidence()) ? evidence.value().strip() : null);
            call = root.api().updateChecklistItem(siteCode, base.key(), patch, base.version());
        }
        root.ui().deliver(call, saved -> {
            saving.set(false);
            edit(siteCode, saved);
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.isStale() && api.current() instanceof ChecklistItem current) {
                conflict.set(current);
                error.set(i18n.get("migration.checklist.conflict", current.updatedBy(),
                        root.labels().dateTimeZoned(current.updatedAt())));
                return;
            }
            if (api != null) {
                for (ApiException.FieldError fe : api.fieldErrors()) {
                    fieldFor(fe.field()).ifPresent(f -> f.showServerError(fe.message()));
                }
            }
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
        return call;
    }

    /** After a conflict: drop the user's edit and show the server's item. */
    public void takeTheirs() {
        ChecklistItem current = conflict.get();
        if (current != null) {
            edit(siteCode, current);
        }
    }

    private java.util.Optional<ValidatedField> fieldFor(String pointer) {
        if (pointer == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(switch (pointer.replace("/", "")) {
            case "key" -> key;
            case "title" -> title;
            case "owner" -> owner;
            case "evidence" -> evidence;
            default -> null;
        });
    }

    private static boolean changed(String typed, String stored) {
        return !Objects.equals(typed, stored == null ? "" : stored.strip());
    }

    public ReadOnlyObjectProperty<ChecklistItem> itemProperty() {
        return item;
    }

    public ReadOnlyBooleanProperty creatingProperty() {
        return creating;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    public ValidatedField key() {
        return key;
    }

    public ValidatedField title() {
        return title;
    }

    public ValidatedField owner() {
        return owner;
    }

    public ValidatedField evidence() {
        return evidence;
    }

    /** The evidence's problem: too long, or missing while the item is marked done. */
    public StringBinding evidenceErrorProperty() {
        return evidenceError;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail;
    }

    /** The server's current item when the save met someone else's change; null otherwise. */
    public ReadOnlyObjectProperty<ChecklistItem> conflictProperty() {
        return conflict;
    }

    /** True when the form holds something not saved. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    String siteCode() {
        return siteCode;
    }
}
