package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.Tile;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The registration admin's workspace as a whole: the headline summary, the three lists (each with its
 * detail and form), the checks and the expiring certificates; which of them is shown (remembered); and
 * the console links it honours.
 */
public final class RegistrationsViewModel {
    /** The workspace's sections, in tab order. */
    public enum Tab { ORGANISATIONS, SYSTEMS, ENDPOINTS, CHECKS, EXPIRING }

    /**
     * Where a console link leads: a tab, and in a list either a record ({@code id}) or a search
     * ({@code search}); for the expiring view the window ({@code days}).
     */
    public record Place(Tab tab, RecordKind<?> kind, String id, ConsoleLink search, String days) {
    }

    private static final String MEMORY_SECTION = "registrations.section";
    private final I18n i18n;
    private final TimeText time;
    private final ViewMemory memory;
    private final SummaryViewModel<RegistrationSummary> summary;
    private final BrowserViewModel<Organisation> organisations;
    private final BrowserViewModel<AccreditedSystem> systems;
    private final BrowserViewModel<MhsEndpoint> endpoints;
    private final ChecksViewModel checks;
    private final ExpiringViewModel expiring;
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.ENDPOINTS);
    private final ObjectProperty<WorkspaceContext> context = new SimpleObjectProperty<>();

    /** @param debouncers makes the debouncer of each list's type-ahead search (tests pass one they control) */
    public RegistrationsViewModel(UiExecutor ui, I18n i18n, ViewMemory memory, TimeText time, Debouncer.Factory debouncers) {
        this.i18n = i18n;
        this.time = time;
        this.memory = memory;
        summary = new SummaryViewModel<>(BackboneApi::registrationSummary, s -> tiles(s, i18n, time, this::openExpiring),
                ui, i18n);
        organisations = new BrowserViewModel<>(RecordKind.ORGANISATIONS, new OrganisationForm(ui, i18n), ui, i18n, memory,
                debouncers.create());
        systems = new BrowserViewModel<>(RecordKind.SYSTEMS, new SystemForm(ui, i18n), ui, i18n, memory, debouncers.create());
        endpoints = new BrowserViewModel<>(RecordKind.ENDPOINTS, new EndpointForm(ui, i18n), ui, i18n, memory,
                debouncers.create());
        checks = new ChecksViewModel(ui, i18n, time);
        expiring = new ExpiringViewModel(ui, i18n, memory);
        memory.recall(MEMORY_SECTION).flatMap(RegistrationsViewModel::tabNamed).ifPresent(tab::set);
        tab.addListener((o, a, s) -> memory.remember(MEMORY_SECTION, s.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /**
     * The headline tiles. The certificates tile counts what the expiring tab lists at its 30-day window
     * (ended ones too, said apart), says when it was counted, and opens that tab at that window.
     */
    static List<Tile> tiles(RegistrationSummary s, I18n i18n, TimeText time, Runnable openExpiring) {
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        long ending = Math.max(0, s.certificatesExpiringIn30Days() - s.certificatesExpired());
        java.time.Instant now = time.clock().instant();
        return List.of(
                new Tile(i18n.get("registrations.organisations"), n.format(s.organisations()), "", ""),
                new Tile(i18n.get("registrations.systems"), n.format(s.accreditedSystems()), "", ""),
                new Tile(i18n.get("registrations.endpoints"), n.format(s.endpoints()), "", ""),
                new Tile(i18n.get("registrations.expiring"), n.format(s.certificatesExpiringIn30Days()),
                        i18n.get("registrations.expiringCaption", n.format(s.certificatesExpired()), n.format(ending),
                                ExpiringViewModel.TILE_WINDOW, time.format(now, java.time.Duration.ZERO, TimeText.Detail.SECONDS),
                                time.zoneName(now)),
                        s.certificatesExpired() > 0 ? "danger" : s.certificatesExpiringIn30Days() > 0 ? "warning" : "ok",
                        openExpiring));
    }

    /** The expiring tab at the window the tile counts. */
    private void openExpiring() {
        expiring.showDays(Integer.toString(ExpiringViewModel.TILE_WINDOW));
        tab.set(Tab.EXPIRING);
    }

    private static Optional<Tab> tabNamed(String text) {
        for (Tab s : Tab.values()) {
            if (s.name().equalsIgnoreCase(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** How every view of the workspace writes a time. */
    public TimeText time() {
        return time;
    }

    public void connect(WorkspaceContext newContext) {
        context.set(newContext);
        summary.connect(newContext.api());
        organisations.connect(newContext);
        systems.connect(newContext);
        endpoints.connect(newContext);
        checks.connect(newContext.api().registrations());
        expiring.connect(newContext.api().registrations());
        if (tab.get() == Tab.CHECKS) {
            checks.runIfNeverRun();
        }
    }

    public void dispose() {
        summary.dispose();
        organisations.dispose();
        systems.dispose();
        endpoints.dispose();
        checks.dispose();
        expiring.dispose();
        context.set(null);
    }

    /** F5: the summary and the tab shown (what the user typed stays). */
    public void refresh() {
        summary.refresh();
        switch (tab.get()) {
            case ORGANISATIONS -> organisations.refresh();
            case SYSTEMS -> systems.refresh();
            case ENDPOINTS -> endpoints.refresh();
            case CHECKS -> checks.run();
            case EXPIRING -> expiring.load();
        }
    }

    /** Something changed many records (an import): every list reads again. */
    public void reloadAll() {
        summary.refresh();
        organisations.refresh();
        systems.refresh();
        endpoints.refresh();
        expiring.load();
    }

    /** The first unsaved edit in any list, in a sentence. */
    public Optional<String> unsavedChanges() {
        for (BrowserViewModel<?> b : browsers()) {
            Optional<String> u = b.unsavedChanges();
            if (u.isPresent()) {
                return u;
            }
        }
        return Optional.empty();
    }

    public List<BrowserViewModel<?>> browsers() {
        return List.of(organisations, systems, endpoints);
    }

    @SuppressWarnings("unchecked")
    public <T> BrowserViewModel<T> browser(RecordKind<T> kind) {
        if (kind == RecordKind.ORGANISATIONS) {
            return (BrowserViewModel<T>) organisations;
        }
        if (kind == RecordKind.SYSTEMS) {
            return (BrowserViewModel<T>) systems;
        }
        return (BrowserViewModel<T>) endpoints;
    }

    public static Tab tabOf(RecordKind<?> kind) {
        return switch (kind.type()) {
            case ORGANISATION -> Tab.ORGANISATIONS;
            case ACCREDITED_SYSTEM -> Tab.SYSTEMS;
            case ENDPOINT -> Tab.ENDPOINTS;
        };
    }

    /**
     * Reads one of this workspace's links: {@code organisations/<ODS>}, {@code systems/<ASID>},
     * {@code endpoints/<uuid>}, a list with search parameters ({@code endpoints?partyKey=…}), {@code checks},
     * {@code expiring?days=30}. Empty for anything else (a malformed id included).
     */
    public Optional<Place> resolve(ConsoleLink link) {
        if (!"registrations".equals(link.workspace())) {
            return Optional.empty();
        }
        String path = link.path();
        if (path.isEmpty()) {
            return Optional.of(new Place(tab.get(), null, null, null, null));
        }
        if (path.equals("checks")) {
            return Optional.of(new Place(Tab.CHECKS, null, null, null, null));
        }
        if (path.equals("expiring")) {
            return Optional.of(new Place(Tab.EXPIRING, null, null, null, link.param("days").orElse("30")));
        }
        int slash = path.indexOf('/');
        RecordKind<?> kind = RecordKind.byPath(slash < 0 ? path : path.substring(0, slash));
        if (kind == null) {
            return Optional.empty();
        }
        if (slash < 0) {
            return Optional.of(new Place(tabOf(kind), kind, null, link, null));
        }
        String id = path.substring(slash + 1);
        if (!validId(kind, id)) {
            return Optional.empty();
        }
        return Optional.of(new Place(tabOf(kind), kind, id, null, null));
    }

    private static boolean validId(RecordKind<?> kind, String id) {
        if (id.isBlank() || id.contains("/")) {
            return false;
        }
        if (kind == RecordKind.ENDPOINTS) {
            try {
                UUID.fromString(id);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return id.length() <= 20;
    }

    /** Shows a place (the view has already asked about any unsaved edit it would close). */
    public void go(Place place) {
        tab.set(place.tab());
        switch (place.tab()) {
            case CHECKS -> checks.runIfNeverRun();
            case EXPIRING -> expiring.showDays(place.days());
            default -> {
                RecordKind<?> kind = place.kind() == null ? kindOf(place.tab()) : place.kind();
                BrowserViewModel<?> b = browser(kind);
                if (place.id() != null) {
                    b.open(place.id());
                } else if (place.search() != null) {
                    b.list().apply(place.search());
                }
            }
        }
    }

    static RecordKind<?> kindOf(Tab s) {
        return switch (s) {
            case ORGANISATIONS -> RecordKind.ORGANISATIONS;
            case SYSTEMS -> RecordKind.SYSTEMS;
            default -> RecordKind.ENDPOINTS;
        };
    }

    /** True for an admin (changes), for an operator or admin (an import's dry run). */
    public boolean may(Role role) {
        return context.get() != null && context.get().may(role);
    }

    public SummaryViewModel<RegistrationSummary> summary() {
        return summary;
    }

    /** The registrations API of the open session (for directory drift), or null before one is open. */
    public io.spineconsole.api.RegistrationsApi registrationsApi() {
        WorkspaceContext c = contextProperty().get();
        return c == null ? null : c.api().registrations();
    }

    public BrowserViewModel<Organisation> organisations() {
        return organisations;
    }

    public BrowserViewModel<AccreditedSystem> systems() {
        return systems;
    }

    public BrowserViewModel<MhsEndpoint> endpoints() {
        return endpoints;
    }

    public ChecksViewModel checks() {
        return checks;
    }

    public ExpiringViewModel expiring() {
        return expiring;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    public ReadOnlyObjectProperty<WorkspaceContext> contextProperty() {
        return context;
    }

    I18n i18n() {
        return i18n;
    }

    ViewMemory memory() {
        return memory;
    }
}
