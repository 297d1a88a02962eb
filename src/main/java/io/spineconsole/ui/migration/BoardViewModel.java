package io.spineconsole.ui.migration;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UnsentReasons;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The board: every component matching the filters (site, wave, owner, text), by state, and the
 * moves between states. The console offers only the moves the programme's rules allow from a
 * state; the server decides each one, and a refusal keeps its reason and the components that block it.
 */
public final class BoardViewModel {
    static final String MEMORY_SITE = "migration.board.site";
    static final String MEMORY_WAVE = "migration.board.wave";
    static final String MEMORY_OWNER = "migration.board.owner";
    static final String MEMORY_TEXT = "migration.board.text";
    static final String MEMORY_LAYOUT = "migration.board.layout";
    private static final int PAGE = 500;
    private final MigrationViewModel root;
    private final LatestLoad load;
    private final Debouncer typing;
    private final io.spineconsole.ui.common.I18n i18n;
    private final ObservableList<Component> components = FXCollections.observableArrayList();
    private final ObservableList<String> owners = FXCollections.observableArrayList();
    private final TreeSet<String> knownOwners = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final StringProperty site = new SimpleStringProperty();
    private final ObjectProperty<Integer> wave = new SimpleObjectProperty<>();
    private final StringProperty owner = new SimpleStringProperty();
    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty moving = new SimpleBooleanProperty();
    private final BooleanProperty asList = new SimpleBooleanProperty();
    private final StringProperty outcome = new SimpleStringProperty("");
    private final ObjectProperty<Refusal> refusal = new SimpleObjectProperty<>();
    private final UnsentReasons unsentReasons = new UnsentReasons();

    /** A move the server refused: its reason in words and what blocks it. */
    public record Refusal(String component, ComponentState from, ComponentState to, String message,
                          List<MigrationBlocker> blockers, List<String> details) {
    }

    BoardViewModel(MigrationViewModel root) {
        this.root = root;
        this.load = new LatestLoad(root.ui(), root.i18n(), () -> !components.isEmpty());
        load.onRetry(this::load);
        this.i18n = root.i18n();
        root.memory().recall(MEMORY_SITE).ifPresent(site::set);
        root.memory().recall(MEMORY_WAVE).ifPresent(w -> {
            try {
                wave.set(Integer.valueOf(w));
            } catch (NumberFormatException ignored) {
                // a hand-edited settings file: no wave filter
            }
        });
        root.memory().recall(MEMORY_OWNER).ifPresent(owner::set);
        root.memory().recall(MEMORY_TEXT).ifPresent(text::set);
        asList.set(root.memory().recall(MEMORY_LAYOUT).map("list"::equals).orElse(false));
        asList.addListener((o, a, b) -> remember(MEMORY_LAYOUT, b ? "list" : null));
        // Typing filters once the user pauses; any other load (a box changed, Enter, F5) takes the text as it is.
        this.typing = root.debouncers().create();
        text.addListener((o, a, b) -> typing.submit(this::load));
    }

    /** The query the filters describe. */
    ComponentQuery query(String cursor) {
        String q = text.get() == null || text.get().isBlank() ? null : text.get().strip();
        String o = owner.get() == null || owner.get().isBlank() ? null : owner.get().strip();
        return new ComponentQuery(List.of(), wave.get(), blankToNull(site.get()), o, q, "code", PAGE, cursor);
    }

    /** Loads the board for the filters as they are; an answer to an older filter never lands. */
    public void load() {
        typing.cancel();
        if (!root.connected()) {
            return;
        }
        remember();
        var api = root.api();
        load.start(Pages.all(c -> api.listComponents(query(c)), 20), list -> {
            components.setAll(list);
            list.forEach(c -> {
                if (c.owner() != null && knownOwners.add(c.owner())) {
                    owners.setAll(knownOwners);
                }
            });
        }, List::isEmpty);
    }

    public void cancel() {
        typing.cancel();
        load.cancel();
    }

    /** Clears every filter and reloads. */
    public void clearFilters() {
        site.set(null);
        wave.set(null);
        owner.set(null);
        text.set("");
        load();
    }

    /** Keeps the filters for the next run; writes only what changed (each write saves the settings file). */
    private void remember() {
        remember(MEMORY_SITE, blankToNull(site.get()));
        remember(MEMORY_WAVE, wave.get() == null ? null : wave.get().toString());
        remember(MEMORY_OWNER, blankToNull(owner.get()));
        remember(MEMORY_TEXT, blankToNull(text.get()));
    }

    private void remember(String key, String value) {
        if (!java.util.Objects.equals(root.memory().recall(key).orElse(null), value)) {
            root.memory().remember(key, value);
        }
    }

