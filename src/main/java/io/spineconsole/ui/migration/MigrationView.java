package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.WorkspaceAction;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programme lead's workspace: the live headline numbers, then four tabs — the board of
 * components by state, the dependency graph, the sites with their decommission evidence, and
 * progress with the exportable report — and, beside the board and the graph, the chosen
 * component in full. Deep links: {@code migration/components/<code>}, {@code migration/sites/<code>},
 * {@code migration/graph?focus=<code>}.
 */
public final class MigrationView implements WorkspaceView {
    private static final Duration TILE_REFRESH = Duration.seconds(10);
    private final MigrationViewModel model;
    private final SummaryViewModel<MigrationSummary> summary;
    private final I18n i18n;
    private final MigrationLabels labels;
    private final ReportDestination destination;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<WorkspaceAction> actions = new ArrayList<>();
    private final Tab boardTab;
    private final Tab graphTab;
    private final Tab sitesTab;
    private final Tab progressTab;
    private final BoardView board;
    private final GraphView graph;
    private final ComponentDetailView detail;
    private final SitesView sites;
    private final Timeline tileRefresh;

    public MigrationView(MigrationViewModel model, SummaryViewModel<MigrationSummary> summary, Navigator navigator,
                                  ReportDestination destination) {
        this.model = model;
        this.summary = summary;
        this.labels = model.labels();
        this.i18n = labels.i18n();
        this.destination = destination;

        board = new BoardView(model, this::requestMove, this::openComponent, this::showInGraph);
        graph = new GraphView(model, this::openComponent);
        detail = new ComponentDetailView(model, this::requestMove, this::openComponent, this::showInGraph,
                () -> model.detail().select(null));
        detail.setPrefWidth(360);
        detail.setMinWidth(300);
        detail.setMaxWidth(420);
        sites = new SitesView(model, this::openComponent, navigator, this::signOff);
        ProgressView progress = new ProgressView(model, this::exportReport);

        boardTab = tab(i18n.get("migration.tab.board"), board, AppIcon.MIGRATION, "migration-tab-board");
        graphTab = tab(i18n.get("migration.tab.graph"), graph, AppIcon.GRAPH, "migration-tab-graph");
        sitesTab = tab(i18n.get("migration.tab.sites"), sites, AppIcon.DATA_CENTRE, "migration-tab-sites");
        progressTab = tab(i18n.get("migration.tab.progress"), progress, AppIcon.HISTORY, "migration-tab-progress");
        tabs.getTabs().addAll(boardTab, graphTab, sitesTab, progressTab);
        for (Tab t : tabs.getTabs()) {
            actions.add(new WorkspaceAction(t.getText(), () -> tabs.getSelectionModel().select(t)));
        }
        actions.add(new WorkspaceAction(i18n.get("migration.progress.exportTitle"), () -> {
            tabs.getSelectionModel().select(progressTab);
            exportReport();
        }));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("migration-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == progressTab) {
                model.progress().load();
            }
            placeDetail();
        });
        model.detail().codeProperty().addListener((o, a, code) -> {
            board.markSelected(code);
            placeDetail();
        });

        Label intro = new Label(i18n.get("migration.intro"));
        intro.getStyleClass().add("workspace-intro");
        intro.setWrapText(true);
        // The shared sites and waves: only their failure is worth a line (each tab shows its own loading).
        Placeholder reference = new Placeholder(model.referenceStatus(), "", i18n);
        reference.visibleProperty().bind(model.referenceStatus().failed());
        reference.managedProperty().bind(reference.visibleProperty());
        VBox header = new VBox(8, intro, new TileStrip(summary, i18n), reference);
        header.setPadding(new Insets(12, 12, 8, 12));
        header.getStyleClass().add("migration-header");
        root.setTop(header);
        root.setCenter(tabs);
        root.setId("migration-workspace");
        root.getStyleClass().add("migration-workspace");

        tileRefresh = new Timeline(new KeyFrame(TILE_REFRESH, e -> summary.refresh()));
        tileRefresh.setCycleCount(Timeline.INDEFINITE);
    }

    private static Tab tab(String title, Node content, AppIcon icon, String id) {
        Tab tab = new Tab(title, content);
        tab.setGraphic(Icons.of(icon));
        tab.setId(id);
        tab.setClosable(false);
        return tab;
    }

    @Override
    public List<WorkspaceAction> actions() {
        return List.copyOf(actions);
    }

    /** The detail sits beside the board and the graph while a component is chosen. */
    private void placeDetail() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        boolean show = model.detail().codeProperty().get() != null && (t == boardTab || t == graphTab);
        root.setRight(show ? detail : null);
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void connect(WorkspaceContext context) {
        summary.connect(context.api());
        tileRefresh.play();
        model.connect(context);
    }

    @Override
    public void refresh() {
        summary.refresh();
        model.refresh();
    }

    @Override
    public void dispose() {
        tileRefresh.stop();
        summary.dispose();
        model.dispose();
    }

    @Override
    public Optional<String> unsavedChanges() {
        return model.sites().unsavedChanges();
    }

    @Override
    public boolean open(ConsoleLink link) {
        String path = link.path();
        if (path.startsWith("components/") && path.length() > "components/".length()) {
            tabs.getSelectionModel().select(boardTab);
            openComponent(path.substring("components/".length()));
            return true;
        }
        if (path.startsWith("sites/") && path.length() > "sites/".length()) {
            tabs.getSelectionModel().select(sitesTab);
            model.sites().select(path.substring("sites/".length()));
            return true;
        }
        if (path.equals("graph")) {
            tabs.getSelectionModel().select(graphTab);
            link.param("focus").ifPresent(code -> model.graph().focusProperty().set(code));
            return true;
        }
        if (path.isEmpty() || path.equals("board")) {
            tabs.getSelectionModel().select(boardTab);
            return true;
        }
        if (path.equals("progress")) {
            tabs.getSelectionModel().select(progressTab);
            return true;
        }
        return false;
    }

    void openComponent(String code) {
        model.detail().select(code);
        if (tabs.getSelectionModel().getSelectedItem() != graphTab) {
            tabs.getSelectionModel().select(boardTab);
        }
        placeDetail();
    }

    void showInGraph(String code) {
        tabs.getSelectionModel().select(graphTab);
        model.graph().focusProperty().set(code);
        model.detail().select(code);
        graph.reveal(code);
    }

    /** Asks for the reason (and, for a move out of the data centres on LIVE, the environment's name), then moves. */
    void requestMove(Component c, ComponentState to) {
        if (!model.board().mayMove(c, to)) {
            return;
        }
        WorkspaceContext ctx = model.contextProperty().get();
        List<String> leaving = model.board().leavingSites(c, to);
        String message = i18n.get("migration.move.message", c.code(), c.name(), labels.state(c.state()), labels.state(to))
                + (leaving.isEmpty() ? "" : " " + i18n.get("migration.move.leaving", c.code(), String.join(", ", leaving)));
        boolean destructive = to == ComponentState.DECOMMISSIONED || to == ComponentState.ROLLED_BACK;
        Confirmation confirm = model.board().unsentReasons().prefill(BoardViewModel.moveAction(c, to),
                Confirmation.of(ctx, i18n.get("migration.move.title", c.code(), labels.state(to)), message,
                        i18n.get("migration.move.action", labels.state(to)), destructive, true));
        Optional<String> reason = ConfirmDialog.ask(window(), confirm, i18n);
        reason.ifPresent(r -> model.board().move(c, to, r));
    }

    void signOff() {
        var site = model.sites().siteProperty().get();
        if (site == null || !model.sites().maySignOff()) {
            return;
        }
        Confirmation confirm = model.sites().unsentReasons().prefill(SitesViewModel.signOffAction(site.code()),
                Confirmation.of(model.contextProperty().get(),
                        i18n.get("migration.signOff.title", site.code()),
                        i18n.get("migration.signOff.message", site.code(), model.sites().daysProperty().get()),
                        i18n.get("migration.signOff.action"), true, true));
        ConfirmDialog.ask(window(), confirm, i18n).ifPresent(statement -> model.sites().signOff(statement));
    }

    void exportReport() {
        Optional<Path> target = destination.choose(window(), model.progress().suggestedFileName(),
                i18n.get("migration.progress.exportTitle"), i18n.get("migration.progress.exportFilter"));
        target.ifPresent(path -> model.progress().exportReport(path));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    @Override
    public List<Showcase> showcases() {
        return List.of(
                new Showcase("component", () -> open(ConsoleLink.of("migration", "components/SCR")),
                        () -> model.detail().stateProperty().get() == LoadState.LOADED
                                && !model.detail().history().isEmpty(), () -> model.detail().select(null)),
                new Showcase("list", () -> model.board().asListProperty().set(true),
                        () -> model.board().asListProperty().get() && !model.board().components().isEmpty(),
                        () -> model.board().asListProperty().set(false)),
                new Showcase("refused", this::showRefusal, () -> model.board().refusalProperty().get() != null,
                        () -> model.board().dismissRefusal()),
                new Showcase("graph", () -> open(ConsoleLink.of("migration", "graph").with("focus", "EPS")),
                        () -> model.graph().chainProperty().get() != null, () -> {
                            model.graph().focusProperty().set(null);
                            model.detail().select(null);
                            tabs.getSelectionModel().select(boardTab);
                        }),
                new Showcase("sites", () -> open(ConsoleLink.of("migration", "sites/DC-NORTH")),
                        () -> model.sites().stateProperty().get() == LoadState.LOADED
                                && !model.sites().traffic().isEmpty(), () -> tabs.getSelectionModel().select(boardTab)),
                new Showcase("checklist", this::showChecklist, () -> model.sites().editor().itemProperty().get() != null
                        && model.sites().stateProperty().get() == LoadState.LOADED, () -> {
                            model.sites().editor().close();
                            tabs.getSelectionModel().select(boardTab);
                        }),
                new Showcase("progress", () -> open(ConsoleLink.of("migration", "progress")),
                        () -> model.progress().stateProperty().get() == LoadState.LOADED,
                        () -> tabs.getSelectionModel().select(boardTab)));
    }

    /** For the screenshot of the checklist: DC-NORTH's, with its first open item in the form. */
    private void showChecklist() {
        open(ConsoleLink.of("migration", "sites/DC-NORTH"));
        MigrationUi.when(() -> model.sites().checklistProperty().get() != null
                        && "DC-NORTH".equals(model.sites().checklistProperty().get().siteCode()),
                model.sites().checklistProperty(), () -> {
                    model.sites().checklistProperty().get().items().stream().filter(i -> !i.done()).findFirst()
                            .ifPresent(i -> model.sites().editor().edit("DC-NORTH", i));
                    sites.revealChecklist();
                });
    }

    /** For the screenshot of a refusal: asks the server for a move its rules refuse (nothing changes). */
    private void showRefusal() {
        tabs.getSelectionModel().select(boardTab);
        model.board().find("SCR").ifPresent(scr -> {
            if (model.board().mayMove(scr, ComponentState.PARALLEL_RUN)) {
                model.board().move(scr, ComponentState.PARALLEL_RUN, i18n.get("migration.showcase.reason"));
            }
        });
    }

    // For tests in this package.
    TabPane tabs() {
        return tabs;
    }

    GraphView graphView() {
        return graph;
    }

    MigrationViewModel model() {
        return model;
    }
}
