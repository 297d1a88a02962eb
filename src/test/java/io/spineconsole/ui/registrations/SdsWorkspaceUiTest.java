package io.spineconsole.ui.registrations;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FxThread;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.SdsAccess;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SDS in the Registrations workspace, as an admin meets it: an endpoint's "Published in SDS" section, "Directory
 * drift…" from the record (organisation and interaction filled in), and, with no SDS connection, the same places
 * saying so in words and offering to add one, then using the one added. Against the stand-in SDS and the sandbox
 * (through {@link FakeBackboneApi}).
 */
class SdsWorkspaceUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final NationalSdsData DATA = NationalSdsData.national();
    private static final int ORG = 4330;
    private static SdsStandIn standIn;
    private static HttpSdsDirectory sds;
    private static WorkspaceContext context;
    private static MhsEndpoint ours;
    private static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY, HttpSdsDirectory.Options.defaults()
                .withPace(200, 20));
        WorkspaceContext real = Sandbox.shared().context(Role.ADMIN, EnvironmentKind.SANDBOX);
        FakeBackboneApi api = FakeBackboneApi.over(real.api());
        context = new WorkspaceContext(api, real.principal(), real.profileId(), real.environmentName(), real.environment());
        String ods = DATA.odsCode(ORG);
        api.registrations().createOrganisation(new OrganisationCreate(ods, "SDS wiring trust", OrganisationKind.TRUST,
                null, null)).join();
        MhsEndpoint published = DATA.registered(ORG * 5);
        // Registered at an older address than SDS publishes: the one field that differs.
        ours = api.registrations().createEndpoint(new MhsEndpointChange("Ours", published.odsCode(), published.partyKey(),
                published.url() + "/old", published.cpaId(), published.interactions(), published.messagingPattern(),
                published.reliability(), published.mhsActor(), published.fqdn(), null)).join();
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        sds.close();
        standIn.close();
    }

    private static RegistrationsView workspace(SdsAccess access) throws Exception {
        UiExecutor ui = new UiExecutor(Platform::runLater);
        Clock clock = Clock.systemUTC();
        WorkspaceServices services = new WorkspaceServices(ui, I18N, new Navigator(), ViewMemory.inMemory(), clock,
                new TimeText(clock, I18N, TimeText.UK), access);
        RegistrationsView view = FxThread.call(() -> (RegistrationsView) RegistrationsWorkspace.create(services));
        FxThread.call(() -> {
            Scene scene = new Scene((Parent) view.node(), 1440, 900);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            stage.setScene(scene);
            stage.show();
            view.connect(context);
            return null;
        });
        return view;
    }

    /** Opens our endpoint: its details end with the "Published in SDS" section. */
    private static void openEndpoint(RegistrationsView view) throws Exception {
        await(() -> view.open(RecordKind.ENDPOINTS.link(ours.id().toString())));
        await(() -> ours.partyKey().equals(label(view.root(), "#reg-endpoints-detail-title")));
    }

    @Test
    void anEndpointShowsWhatSdsPublishesAndOpensDirectoryDriftForItsOrganisation() throws Exception {
        RegistrationsView view = workspace(SdsAccess.of("SDS INT", SdsEnvironment.INT, sds));
        openEndpoint(view);
        await(() -> "1 field differs from what SDS publishes.".equals(label(view.root(), "#reg-sds-status"))
                && !view.root().lookupAll(".reg-sds-differs").isEmpty(), () -> label(view.root(), "#reg-sds-status")
                + "; grids: " + view.root().lookupAll("#reg-sds-fields").stream()
                .map(g -> ((Parent) g).getChildrenUnmodifiable().size() + (g.getScene() == null ? " detached" : "")).toList()
                + "; statuses: " + view.root().lookupAll("#reg-sds-status").stream().map(n -> ((Label) n).getText()).toList());
        List<String> marked = FxThread.call(() -> view.root().lookupAll(".reg-sds-differs").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertEquals("Address", marked.get(0));
        assertEquals(ours.url(), marked.get(1));
        FxThread.call(() -> { // the section in view, as a user scrolls to it
            Node n = view.root().lookup("#reg-endpoints-sds");
            while (!(n instanceof javafx.scene.control.ScrollPane)) {
                n = n.getParent();
            }
            ((javafx.scene.control.ScrollPane) n).setVvalue(1.0);
            return null;
        });
        shoot(view.root().getScene(), "registrations-sds-section");

        FxThread.call(() -> {
            ((Button) view.root().lookup("#reg-endpoints-drift")).fire();
            return null;
        });
        DriftWindow drift = view.driftWindow();
        assertNotNull(drift);
        Parent pane = drift.dialog().getDialogPane();
        assertEquals(ours.odsCode(), FxThread.call(() -> ((TextField) pane.lookup("#reg-drift-ods")).getText()));
        assertEquals(ours.interactions().get(0), FxThread.call(() -> ((TextField) pane.lookup("#reg-drift-interaction")).getText()));
        assertEquals("Drift against SDS (SDS INT)", FxThread.call(() -> drift.dialog().getTitle()));
        FxThread.call(() -> {
            ((Button) pane.lookup("#reg-drift-compare")).fire();
            return null;
        });
        await(() -> drift.model().stateProperty().get() == DriftViewModel.State.DONE);
        String counts = text(pane, "#reg-drift-counts");
        assertTrue(counts.startsWith("Endpoint: 1 here,"), counts);
        shoot(pane.getScene(), "registrations-drift-window");
        markTheDifferentRowAsExpected(drift, pane);
        FxThread.call(() -> {
            drift.dialog().close();
            return null;
        });

        // From the organisation: its ODS code filled in, the interaction left to choose.
        await(() -> view.open(RecordKind.ORGANISATIONS.link(ours.odsCode())));
        await(() -> ours.odsCode().equals(label(view.root(), "#reg-organisations-detail-title")));
        FxThread.call(() -> {
            ((Button) view.root().lookup("#reg-organisations-drift")).fire();
            return null;
        });
        Parent forOrganisation = view.driftWindow().dialog().getDialogPane();
        assertEquals(ours.odsCode(), FxThread.call(() -> ((TextField) forOrganisation.lookup("#reg-drift-ods")).getText()));
        assertEquals("", FxThread.call(() -> ((TextField) forOrganisation.lookup("#reg-drift-interaction")).getText()));
        assertEquals("Give an organisation and an interaction to compare our registrations with what SDS publishes.",
                text(forOrganisation, "#reg-drift-message"));
        FxThread.call(() -> {
            view.driftWindow().dialog().close();
            return null;
        });
    }

    @Test
    void withNoSdsConnectionThePanelAndDriftSaySoAndOfferToAddOneThenUseIt() throws Exception {
        SdsAccess access = SdsAccess.none();
        AtomicInteger offered = new AtomicInteger();
        access.setOnAddConnection(offered::incrementAndGet);
        RegistrationsView view = workspace(access);
        openEndpoint(view);
        await(() -> label(view.root(), "#reg-sds-status").startsWith("No SDS connection is set up: add one"));
        FxThread.call(() -> {
            ((Button) view.root().lookup("#reg-endpoints-sds-add")).fire();
            return null;
        });
        assertEquals(1, offered.get(), "the button opens the SDS connections");
        shoot(view.root().getScene(), "registrations-sds-none");

        FxThread.call(() -> {
            view.openDrift(ours.odsCode(), "");
            return null;
        });
        Parent pane = view.driftWindow().dialog().getDialogPane();
        assertTrue(text(pane, "#reg-drift-message").startsWith("No SDS connection is set up"));
        assertTrue(FxThread.call(() -> ((Button) pane.lookup("#reg-drift-compare")).isDisabled()), "nothing to compare with");
        assertNotNull(FxThread.call(() -> pane.lookup("#reg-drift-add-connection")));

        // A connection is added: both places use it at once, keeping what was typed.
        FxThread.call(() -> {
            ((TextField) pane.lookup("#reg-drift-interaction")).setText(ours.interactions().get(0));
            access.use(new SdsAccess.Connection("SDS INT", SdsEnvironment.INT, sds));
            return null;
        });
        await(() -> "1 field differs from what SDS publishes.".equals(label(view.root(), "#reg-sds-status")));
        Parent after = view.driftWindow().dialog().getDialogPane();
        assertEquals(ours.interactions().get(0), FxThread.call(() -> ((TextField) after.lookup("#reg-drift-interaction")).getText()));
        assertTrue(FxThread.call(() -> after.lookup("#reg-drift-add-connection") == null));
        assertTrue(!FxThread.call(() -> ((Button) after.lookup("#reg-drift-compare")).isDisabled()));
        FxThread.call(() -> {
            view.driftWindow().dialog().close();
            return null;
        });
    }

    /**
     * Selects the row that differs, marks it as expected through the confirmation (reason typed), sees it say so
     * and leave the counts, then un-marks it.
     */
    @SuppressWarnings("unchecked")
    private static void markTheDifferentRowAsExpected(DriftWindow drift, Parent pane) throws Exception {
        javafx.scene.control.TableView<io.spineconsole.domain.sds.DriftRow> table = FxThread.call(() ->
                (javafx.scene.control.TableView<io.spineconsole.domain.sds.DriftRow>) pane.lookup("#reg-drift-rows"));
        Button mark = FxThread.call(() -> (Button) pane.lookup("#reg-drift-mark"));
        assertTrue(FxThread.call(mark::isDisabled), "nothing selected, nothing to mark");
        FxThread.call(() -> {
            int i = 0;
            while (table.getItems().get(i).status() != io.spineconsole.domain.sds.DriftStatus.DIFFERENT) {
                i++;
            }
            table.getSelectionModel().select(i);
            return null;
        });
        assertTrue(!FxThread.call(mark::isDisabled));
        Platform.runLater(mark::fire); // the confirmation waits for an answer: not from inside FxThread.call()
        await(() -> confirmation() != null);
        FxThread.call(() -> {
            Parent confirm = confirmation();
            Button ok = (Button) confirm.lookup("#confirm-ok");
            assertTrue(ok.isDisabled(), "a reason is required");
            ((javafx.scene.control.TextArea) confirm.lookup("#confirm-reason"))
                    .setText("Moving to the new address under CHG0052213; SDS follows on Friday");
            ok.fire();
            return null;
        });
        io.spineconsole.domain.sds.DriftRow row = FxThread.call(() -> table.getSelectionModel().getSelectedItem());
        await(() -> drift.model().expectation(row).isPresent(), () -> text(pane, "#reg-drift-message"));
        String counts = text(pane, "#reg-drift-counts");
        assertTrue(counts.contains("0 different; 1 marked as expected"), counts);
        assertTrue(drift.model().expectationText(row).startsWith("Expected: Moving to the new address"));
        assertTrue(FxThread.call(mark::isDisabled), "a marked row is not marked twice");
        shoot(pane.getScene(), "registrations-drift-expected");
        FxThread.call(() -> {
            ((Button) pane.lookup("#reg-drift-unmark")).fire();
            return null;
        });
        await(() -> drift.model().expectation(row).isEmpty());
        assertTrue(text(pane, "#reg-drift-counts").contains("1 different"), text(pane, "#reg-drift-counts"));
    }

    /** The confirmation dialog's pane while one is showing, else null. */
    private static Parent confirmation() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup("#confirm-reason") != null) {
                return w.getScene().getRoot();
            }
        }
        return null;
    }

    private static String text(Node root, String id) throws Exception {
        return FxThread.call(() -> label(root, id));
    }

    /** A label's text, read on the FX thread (inside {@link #await}). */
    private static String label(Node root, String id) {
        Node n = root.lookup(id);
        return n == null ? "" : String.valueOf(((Label) n).getText());
    }

    private static void shoot(Scene scene, String name) throws Exception {
        for (Preferences.Theme theme : List.of(Preferences.Theme.LIGHT, Preferences.Theme.DARK)) {
            FxThread.call(() -> {
                Themes.apply(theme, scene);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Screenshots.write(scene, name + "-" + theme.name().toLowerCase(Locale.ROOT));
                return null;
            });
        }
        FxThread.call(() -> {
            Themes.apply(Preferences.Theme.LIGHT, scene);
            return null;
        });
    }

    private static void await(BooleanSupplier condition) throws Exception {
        await(condition, () -> "");
    }

    /** Waits for {@code condition} (a minute: a busy build machine is slow); on time-out says what {@code shown} is. */
    private static void await(BooleanSupplier condition, Callable<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!FxThread.call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out; shown: " + FxThread.call(shown));
            }
            Thread.sleep(50);
        }
    }

}
