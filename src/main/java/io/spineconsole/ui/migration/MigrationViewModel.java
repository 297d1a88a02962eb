package io.spineconsole.ui.migration;

import io.spineconsole.api.MigrationApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteQuery;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The migration workspace's session: the API and role of the open connection, the programme's
 * reference data every tab shares (sites and their kinds, waves), and the tabs' own view models.
 * A change made in one tab (a component moved, a site signed off) tells the others to reload.
 */
public final class MigrationViewModel {
    private final UiExecutor ui;
    private final I18n i18n;
    private final MigrationLabels labels;
    private final ViewMemory memory;
    private final Clock clock;
    private final ObjectProperty<WorkspaceContext> context = new SimpleObjectProperty<>();
    private final BooleanProperty mayOperate = new SimpleBooleanProperty();
    private final BooleanProperty mayAdminister = new SimpleBooleanProperty();
    private final ObservableList<Site> sites = FXCollections.observableArrayList();
    private final ObservableList<Wave> waves = FXCollections.observableArrayList();
    private final Map<String, SiteKind> siteKinds = new HashMap<>();
    private final LatestLoad reference;
    private final Debouncer.Factory debouncers;
    private final BoardViewModel board;
    private final ComponentDetailViewModel detail;
    private final GraphViewModel graph;
    private final SitesViewModel sitesViewModel;
    private final ProgressViewModel progress;

    /**
     * @param debouncers makes the pause after typing in a filter (the console waits on the UI
     *                   thread's timer; tests decide when time passes)
     */
    public MigrationViewModel(UiExecutor ui, I18n i18n, ViewMemory memory, TimeText time, Debouncer.Factory debouncers) {
        this.ui = ui;
        this.i18n = i18n;
        this.labels = new MigrationLabels(i18n, time);
        this.memory = memory;
        this.clock = time.clock();
        this.debouncers = debouncers;
        this.reference = new LatestLoad(ui, i18n, () -> !sites.isEmpty());
        reference.onRetry(this::loadReferenceData);
        this.board = new BoardViewModel(this);
        this.detail = new ComponentDetailViewModel(this);
        this.graph = new GraphViewModel(this);
        this.sitesViewModel = new SitesViewModel(this);
        this.progress = new ProgressViewModel(this);
    }

    /** A new session: reference data, then every tab, load afresh. */
    public void connect(WorkspaceContext newContext) {
        dispose();
        context.set(newContext);
        mayOperate.set(newContext.may(Role.OPERATOR));
        mayAdminister.set(newContext.may(Role.ADMIN));
        loadReferenceData();
        board.load();
        graph.load();
        sitesViewModel.load();
        progress.invalidate();
    }

    /** F5 or the server came back: reload what is shown, keep what the user typed. */
    public void refresh() {
        if (context.get() == null) {
            return;
        }
        loadReferenceData();
        board.load();
        detail.reload();
        graph.load();
        sitesViewModel.reload();
        progress.reloadIfLoaded();
    }

    public void dispose() {
        reference.cancel();
        board.cancel();
        detail.cancel();
        graph.cancel();
        sitesViewModel.cancel();
        progress.cancel();
    }

    private void loadReferenceData() {
        if (!connected()) {
            return;
        }
        MigrationApi api = api();
        CompletableFuture<List<Site>> allSites = Pages.all(c -> api.listSites(
                new SiteQuery(null, List.of(), null, "code", 500, c)), 20);
        CompletableFuture<List<Wave>> allWaves = Pages.all(c -> api.listWaves(500, c), 20);
        record Reference(List<Site> sites, List<Wave> waves) {
        }
        reference.start(allSites.thenCombine(allWaves, Reference::new), ref -> {
            siteKinds.clear();
            ref.sites().forEach(s -> siteKinds.put(s.code(), s.kind()));
            sites.setAll(ref.sites());
            waves.setAll(ref.waves());
        }, ref -> false);
    }

    /** Something changed on the server through this console: every tab that shows it reloads. */
    void changed(String componentCode) {
        board.load();
        if (componentCode != null) {
            detail.reloadIf(componentCode);
        }
        graph.load();
        sitesViewModel.reload();
        progress.reloadIfLoaded();
        loadReferenceData();
    }

    MigrationApi api() {
        WorkspaceContext c = context.get();
        if (c == null) {
            throw new IllegalStateException("Not connected");
        }
        return c.api().migration();
    }

    io.spineconsole.api.BackboneApi backbone() {
        return context.get().api();
    }

    boolean connected() {
        return context.get() != null;
    }

    Optional<WorkspaceContext> context() {
        return Optional.ofNullable(context.get());
    }

    public ReadOnlyObjectProperty<WorkspaceContext> contextProperty() {
        return context;
    }

    UiExecutor ui() {
        return ui;
    }

    I18n i18n() {
        return i18n;
    }

    public MigrationLabels labels() {
        return labels;
    }

    ViewMemory memory() {
        return memory;
    }

    Clock clock() {
        return clock;
    }

    Debouncer.Factory debouncers() {
        return debouncers;
    }

    /** True when the signed-in role may move components, edit runbooks and checklists (operator or admin). */
    public ReadOnlyBooleanProperty mayOperateProperty() {
        return mayOperate;
    }

    /** True when the signed-in role may sign a site off (admin). */
    public ReadOnlyBooleanProperty mayAdministerProperty() {
        return mayAdminister;
    }

    public ObservableList<Site> referenceSites() {
        return sites;
    }

    public ObservableList<Wave> waves() {
        return waves;
    }

    /** The kind of each known site, by code. */
    public Map<String, SiteKind> siteKinds() {
        return java.util.Collections.unmodifiableMap(siteKinds);
    }

    /** "CORE-MSG · Core messaging": a component by its code and name (the code alone while its name is unknown). */
    public String componentNamed(String code) {
        String name = board.find(code).map(Component::name).orElseGet(() -> {
            var g = graph.graphProperty().get();
            return g == null ? null : g.nodes().stream().filter(n -> n.code().equals(code)).findFirst()
                    .map(io.spineconsole.domain.migration.DependencyGraph.Node::name).orElse(null);
        });
        return name == null || name.isBlank() ? code : i18n.get("migration.named", code, name);
    }

    /** "DC-NORTH · Data centre North": a site by its code and name (the code alone while its name is unknown). */
    public String siteNamed(String code) {
        return sites.stream().filter(s -> s.code().equals(code)).findFirst()
                .map(s -> i18n.get("migration.named", code, s.name())).orElse(code);
    }

    /** The programme's reference data (sites, waves) every tab shares: a failure shows above the tabs. */
    public LoadStatus referenceStatus() {
        return reference.status();
    }

    public BoardViewModel board() {
        return board;
    }

    public ComponentDetailViewModel detail() {
        return detail;
    }

    public GraphViewModel graph() {
        return graph;
    }

    public SitesViewModel sites() {
        return sitesViewModel;
    }

    public ProgressViewModel progress() {
        return progress;
    }
}
