package io.spineconsole.ui.admin;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditVocabulary;
import io.spineconsole.domain.audit.AuditQuery;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The audit log across every area: who did what to which record, when and why, filtered by
 * person, record, action and time, a page at a time (by the server's cursor), each entry's record
 * before and after as the fields that changed, and a link to the record.
 */
public final class AuditBrowserViewModel {
    static final int PAGE = 50;
    /** The entity types the server audits (openapi.yaml's EntityType), for the filter. */
    public static final List<String> ENTITY_TYPES = AuditVocabulary.ENTITY_TYPES;
    /** The actions the server audits (openapi.yaml's AuditAction), for the filter. */
    public static final List<String> ACTIONS = AuditVocabulary.ACTIONS;

    /** One member of a record that an entry changed: its value before and after (null when absent). */
    public record Change(String field, String before, String after) {
    }

    private final UiExecutor ui;
    private final I18n i18n;
    private final ZoneId zone;
    private final StringProperty person = new SimpleStringProperty("");
    private final ObjectProperty<String> entityType = new SimpleObjectProperty<>();
    private final StringProperty entityId = new SimpleStringProperty("");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.IDLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper more = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private WorkspaceContext context;
    private AuditQuery shown;
    private String next;
    private CompletableFuture<?> loading;

    public AuditBrowserViewModel(UiExecutor ui, I18n i18n, ZoneId zone) {
        this.ui = ui;
        this.i18n = i18n;
        this.zone = zone;
    }

    public void connect(WorkspaceContext value) {
        this.context = value;
        entries.clear();
        selected.set(null);
        shown = null;
        state.set(LoadState.IDLE);
    }

    public void dispose() {
        cancel();
        context = null;
    }

    /** What is wrong with the filter as typed, in a sentence; empty when it may be sent. */
    public Optional<String> checkFilter() {
        if (!entityId.get().isBlank() && entityType.get() == null) {
            return Optional.of(i18n.get("admin.audit.idNeedsType"));
        }
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            return Optional.of(i18n.get("admin.audit.toBeforeFrom"));
        }
        return Optional.empty();
    }

    /** Searches with the filter as it stands, from the newest entry. */
    public void search() {
        Optional<String> wrong = checkFilter();
        if (wrong.isPresent()) {
            error.set(wrong.get());
            return;
        }
        shown = new AuditQuery(entityType.get(), blankToNull(entityId.get()), blankToNull(person.get()), action.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(), false, PAGE, null);
        entries.clear();
        selected.set(null);
        load(shown, false);
    }

    /** The next page of the same search, added below. */
    public void loadMore() {
        if (shown != null && next != null) {
            load(shown.withCursor(next), true);
        }
    }

    /** Shows one record's history: the filter set to it, and searched. */
    public void showRecord(String type, String id) {
        clearFilter();
        entityType.set(type);
        entityId.set(id == null ? "" : id);
        search();
    }

    public void clearFilter() {
        person.set("");
        entityType.set(null);
        entityId.set("");
        action.set(null);
        from.set(null);
        to.set(null);
    }

    private void load(AuditQuery query, boolean append) {
        if (context == null) {
            return;
        }
        cancel();
        state.set(LoadState.LOADING);
        loading = ui.deliver(context.api().audit().search(query), page -> {
            entries.addAll(page.items());
            next = page.nextCursor();
            more.set(next != null);
            error.set("");
            state.set(entries.isEmpty() ? LoadState.EMPTY : LoadState.LOADED);
            if (!append && !entries.isEmpty()) {
                selected.set(entries.get(0));
            }
        }, failure -> {
            state.set(LoadState.FAILED);
            error.set(ErrorText.sentence(i18n, failure));
        });
    }

    /** At most this many entries go into one export (the server's own limit). */
    static final int MAX_EXPORT = 100_000;

    /** Whether the search shown can be exported (one has been made). */
    public boolean canExport() {
        return shown != null && context != null;
    }

    /**
     * Exports every entry the search shown found (not only the pages loaded), newest first, to {@code target}
     * as NDJSON; the server audits the export. Says how it went in {@link #exportMessageProperty()}.
     */
    public void export(java.nio.file.Path target) {
        if (!canExport() || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportMessage.set(i18n.get("admin.audit.exporting"));
        ui.deliver(context.api().audit().export(shown.withCursor(null), MAX_EXPORT, target), result -> {
            exporting.set(false);
            exportMessage.set(i18n.get(result.truncated() ? "admin.audit.exportedTruncated" : "admin.audit.exported",
                    target.getFileName().toString(), MAX_EXPORT));
        }, failure -> {
            exporting.set(false);
            exportMessage.set(i18n.get("admin.audit.exportFailed", ErrorText.sentence(i18n, failure)));
        });
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    private void cancel() {
        if (loading != null) {
            loading.cancel(true);
        }
    }

    /** The members an entry changed, in name order; for a create every member after, for a delete every one before. */
    public static List<Change> changes(AuditEntry entry) {
        Map<String, Object> before = entry.before() == null ? Map.of() : entry.before();
        Map<String, Object> after = entry.after() == null ? Map.of() : entry.after();
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> out = new ArrayList<>();
        for (String f : fields) {
            if (f.equals("version") || f.equals("updatedAt") || f.equals("updatedBy")) {
                continue; // every change moves these: they say nothing of what changed
            }
            Object b = before.get(f);
            Object a = after.get(f);
            if (!Objects.equals(b, a)) {
                out.add(new Change(f, b == null ? null : String.valueOf(b), a == null ? null : String.valueOf(a)));
            }
        }
        return out;
    }

    /** Where in the console an entry's record is shown; empty for records with no page of their own. */
    public static Optional<ConsoleLink> link(AuditEntry entry) {
        String id = entry.entityId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        switch (entry.entityType()) {
            case "organisation":
                return Optional.of(ConsoleLink.of("registrations", "organisations/" + id));
            case "accredited-system":
                return Optional.of(ConsoleLink.of("registrations", "systems/" + id));
            case "endpoint":
                return Optional.of(ConsoleLink.of("registrations", "endpoints/" + id));
            case "message":
                return Optional.of(ConsoleLink.of("messages", "message/" + id));
            case "component":
                return Optional.of(ConsoleLink.of("migration", "components/" + id));
            case "site":
                return Optional.of(ConsoleLink.of("migration", "sites/" + id));
            default:
                return Optional.empty();
        }
    }

    /** The link that opens this browser filtered to one record's history. */
    public static ConsoleLink historyLink(String entityType, String entityId) {
        return ConsoleLink.of("admin", "audit").with("type", entityType).with("id", entityId);
    }

    /** Who, as the list shows it: the name, and the role when the entry was made with a token. */
    public String who(AuditEntry entry) {
        return entry.actor().role() == null ? entry.actor().name()
                : i18n.get("admin.audit.who", entry.actor().name(), i18n.get("role." + entry.actor().role().code()));
    }

    /**
     * Who, in full, for the chosen entry: a person signed in through single sign-on with their subject at the
     * issuer; a token with its id and its owner; history recorded without a token by name alone.
     */
    public String whoInFull(AuditEntry entry) {
        var actor = entry.actor();
        if (actor.subject() != null) {
            return i18n.get("admin.audit.byPerson", who(entry), actor.subject());
        }
        if (actor.tokenId() == null) {
            return i18n.get("admin.audit.by", who(entry));
        }
        return actor.owner() == null ? i18n.get("admin.audit.byToken", who(entry), actor.tokenId())
                : i18n.get("admin.audit.byTokenOf", who(entry), actor.tokenId(), actor.owner());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty personProperty() {
        return person;
    }

    public ObjectProperty<String> entityTypeProperty() {
        return entityType;
    }

    public StringProperty entityIdProperty() {
        return entityId;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreProperty() {
        return more.getReadOnlyProperty();
    }
}
