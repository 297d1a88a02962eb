package io.spineconsole.ui.migration;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.ChecklistItemPatch;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.migration.SiteCreate;
import io.spineconsole.domain.migration.SiteStatus;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migration workspace in a window on a real sandbox (headless, Monocle), used as a programme
 * lead would: moves by keyboard and by drag, a refusal with its blockers, a site whose traffic
 * forbids its sign-off and one that can go, the chain that blocks a component, the exported report,
 * and what a viewer is (not) offered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationWorkspaceUiTest {
    private static final FxRobot robot = new FxRobot();
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static MigrationView view;
    private static Stage stage;
    private static Path reportTarget;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
        // A gateway whose cut-over waits on a legacy one still only in DC-NORTH.
        var m = api.migration();
        m.createComponent(new ComponentCreate("OLDGW", "Legacy gateway", null, "Messaging team", 2,
                List.of("DC-NORTH"), List.of())).join();
        Component newgw = m.createComponent(new ComponentCreate("NEWGW", "New gateway", null, "Messaging team", 2,
                List.of("DC-NORTH", "CLOUD-LDN-1"), List.of("OLDGW"))).join();
        for (ComponentState to : List.of(ComponentState.PREPARING, ComponentState.MIGRATING, ComponentState.PARALLEL_RUN)) {
            newgw = m.transitionComponent("NEWGW", new ComponentTransitionRequest(to, "Set up for the test", null),
                    newgw.version()).join();
        }
        // A data centre with no traffic, nothing hosted and its checklist done but for one item.
        m.createSite(new SiteCreate("DC-WEST", "Data centre West", SiteKind.DATA_CENTRE, "Bristol", SiteStatus.DRAINING)).join();
        for (ChecklistItem i : m.getSiteChecklist("DC-WEST").join().items()) {
            if (!i.key().equals("hardware-disposed")) {
                m.updateChecklistItem("DC-WEST", i.key(), new ChecklistItemPatch(null, null, true, "Evidence " + i.key()),
                        i.version()).join();
            }
        }
        reportTarget = Files.createTempDirectory("migration-report").resolve("programme-board.html");

        stage = FxToolkit.registerPrimaryStage();
        WorkspaceServices services = new WorkspaceServices(new UiExecutor(Platform::runLater), new I18n(Locale.UK),
                new Navigator(), ViewMemory.inMemory(), Clock.systemUTC());
        FxToolkit.setupStage(s -> {
            view = MigrationWorkspace.create(services, (owner, name, title, filter) -> Optional.of(reportTarget));
            // The headless screen is 1280 x 800: a larger window overflows its frame buffer.
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
            s.toFront();
            s.requestFocus();
        });
        connect(sandbox.adminToken(), api);
    }

    private static void connect(String token, HttpBackboneApi withApi) throws Exception {
        Principal me = withApi.me().join();
        WorkspaceContext context = new WorkspaceContext(withApi, me, "test", "Sandbox", EnvironmentKind.SANDBOX);
        FxToolkit.setupFixture(() -> view.connect(context));
        waitUntil(() -> view.model().board().stateProperty().get() == LoadState.LOADED
                && !view.model().siteKinds().isEmpty());
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupFixture(() -> view.dispose());
        FxToolkit.cleanupStages();
        api.close();
        sandbox.close();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Node> find(String query) {
        return robot.lookup(query).tryQuery();
    }

    private static boolean showing(String query) {
        return find(query).map(n -> n.isVisible() && n.getScene() != null).orElse(false);
    }

    /** Scrolls every scroll pane around the node so that it is in view, as a user would. */
    private static void reveal(String query) throws Exception {
        Node node = robot.lookup(query).query();
        FxToolkit.setupFixture(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                    javafx.geometry.Bounds b = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double room = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
                    if (room > 0) {
                        pane.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 24) / room)));
                    }
                    pane.layout();
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void selectTab(String id) throws Exception {
        FxToolkit.setupFixture(() -> view.tabs().getSelectionModel().select(
                view.tabs().getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Gives the reason in the confirmation dialog and confirms. */
    private static void confirmWith(String reason) throws Exception {
        waitUntil(() -> showing("#confirm-reason"));
        robot.clickOn("#confirm-reason");
        // Pasted rather than typed key by key: the same text reaches the field, in a fraction of the time.
        robot.interact(() -> robot.lookup("#confirm-reason").queryAs(javafx.scene.control.TextArea.class).setText(reason));
        robot.clickOn("#confirm-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean cardIn(String code, ComponentState state) {
        return find("#migration-column-" + state.code() + " #migration-card-" + code).isPresent();
    }

    /** The menu that the keyboard opened (M on a focused card), and one of its items. */
    private static MenuItem openMenuItem(String id) {
        return Window.getWindows().stream().filter(w -> w instanceof ContextMenu && w.isShowing())
                .map(w -> (ContextMenu) w).flatMap(menu -> menu.getItems().stream())
                .filter(item -> id.equals(item.getId())).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void aComponentMovesThroughAPermittedTransitionFromTheKeyboard() throws Exception {
        assertTrue(cardIn("ERS", ComponentState.PLANNED));
        Node card = robot.lookup("#migration-card-ERS").query();
        robot.clickOn(card);
        waitUntil(() -> showing("#migration-detail"));
        FxToolkit.setupFixture(card::requestFocus);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem toPreparing = openMenuItem("migration-move-preparing");
        assertFalse(toPreparing.isDisable());
        FxToolkit.setupFixture(() -> Platform.runLater(toPreparing::fire));
        confirmWith("Wave 3 kick-off agreed at the programme board");
        waitUntil(() -> cardIn("ERS", ComponentState.PREPARING));
        assertEquals("ERS moved to Preparing.", view.model().board().outcomeProperty().get());
        waitUntil(() -> robot.lookup("#migration-detail-history .history-what").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Moved component ERS from Planned to Preparing")));
        assertTrue(robot.lookup("#migration-detail-history .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Why: Wave 3 kick-off agreed at the programme board")),
                "the history says why");
    }

    @Test
    @Order(2)
    void aCardDraggedToAnotherColumnMovesThere() throws Exception {
        assertTrue(cardIn("MESH", ComponentState.PREPARING));
        robot.drag("#migration-card-MESH").dropTo("#migration-column-planned");
        WaitForAsyncUtils.waitForFxEvents();
        confirmWith("Re-planned after the MESH supplier change");
        waitUntil(() -> cardIn("MESH", ComponentState.PLANNED));
    }

    @Test
    @Order(3)
    void aRefusedTransitionShowsItsReasonAndWhatBlocksIt() throws Exception {
        assertTrue(cardIn("NEWGW", ComponentState.PARALLEL_RUN));
        Node card = robot.lookup("#migration-card-NEWGW").query();
        robot.clickOn(card);
        FxToolkit.setupFixture(card::requestFocus);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        MenuItem toCutOver = openMenuItem("migration-move-cut-over");
        FxToolkit.setupFixture(() -> Platform.runLater(toCutOver::fire));
        confirmWith("Parallel run clean for 14 days");
        waitUntil(() -> showing("#migration-refusal"));
        assertEquals("NEWGW cannot cut over: depends on OLDGW, still on DC-NORTH", text("#migration-refusal-message"));
        assertTrue(cardIn("NEWGW", ComponentState.PARALLEL_RUN), "the card stays where it was");
        robot.clickOn("OLDGW · Legacy gateway (Planned, on DC-NORTH)");
        waitUntil(() -> text("#migration-detail-title").equals("OLDGW · Legacy gateway"));
    }

    @Test
    @Order(4)
    void aSiteWithRecentTrafficCannotBeSignedOffAndShowsThatTraffic() throws Exception {
        selectTab("migration-tab-sites");
        FxToolkit.setupFixture(() -> view.model().sites().select("DC-NORTH"));
        waitUntil(() -> showing("#migration-site-verdict") && view.model().sites().siteProperty().get() != null
                && view.model().sites().siteProperty().get().code().equals("DC-NORTH"));
        assertEquals("Not ready to sign off", text("#migration-site-verdict"));
        assertTrue(text("#migration-site-traffic").matches("[\\d,]+ messages routed through DC-NORTH in the last 30 days\\..*"),
                text("#migration-site-traffic"));
        assertTrue(robot.lookup("#migration-site-sign-off").queryButton().isDisabled());
        assertTrue(showing("#migration-site-cannot-sign-off"));
        assertTrue(robot.lookup(".migration-reason").queryAll().stream()
                .anyMatch(n -> n.getAccessibleText().startsWith("Traffic: ")), "the traffic is a reason, in words");
        waitUntil(() -> !view.model().sites().traffic().isEmpty());
    }

    @Test
    @Order(5)
    void aSiteWhoseEvidenceIsCompleteIsSignedOff() throws Exception {
        selectTab("migration-tab-sites");
        FxToolkit.setupFixture(() -> view.model().sites().select("DC-WEST"));
        waitUntil(() -> view.model().sites().checklistProperty().get() != null
                && view.model().sites().siteProperty().get().code().equals("DC-WEST"));
        assertTrue(robot.lookup("#migration-site-sign-off").queryButton().isDisabled(), "one item is still open");

        reveal("#migration-checklist");
        robot.clickOn("Hardware disposed of through an accredited supplier");
        waitUntil(() -> showing("#migration-checklist-form"));
        reveal("#migration-checklist-save");
        robot.clickOn("#migration-checklist-done");
        assertTrue(robot.lookup("#migration-checklist-save").queryButton().isDisabled(), "done needs its evidence");
        robot.clickOn("#migration-checklist-evidence").write("WEEE-2291");
        robot.clickOn("#migration-checklist-save");
        waitUntil(() -> find("#migration-site-sign-off").map(n -> !n.isDisabled()).orElse(false));
        reveal("#migration-site-sign-off");
        assertEquals("Ready to sign off: the evidence allows it.", text("#migration-site-verdict"));

        robot.clickOn("#migration-site-sign-off");
        confirmWith("Approved by the programme board under CHG0050001");
        try {
            waitUntil(() -> showing("#migration-site-signed-off"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not signed off; outcome: " + view.model().sites().signOffOutcomeProperty().get()
                    + "; refusal: " + view.model().sites().signOffRefusal() + "; may: " + view.model().sites().maySignOff()
                    + "; dialog left open: " + showing("#confirm-reason"));
        }
        assertTrue(text("#migration-site-signed-off").endsWith("Approved by the programme board under CHG0050001"));
        assertEquals(SiteStatus.DECOMMISSIONED, api.migration().getSite("DC-WEST").join().status());
    }

    @Test
    @Order(6)
    void theDependencyViewHighlightsTheChainThatBlocksAComponent() throws Exception {
        selectTab("migration-tab-graph");
        waitUntil(() -> view.graphView().nodeOf("EPS") != null);
        robot.clickOn("#migration-graph-focus");
        robot.clickOn("EPS · Electronic Prescription Service");
        waitUntil(() -> view.graphView().inChain("CORE-MSG"));
        assertTrue(view.graphView().inChain("EPS"));
        assertTrue(view.graphView().dimmed("SDS"), "what does not block it steps back");
        assertTrue(view.graphView().dimmed("PDS"), "PDS runs in the cloud too: it does not block");
        assertTrue(robot.lookup("#migration-graph-chain .label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText()
                .equals("EPS cannot cut over: depends on CORE-MSG · Core messaging (transaction and messaging service), still only in "
                        + "DC-NORTH, DC-SOUTH (Migrating).")));
    }

    @Test
    @Order(7)
    void theReportIsExportedToTheFileChosen() throws Exception {
        selectTab("migration-tab-progress");
        waitUntil(() -> view.model().progress().stateProperty().get() == LoadState.LOADED);
        robot.clickOn("#migration-export-report");
        waitUntil(() -> Files.exists(reportTarget) && !view.model().progress().exportingProperty().get());
        String html = Files.readString(reportTarget);
        assertTrue(html.contains("<h1>Migration and decommission report</h1>"));
        assertTrue(html.contains("DC-WEST") && html.contains("Approved by the programme board under CHG0050001"),
                "the sign-off is in the report");
        assertEquals("Report saved as programme-board.html.", text("#migration-export-outcome"));
    }

    @Test
    @Order(8)
    void aDeepLinkOpensAComponentASiteAndTheGraph() throws Exception {
        FxToolkit.setupFixture(() -> view.open(io.spineconsole.ui.common.ConsoleLink.parse(
                "spine-console://migration/components/SCR").orElseThrow()));
        waitUntil(() -> text("#migration-detail-title").equals("SCR · Summary Care Record"));
        assertEquals("migration-tab-board", view.tabs().getSelectionModel().getSelectedItem().getId());
        FxToolkit.setupFixture(() -> view.open(io.spineconsole.ui.common.ConsoleLink.parse(
                "spine-console://migration/graph?focus=SCR").orElseThrow()));
        waitUntil(() -> view.graphView().inChain("CORE-MSG"));
        FxToolkit.setupFixture(() -> view.open(io.spineconsole.ui.common.ConsoleLink.parse(
                "spine-console://migration/sites/DC-SOUTH").orElseThrow()));
        waitUntil(() -> "DC-SOUTH".equals(view.model().sites().selectedProperty().get()));
        assertFalse(view.open(io.spineconsole.ui.common.ConsoleLink.parse("spine-console://migration/nowhere").orElseThrow()));
    }

    @Test
    @Order(9)
    void cardsKeepTheirWidthEmptyColumnsStepAsideAndTheListSortsByLastUpdate() throws Exception {
        selectTab("migration-tab-board");
        FxToolkit.setupFixture(() -> view.model().detail().select(null));
        WaitForAsyncUtils.waitForFxEvents();
        List<Component> shown = List.copyOf(view.model().board().components());
        int collapsed = 0;
        for (ComponentState s : ComponentState.values()) {
            if (s == ComponentState.BLOCKED || s == ComponentState.ROLLED_BACK) {
                continue; // beside the main line, they fold to their heading instead
            }
            Node column = robot.lookup("#migration-column-" + s.code()).query();
            boolean empty = shown.stream().noneMatch(c -> c.state() == s);
            double width = column.getLayoutBounds().getWidth();
            if (empty) {
                collapsed++;
                assertTrue(width < BoardLanes.CARD_COLUMN_MIN, s + " is empty: a strip, " + width);
            } else {
                assertTrue(width >= BoardLanes.CARD_COLUMN_MIN, s + " has cards: never squeezed, " + width);
            }
        }
        assertTrue(robot.lookup(".migration-column-strip").queryAll().stream().filter(Node::isVisible).count() == collapsed);

        robot.clickOn("#migration-layout-list");
        waitUntil(() -> showing("#migration-component-list"));
        javafx.scene.control.TableView<?> list = robot.lookup("#migration-component-list").queryAs(javafx.scene.control.TableView.class);
        assertEquals(shown.size(), list.getItems().size(), "every component the filters let through, one row each");
        assertFalse(showing("#migration-board-lanes"), "the list replaces the cards");
        Node header = list.lookup("#migration-list-updated");
        robot.clickOn(header);
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        List<java.time.Instant> times = list.getItems().stream().map(c -> ((Component) c).updatedAt()).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times, "latest update first");
        assertEquals("MESH", ((Component) list.getItems().get(0)).code(), "MESH was the last to move");
        FxToolkit.setupFixture(() -> {
            list.getSelectionModel().select(0);
            list.requestFocus();
        });
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text("#migration-detail-title").startsWith("MESH · "));

        robot.clickOn("#migration-layout-cards");
        waitUntil(() -> showing("#migration-card-MESH"));
        assertFalse(showing("#migration-component-list"));
    }

    @Test
    @Order(99)
    void aViewerSeesEverythingAndIsOfferedNoChange() throws Exception {
        String token = sandbox.backbone().tokens().create("board.viewer", Role.VIEWER);
        HttpBackboneApi viewerApi = new HttpBackboneApi(sandbox.baseUrl(), () -> token,
                HttpBackboneApi.HttpClientOptions.defaults());
        try {
            connect(token, viewerApi);
            selectTab("migration-tab-board");
            waitUntil(() -> showing("#migration-card-EPS"));
            assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream().anyMatch(l -> l.isVisible()
                    && l.getText().startsWith("Read only: your role can look")));
            Node card = robot.lookup("#migration-card-EPS").query();
            robot.clickOn(card);
            FxToolkit.setupFixture(card::requestFocus);
            robot.type(KeyCode.M);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(openMenuItem("migration-move-preparing").isDisable(), "the move is listed but not offered");
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> showing("#migration-detail-move"));
            assertTrue(robot.lookup("#migration-detail-move").queryAs(MenuButton.class).isDisabled());

            selectTab("migration-tab-sites");
            FxToolkit.setupFixture(() -> view.model().sites().select("DC-SOUTH"));
            waitUntil(() -> view.model().sites().checklistProperty().get() != null
                    && "DC-SOUTH".equals(view.model().sites().siteProperty().get().code()));
            assertTrue(robot.lookup("#migration-checklist-add").queryAs(Button.class).isDisabled());
            assertTrue(robot.lookup("#migration-site-sign-off").queryAs(ButtonBase.class).isDisabled());
        } finally {
            connect(sandbox.adminToken(), api);
            viewerApi.close();
        }
    }
}
