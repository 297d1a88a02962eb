package io.spineconsole.ui.registrations;

import io.spineconsole.domain.Role;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Map;
import java.util.Optional;

/**
 * One registration list with its detail pane and its form: find a record, read it, change it. The form
 * replaces the detail while editing; a save shows the saved record in the detail and in its list row.
 *
 * @param <T> the record type
 */
public final class BrowserViewModel<T> {
    private final RecordKind<T> kind;
    private final RecordListViewModel<T> list;
    private final DetailViewModel<T> detail;
    private final RecordForm<T> form;
    private final I18n i18n;
    private final BooleanProperty editing = new SimpleBooleanProperty();
    private final BooleanProperty mayChange = new SimpleBooleanProperty();
    private final BooleanProperty mayPreviewImport = new SimpleBooleanProperty();
    private final StringProperty saved = new SimpleStringProperty("");
    private WorkspaceContext context;

    public BrowserViewModel(RecordKind<T> kind, RecordForm<T> form, UiExecutor ui, I18n i18n, ViewMemory memory,
                            Debouncer debouncer) {
        this.kind = kind;
        this.i18n = i18n;
        this.list = new RecordListViewModel<>(kind, ui, i18n, memory, debouncer);
        this.detail = new DetailViewModel<>(kind, ui, i18n);
        this.form = form;
        detail.setOnChanged(list::replace);
        form.setOnSaved(this::onSaved);
    }

    public void connect(WorkspaceContext newContext) {
        context = newContext;
        editing.set(false);
        form.cancel();
        saved.set("");
        mayChange.set(newContext.may(Role.ADMIN));
        mayPreviewImport.set(newContext.may(Role.OPERATOR));
        detail.connect(newContext);
        list.connect(newContext.api().registrations());
    }

    public void dispose() {
        form.cancel();
        editing.set(false);
        list.dispose();
        detail.dispose();
        context = null;
    }

    /** F5: the list again from its first page, and the record shown read again (an open form is left alone). */
    public void refresh() {
        list.refresh();
        if (!editing.get()) {
            detail.reload();
        }
    }

    /** Shows a list row in the detail pane. */
    public void select(T row) {
        saved.set("");
        if (row == null) {
            detail.clear();
        } else {
            detail.show(row);
        }
    }

    /** Loads a record by id into the detail pane (a link, a finding, a related record). */
    public void open(String id) {
        editing.set(false);
        form.cancel();
        saved.set("");
        detail.open(id);
    }

    /** Starts a new record in the form; {@code prefill} maps field pointers to values. */
    public void startCreate(Map<String, String> prefill) {
        if (!mayChange.get()) {
            return;
        }
        saved.set("");
        form.startCreate(prefill);
        editing.set(true);
    }

    /** Edits the record shown, as it is now. */
    public void startEdit() {
        if (!detail.canEdit()) {
            return;
        }
        saved.set("");
        form.edit(detail.record());
        editing.set(true);
    }

    /** Closes the form (the view has asked about unsaved changes first). */
    public void closeEditor() {
        form.cancel();
        editing.set(false);
    }

    public void save() {
        if (context != null) {
            form.save(context.api().registrations());
        }
    }

    private void onSaved(T record) {
        boolean created = detail.record() == null || !kind.id(detail.record()).equals(kind.id(record));
        editing.set(false);
        detail.show(record);
        if (created) {
            list.refresh();
        } else {
            list.replace(record);
        }
        saved.set(i18n.get("registrations.form.saved", detail.describe(record)));
    }

    /** What would be lost by leaving now. */
    public Optional<String> unsavedChanges() {
        return editing.get() ? form.unsavedChanges() : Optional.empty();
    }

    public RecordKind<T> kind() {
        return kind;
    }

    public RecordListViewModel<T> list() {
        return list;
    }

    public DetailViewModel<T> detail() {
        return detail;
    }

    public RecordForm<T> form() {
        return form;
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing;
    }

    /** True for an admin: the change actions are enabled (the server still decides). */
    public ReadOnlyBooleanProperty mayChangeProperty() {
        return mayChange;
    }

    /** True for an operator or admin: an import's dry run is allowed (only an admin imports for real). */
    public ReadOnlyBooleanProperty mayPreviewImportProperty() {
        return mayPreviewImport;
    }

    /** "Saved endpoint YES-0000806." after a save, until the next selection. */
    public ReadOnlyStringProperty savedProperty() {
        return saved;
    }

    WorkspaceContext context() {
        return context;
    }
}
