package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.AccreditedSystem;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.MhsEndpointChange;
import io.spineconsole.domain.registrations.OrganisationCreate;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.Reliability;
import io.spineconsole.domain.sds.DriftRow;
import io.spineconsole.domain.sds.DriftStatus;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.testing.FxThread;
import io.spineconsole.testing.Screenshots;
import io.spineconsole.ui.common.EnvironmentAccess;
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
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Environment diff as an admin meets it, with two backbones: INT (the sandbox the workspace is connected to) and
 * LIVE (a fake answering its own registrations of the same organisation: one the same, one with more retries, one
 * INT lacks, and one of INT's missing). Counts first, then the rows in the environments' names; a row opens INT's
 * record in the workspace; the rows export; LIVE's connection is closed with the window.
 */
class EnvironmentDiffUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final NationalSdsData DATA = NationalSdsData.national();
    private static final int ORG = 4340;
    private static WorkspaceContext context;
    private static List<MhsEndpoint> intEndpoints;
    private static FakeBackboneApi live;
    private static final AtomicInteger opened = new AtomicInteger();
    private static Stage stage;

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        WorkspaceContext real = Sandbox.shared().context(Role.ADMIN, EnvironmentKind.SANDBOX);
        FakeBackboneApi api = FakeBackboneApi.over(real.api());
        context = new WorkspaceContext(api, real.principal(), real.profileId(), "INT", real.environment());
        String ods = DATA.odsCode(ORG);
        api.registrations().createOrganisation(new OrganisationCreate(ods, "Environment diff trust", OrganisationKind.TRUST,
                null, null)).join();
        intEndpoints = List.of(create(api, DATA.registered(ORG * 5)), create(api, DATA.registered(ORG * 5 + 1)),
                create(api, DATA.registered(ORG * 5 + 2)));
        MhsEndpoint changed = intEndpoints.get(1);
        Reliability r = changed.reliability();
        List<MhsEndpoint> liveEndpoints = List.of(copy(intEndpoints.get(0), intEndpoints.get(0).reliability()),
                copy(changed, new Reliability(r.retries() + 3, r.retryInterval(), r.persistDuration(), r.ackRequested(),
                        r.duplicateElimination(), r.syncReplyMode())),
                copy(DATA.registered(ORG * 5 + 3), DATA.registered(ORG * 5 + 3).reliability()));
        live = new FakeBackboneApi(Role.ADMIN);
        live.withRegistrations(new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
                List<MhsEndpoint> of = liveEndpoints.stream().filter(e -> filter.ods() == null
                        || e.odsCode().equalsIgnoreCase(filter.ods())).toList();
                return CompletableFuture.completedFuture(new Page<>(of, null, of.size(), true));
            }

            @Override
            public CompletableFuture<Page<AccreditedSystem>> accreditedSystems(RegistrationFilter filter, String cursor,
                                                                              int limit) {
                return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0, true));
            }
        });
    }

    private static MhsEndpoint create(BackboneApi api, MhsEndpoint e) {
        return api.registrations().createEndpoint(new MhsEndpointChange(e.name(), e.odsCode(), e.partyKey(), e.url(),
                e.cpaId(), e.interactions(), e.messagingPattern(), e.reliability(), e.mhsActor(), e.fqdn(), null)).join();
    }

    /** The endpoint as LIVE holds it: its own id and version. */
    private static MhsEndpoint copy(MhsEndpoint e, Reliability reliability) {
        return new MhsEndpoint(UUID.randomUUID(), e.name(), e.odsCode(), e.partyKey(), e.url(), e.fqdn(), e.cpaId(),
                e.interactions(), e.messagingPattern(), reliability, e.mhsActor(), e.certificate(), null, e.status(),
                null, 1, e.createdAt(), "live", e.updatedAt(), "live");
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void twoEnvironmentsComparedCountsFirstThenRowsThatOpenTheRecordAndExport() throws Exception {
        EnvironmentAccess environments = EnvironmentAccess.of(() -> List.of(
                new EnvironmentAccess.Environment(context.profileId(), "INT"),
                new EnvironmentAccess.Environment("live", "LIVE")), id -> {
                    opened.incrementAndGet();
                    return CompletableFuture.completedFuture(live);
                });
        RegistrationsView view = workspace(environments);
        FxThread.call(() -> {
            view.openEnvironmentDiff();
            return null;
        });
        EnvironmentDiffWindow window = view.environmentDiffWindow();
        Parent pane = window.dialog().getDialogPane();
        assertEquals("INT", FxThread.call(() -> ((ComboBox<?>) pane.lookup("#reg-envdiff-first")).getValue().toString()),
                "the connected environment comes first");
        assertEquals("LIVE", FxThread.call(() -> ((ComboBox<?>) pane.lookup("#reg-envdiff-second")).getValue().toString()));

        FxThread.call(() -> {
            ((TextField) pane.lookup("#reg-drift-ods")).setText(DATA.odsCode(ORG));
            ((Button) pane.lookup("#reg-drift-compare")).fire();
            return null;
        });
        await(() -> window.model().drift().stateProperty().get() == DriftViewModel.State.DONE,
                () -> text(pane, "#reg-drift-message"));

        assertEquals("Endpoint: 3 in INT, 3 in LIVE, 1 the same, 1 missing in LIVE, 1 missing in INT, 1 different "
                + "(Retries 1)\nAccredited system: 0 in INT, 0 in LIVE, 0 the same, 0 missing in LIVE, 0 missing in INT, "
                + "0 different", text(pane, "#reg-drift-counts"));
        assertEquals(1, opened.get(), "INT is used as it is; only LIVE is opened");
        @SuppressWarnings("unchecked")
        TableView<DriftRow> table = FxThread.call(() -> (TableView<DriftRow>) pane.lookup("#reg-drift-rows"));
        List<String> statuses = FxThread.call(() -> table.getItems().stream().map(r -> window.model().drift().statusText(r)).toList());
        assertEquals(List.of("Different", "Missing in INT", "Missing in LIVE"), statuses.stream().sorted().toList());
        DriftRow different = FxThread.call(() -> table.getItems().stream().filter(r -> r.status() == DriftStatus.DIFFERENT)
                .findFirst().orElseThrow());
        int retries = intEndpoints.get(1).reliability().retries();
        assertEquals("Retries: INT " + retries + ", LIVE " + (retries + 3), window.model().drift().describe(different));
        assertTrue(FxThread.call(() -> pane.lookup("#reg-drift-mark") == null || !pane.lookup("#reg-drift-mark").isVisible()),
                "environments are compared as they are: nothing to mark as expected");
        shoot(pane.getScene(), "registrations-environment-diff");

        Path csv = Files.createTempFile("envdiff", ".csv");
        window.model().drift().export(csv);
        await(() -> label(pane, "#reg-drift-message").startsWith("Exported 3 rows"));
        assertEquals(4, Files.readAllLines(csv).size());
        Files.deleteIfExists(csv);

        FxThread.call(() -> {
            table.getSelectionModel().select(different);
            ((Button) pane.lookup("#reg-drift-open")).fire();
            return null;
        });
        await(() -> intEndpoints.get(1).partyKey().equals(label(view.root(), "#reg-endpoints-detail-title")),
                () -> label(view.root(), "#reg-endpoints-detail-title"));
        FxThread.call(() -> {
            window.dialog().close();
            return null;
        });
        assertTrue(live.closed, "LIVE's connection is closed with the window");
    }

    @Test
    void theSameEnvironmentTwiceIsRefusedInWords() throws Exception {
        EnvironmentAccess one = EnvironmentAccess.of(() -> List.of(
                new EnvironmentAccess.Environment(context.profileId(), "INT")), id -> CompletableFuture.completedFuture(live));
        RegistrationsView view = workspace(one);
        FxThread.call(() -> {
            view.openEnvironmentDiff();
            return null;
        });
        Parent pane = view.environmentDiffWindow().dialog().getDialogPane();
        FxThread.call(() -> {
            ((Button) pane.lookup("#reg-drift-compare")).fire();
            return null;
        });
        assertEquals("Choose two different environments to compare.", text(pane, "#reg-drift-message"));
        FxThread.call(() -> {
            view.environmentDiffWindow().dialog().close();
            return null;
        });
    }

    private static RegistrationsView workspace(EnvironmentAccess environments) throws Exception {
        UiExecutor ui = new UiExecutor(Platform::runLater);
        Clock clock = Clock.systemUTC();
        WorkspaceServices services = new WorkspaceServices(ui, I18N, new Navigator(), ViewMemory.inMemory(), clock,
                new TimeText(clock, I18N, TimeText.UK), SdsAccess.none(), environments);
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

    private static String text(Node root, String id) throws Exception {
        return FxThread.call(() -> label(root, id));
    }

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

    private static void await(BooleanSupplier condition, Callable<String> shown) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!FxThread.call(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                fail("timed out; shown: " + FxThread.call(shown));
            }
            Thread.sleep(50);
        }
    }

    private static void await(BooleanSupplier condition) throws Exception {
        await(condition, () -> "");
    }

}