    /** The components in one column, in code order. */
    public List<Component> column(ComponentState s) {
        return components.stream().filter(c -> c.state() == s).toList();
    }

    public Optional<Component> find(String code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The states a component may move to from where it is, in lifecycle order. */
    public List<ComponentState> allowedMoves(Component c) {
        return MigrationRules.LIFECYCLE.stream().filter(to -> MigrationRules.isAllowed(c.state(), to)).toList();
    }

    public boolean mayMove(Component c, ComponentState to) {
        return root.mayOperateProperty().get() && !moving.get() && c.state() != to
                && MigrationRules.isAllowed(c.state(), to);
    }

    /**
     * The hosting to send with a move, or null to leave it: a component decommissioned is no longer
     * in any data centre, so those sites are dropped from it (the confirmation says which).
     */
    public List<String> hostingAfter(Component c, ComponentState to) {
        if (to != ComponentState.DECOMMISSIONED) {
            return null;
        }
        List<String> cloud = c.hostedAt().stream()
                .filter(s -> root.siteKinds().get(s) == SiteKind.CLOUD_REGION).toList();
        return cloud.size() == c.hostedAt().size() ? null : cloud;
    }

    /** The data centres a move would take the component out of (empty for most moves). */
    public List<String> leavingSites(Component c, ComponentState to) {
        List<String> after = hostingAfter(c, to);
        if (after == null) {
            return List.of();
        }
        List<String> leaving = new ArrayList<>(c.hostedAt());
        leaving.removeAll(after);
        return leaving;
    }

    /**
     * Asks the server to move {@code c} to {@code to}. On success the board (and every tab that
     * shows it) reloads; a refusal is kept in {@link #refusalProperty()} with its blockers; a
     * conflict (someone moved it first) reloads and says so.
     */
    public CompletableFuture<Component> move(Component c, ComponentState to, String reason) {
        unsentReasons.sending(moveAction(c, to), reason);
        refusal.set(null);
        outcome.set("");
        moving.set(true);
        CompletableFuture<Component> call = root.api().transitionComponent(c.code(),
                new ComponentTransitionRequest(to, reason, hostingAfter(c, to)), c.version());
        root.ui().deliver(call, moved -> {
            moving.set(false);
            unsentReasons.sent(moveAction(c, to));
            replace(moved);
            outcome.set(i18n.get("migration.board.moved", moved.code(), root.labels().state(moved.state())));
            root.changed(moved.code());
        }, failure -> {
            moving.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.isStale()) {
                Component current = api.current();
                outcome.set(i18n.get("migration.board.stale", c.code(),
                        current == null ? "" : root.labels().state(current.state())));
                root.changed(c.code());
            } else if (api != null && api.kind() == ApiException.Kind.CONFLICT) {
                List<String> details = api.fieldErrors().stream().map(ApiException.FieldError::message)
                        .filter(m -> m != null && !m.isBlank()).distinct().toList();
                refusal.set(new Refusal(c.code(), c.state(), to, api.getMessage(), api.blockers(), details));
            } else {
                outcome.set(ErrorText.sentence(root.i18n(), failure));
            }
        });
        return call;
    }

    /** Reasons typed for moves that did not go through, offered again on the next try. */
    public UnsentReasons unsentReasons() {
        return unsentReasons;
    }

    /** The key of moving {@code c} to {@code to} among {@link #unsentReasons()}. */
    public static String moveAction(Component c, ComponentState to) {
        return "move " + c.code() + " " + to;
    }

    private void replace(Component moved) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).code().equals(moved.code())) {
                components.set(i, moved);
                return;
            }
        }
    }

    public void dismissRefusal() {
        refusal.set(null);
    }

    public void dismissOutcome() {
        outcome.set("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public ObservableList<Component> components() {
        return components;
    }

    /** Owners seen so far, for the owner filter's suggestions. */
    public ObservableList<String> owners() {
        return owners;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public ObjectProperty<Integer> waveProperty() {
        return wave;
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    /** The free-text filter: a change loads the board after the typing pause. */
    public StringProperty textProperty() {
        return text;
    }

    /** What the view shows about this load (busy, empty, failed with Retry); views bind to it. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    public ReadOnlyBooleanProperty movingProperty() {
        return moving;
    }

    /** The last move's result in words ("EPS moved to Preparing."), or "". */
    public ReadOnlyStringProperty outcomeProperty() {
        return outcome;
    }

    public ReadOnlyObjectProperty<Refusal> refusalProperty() {
        return refusal;
    }

    /**
     * True to show the components as a sortable list (for many of them) rather than as cards by state;
     * remembered between runs.
     */
    public BooleanProperty asListProperty() {
        return asList;
    }

}
