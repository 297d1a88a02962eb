package io.spineconsole.ui.registrations;

import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.common.SummaryView;
import io.spineconsole.ui.common.WorkspaceAction;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * The registration admin's workspace: the directory's headline numbers, then organisations, accredited
 * systems and endpoints (each searched on the server, with a detail pane and a form), the registration
 * checks, and the certificates about to expire. Honours the registrations console links.
 */
public final class RegistrationsView implements WorkspaceView, BrowserView.Host {
    private static final Duration SUMMARY_EVERY = Duration.seconds(10);
    private final RegistrationsViewModel model;
    private final WorkspaceServices services;
    private final I18n i18n;
    private final Executor files;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<RegistrationsViewModel.Tab, Tab> tabById = new EnumMap<>(RegistrationsViewModel.Tab.class);
    private final List<WorkspaceAction> actions = new ArrayList<>();
    private final BrowserView<Organisation> organisations;
    private final BrowserView<AccreditedSystem> systems;
    private final BrowserView<MhsEndpoint> endpoints;
    private final ChecksView checks;
    private final ExpiringView expiring;
    private final Timeline summaryRefresh;
    private DriftWindow drift;
    private EnvironmentDiffWindow environmentDiff;

    public RegistrationsView(RegistrationsViewModel model, WorkspaceServices services, Executor files) {
        this.model = model;
        this.services = services;
        this.i18n = services.i18n();
        this.files = files;
        TimeText time = model.time();
        root.setId("registrations-workspace");
        root.getStyleClass().add("registrations-workspace");

        SummaryView summary = new SummaryView(model.summary(), i18n);
        summary.getStyleClass().add("reg-summary");
        summary.setPadding(new Insets(10, 12, 0, 12));
        root.setTop(summary);

        organisations = new BrowserView<>(model.organisations(), new OrganisationView(i18n, time, this::go), i18n, time,
                services.memory(), this);
        systems = new BrowserView<>(model.systems(), new SystemView(i18n, time), i18n, time, services.memory(), this);
        endpoints = new BrowserView<>(model.endpoints(), new EndpointView(i18n, time), i18n, time, services.memory(), this);
        checks = new ChecksView(model.checks(), i18n, time, this::go);
        expiring = new ExpiringView(model.expiring(), i18n, time, this::go, () -> openExport(RecordKind.ENDPOINTS,
                model.expiring().filter(), model.expiring().list().approximateTotalProperty().get()));

        tab(RegistrationsViewModel.Tab.ORGANISATIONS, i18n.get("registrations.organisations"), organisations.node());
        tab(RegistrationsViewModel.Tab.SYSTEMS, i18n.get("registrations.systems"), systems.node());
        tab(RegistrationsViewModel.Tab.ENDPOINTS, i18n.get("registrations.endpoints"), endpoints.node());
        tab(RegistrationsViewModel.Tab.CHECKS, i18n.get("registrations.checks.title"), checks.node());
        tab(RegistrationsViewModel.Tab.EXPIRING, i18n.get("registrations.expiring.title"), expiring.node());
        tabs.setId("reg-sections");
        tabs.getSelectionModel().select(tabById.get(model.tabProperty().get()));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            RegistrationsViewModel.Tab s = (RegistrationsViewModel.Tab) t.getUserData();
            model.tabProperty().set(s);
            if (s == RegistrationsViewModel.Tab.CHECKS && model.contextProperty().get() != null) {
                model.checks().runIfNeverRun();
            }
        });
        model.tabProperty().addListener((o, a, s) -> tabs.getSelectionModel().select(tabById.get(s)));
        root.setCenter(tabs);

        summaryRefresh = new Timeline(new KeyFrame(SUMMARY_EVERY, e -> model.summary().refresh()));
        summaryRefresh.setCycleCount(Timeline.INDEFINITE);
    }

    private void tab(RegistrationsViewModel.Tab section, String title, Node content) {
        Label label = new Label(title);
        label.setId("reg-tab-" + section.name().toLowerCase(java.util.Locale.ROOT));
        Tab tab = new Tab(null, content);
        tab.setGraphic(label);
        tab.setClosable(false);
        tab.setUserData(section);
        tabs.getTabs().add(tab);
        tabById.put(section, tab);
        actions.add(new WorkspaceAction(title, () -> model.tabProperty().set(section)));
    }

    @Override
    public List<WorkspaceAction> actions() {
        List<WorkspaceAction> all = new ArrayList<>(actions);
        all.add(new WorkspaceAction(i18n.get("registrations.checks.run"), () -> {
            model.tabProperty().set(RegistrationsViewModel.Tab.CHECKS);
            if (model.contextProperty().get() != null) {
                model.checks().run();
            }
        }));
        all.add(new WorkspaceAction(i18n.get("registrations.drift.open.action"), () -> {
            Organisation selected = model.tabProperty().get() == RegistrationsViewModel.Tab.ORGANISATIONS
                    ? model.organisations().detail().record() : null;
            openDrift(selected == null ? "" : selected.odsCode(), "");
        }));
        all.add(new WorkspaceAction(i18n.get("registrations.envdiff.open.action"), this::openEnvironmentDiff));
        all.add(new WorkspaceAction(i18n.get("sds.title") + "\u2026", services.sds()::addConnection));
        all.add(new WorkspaceAction(i18n.get("registrations.import.title"),
                () -> openImport(RecordKind.ENDPOINTS))); // the dialog recognises the record type from the file
        return all;
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void connect(WorkspaceContext context) {
        model.connect(context);
        summaryRefresh.play();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void dispose() {
        summaryRefresh.stop();
        model.dispose();
    }

    @Override
    public Optional<String> unsavedChanges() {
        return model.unsavedChanges();
    }

    @Override
    public boolean open(ConsoleLink link) {
        Optional<RegistrationsViewModel.Place> place = model.resolve(link);
        if (place.isEmpty() || model.contextProperty().get() == null) {
            return false;
        }
        RegistrationsViewModel.Place p = place.get();
        if (p.kind() != null && p.id() != null && !browserView(p.kind()).mayLeaveForm()) {
            return false;
        }
        model.go(p);
        return true;
    }

    @Override
    public void go(ConsoleLink link) {
        if ("registrations".equals(link.workspace())) {
            open(link);
        } else {
            services.navigator().open(link);
        }
    }

    @Override
    public void create(RecordKind<?> kind, Map<String, String> prefill) {
        model.tabProperty().set(RegistrationsViewModel.tabOf(kind));
        browserView(kind).startCreate(prefill);
    }

    @Override
    public io.spineconsole.ui.common.SdsAccess sds() {
        return services.sds();
    }

    @Override
    public io.spineconsole.ui.common.UiExecutor ui() {
        return services.ui();
    }

    @Override
    public void openDrift(String odsCode, String interaction) {
        io.spineconsole.api.RegistrationsApi api = model.registrationsApi();
        if (api == null) {
            return;
        }
        drift = new DriftWindow(root.getScene().getWindow(), services.sds(), api, services.ui(), i18n, files, this::go,
                model.time(), model.may(io.spineconsole.domain.Role.OPERATOR));
        drift.show(odsCode, interaction);
    }

    /** Compares two environments' registrations (the connected one first), in a window of its own. */
    void openEnvironmentDiff() {
        io.spineconsole.ui.common.WorkspaceContext c = model.contextProperty().get();
        EnvironmentDiffViewModel diff = new EnvironmentDiffViewModel(services.environments(),
                c == null ? null : c.profileId(), c == null ? null : c.api(), services.ui(), i18n, files, model.time());
        environmentDiff = new EnvironmentDiffWindow(root.getScene().getWindow(), diff, i18n, this::go);
        environmentDiff.show();
    }

    /** The environment diff window opened last (for tests and screenshots), or null. */
    EnvironmentDiffWindow environmentDiffWindow() {
        return environmentDiff;
    }

    /** The drift window opened last (for tests and screenshots), or null. */
    DriftWindow driftWindow() {
        return drift;
    }

    @Override
    public void openImport(RecordKind<?> kind) {
        WorkspaceContext context = model.contextProperty().get();
        if (context == null) {
            return;
        }
        ImportViewModel vm = new ImportViewModel(context, services.ui(), i18n, files);
        vm.setOnImported(model::reloadAll);
        new ImportDialog(root.getScene().getWindow(), vm, i18n).showAndWait();
    }

    @Override
    public void openExport(RecordKind<?> kind, RegistrationFilter filter, long total) {
        WorkspaceContext context = model.contextProperty().get();
        if (context == null) {
            return;
        }
        ExportViewModel vm = exportModel(kind, filter, total, context);
        new ExportDialog(root.getScene().getWindow(), vm, i18n, describe(kind, filter), LocalDate.now(services.clock()))
                .showAndWait();
    }

    private ExportViewModel exportModel(RecordKind<?> kind, RegistrationFilter filter, long total, WorkspaceContext context) {
        ExportViewModel vm = ExportViewModel.of(kind, filter, total, context, services.ui(), i18n, files);
        String home = System.getProperty("user.home", "");
        vm.pathProperty().set(home.isEmpty() ? vm.suggestedName(LocalDate.now(services.clock()))
                : java.nio.file.Path.of(home, vm.suggestedName(LocalDate.now(services.clock()))).toString());
        return vm;
    }

    /** The search in words for the export dialog: "status: active · ods: RR8", or "everything". */
    private String describe(RecordKind<?> kind, RegistrationFilter filter) {
        RecordListViewModel<?> list = model.browser(kind).list();
        ConsoleLink link = filter.equals(list.filter()) ? list.link() : null;
        if (link == null || link.params().isEmpty()) {
            return filter.certificateExpiringWithinDays() != null
                    ? i18n.get("registrations.export.expiring", filter.certificateExpiringWithinDays())
                    : i18n.get("registrations.export.everything");
        }
        return link.params().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(" · "));
    }

    @SuppressWarnings("unchecked")
    private <T> BrowserView<T> browserView(RecordKind<T> kind) {
        if (kind == RecordKind.ORGANISATIONS) {
            return (BrowserView<T>) organisations;
        }
        if (kind == RecordKind.SYSTEMS) {
            return (BrowserView<T>) systems;
        }
        return (BrowserView<T>) endpoints;
    }

    @Override
    public List<Showcase> showcases() {
        return RegistrationsShowcases.of(this, model, i18n, files);
    }

    BrowserView<Organisation> organisationsView() {
        return organisations;
    }

    BrowserView<AccreditedSystem> systemsView() {
        return systems;
    }

    BrowserView<MhsEndpoint> endpointsView() {
        return endpoints;
    }

    ChecksView checksView() {
        return checks;
    }

    Node root() {
        return root;
    }

    WorkspaceServices services() {
        return services;
    }

    ExportViewModel exportModelFor(RecordKind<?> kind) {
        return exportModel(kind, model.browser(kind).list().filter(), model.browser(kind).list().list()
                .approximateTotalProperty().get(), model.contextProperty().get());
    }

    String describeSearch(RecordKind<?> kind) {
        return describe(kind, model.browser(kind).list().filter());
    }
}
