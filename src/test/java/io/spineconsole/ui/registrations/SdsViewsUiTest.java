package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.settings.Preferences;
import io.spineconsole.testing.FxThread;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.testing.Screenshots;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "Published in SDS" panel and the drift view as a user sees them, on the FX thread against the stand-in SDS
 * and the sandbox: a differing field marked in words, the drift counts before the rows, a comparison typed and
 * run from the keyboard. Each screen is written in the light and the dark theme to {@code assets/screenshots/}.
 */
class SdsViewsUiTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static final NationalSdsData DATA = NationalSdsData.national();
    private static SdsStandIn standIn;
    private static HttpSdsDirectory sds;
    private static BackboneApi admin;
    private static Stage stage;
    private final UiExecutor ui = new UiExecutor(Platform::runLater);

    @BeforeAll
    static void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        standIn = new SdsStandIn(DATA, SdsStandIn.Config.defaults());
        sds = HttpSdsDirectory.create(standIn.baseUrl(), SdsStandIn.API_KEY, HttpSdsDirectory.Options.defaults()
                .withPace(200, 20));
        admin = Sandbox.shared().client(Role.ADMIN);
    }

    @AfterAll
    static void stop() throws Exception {
        FxToolkit.cleanupStages();
        sds.close();
        standIn.close();
    }

    @Test
    void thePanelPutsSdsBesideOursAndMarksTheFieldThatDiffers() throws Exception {
        int i = IntStream.range(0, DATA.endpoints()).filter(n -> DATA.drift(n) == NationalSdsData.Drift.RETRIES
                && DATA.endpoint(n).reliability().retries() != null).findFirst().orElseThrow();
        MhsEndpoint ours = DATA.registered(i);
        SdsRecordViewModel model = FxThread.call(() -> new SdsRecordViewModel(sds, ui, I18N));
        Parent panel = FxThread.call(() -> show(SdsRecordPanel.of(model, I18N), 760, 520));
        FxThread.call(() -> {
            model.show(ours);
            return null;
        });
        FxThread.await(() -> model.stateProperty().get() == SdsRecordViewModel.State.DIFFERENT);

        List<String> marked = FxThread.call(() -> panel.lookupAll(".reg-sds-differs").stream().map(n -> ((Label) n).getText()).toList());
        assertEquals(List.of("Retries", String.valueOf(ours.reliability().retries()),
                String.valueOf(ours.reliability().retries() - 1), "\u2260 differs"), marked);
        assertEquals("1 field differs from what SDS publishes.",
                FxThread.call(() -> ((Label) panel.lookup("#reg-sds-status")).getText()));
        shoot(panel, "registrations-sds-panel");
    }

    @Test
    void theDriftViewShowsTheCountsThenTheRowsForAnOrganisationAndInteraction() throws Exception {
        int org = 4322;
        String ods = DATA.odsCode(org);
        SdsEndpoint first = DATA.endpointsOf(org).get(0);
        admin.registrations().createOrganisation(new io.spineconsole.domain.registrations.OrganisationCreate(ods,
                "Drift screen", io.spineconsole.domain.registrations.OrganisationKind.TRUST, null, null)).join();
        MhsEndpoint registered = DATA.registered(org * 5);
        admin.registrations().createEndpoint(new io.spineconsole.domain.registrations.MhsEndpointChange("Ours",
                registered.odsCode(), registered.partyKey(), registered.url() + "/old", registered.cpaId(),
                registered.interactions(), registered.messagingPattern(), registered.reliability(), registered.mhsActor(),
                registered.fqdn(), null)).join();
        DriftViewModel model = FxThread.call(() -> new DriftViewModel(sds, admin.registrations(), ui, I18N, Runnable::run));
        Parent view = FxThread.call(() -> show(DriftView.of(model, I18N), 1100, 620));

        FxRobot robot = new FxRobot();
        robot.interact(() -> stage.requestFocus());
        robot.clickOn("#reg-drift-ods").write(ods);
        robot.clickOn("#reg-drift-interaction").write(first.interactions().get(0));
        robot.clickOn("#reg-drift-compare");
        FxThread.await(() -> model.stateProperty().get() == DriftViewModel.State.DONE
                || model.stateProperty().get() == DriftViewModel.State.FAILED);

        assertEquals(DriftViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        String counts = FxThread.call(() -> ((Label) view.lookup("#reg-drift-counts")).getText());
        assertTrue(counts.startsWith("Endpoint: 1 here,"), counts);
        assertTrue(FxThread.call(() -> ((TableView<?>) view.lookup("#reg-drift-rows")).getItems().size()) > 1);
        shoot(view, "registrations-drift");
    }

    private static Parent show(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        Themes.apply(Preferences.Theme.LIGHT, scene);
        stage.setScene(scene);
        stage.show();
        return root;
    }

    private static void shoot(Parent root, String name) throws Exception {
        for (Preferences.Theme theme : List.of(Preferences.Theme.LIGHT, Preferences.Theme.DARK)) {
            FxThread.call(() -> {
                Themes.apply(theme, root.getScene());
                root.applyCss();
                root.layout();
                Screenshots.write(root.getScene(), name + "-" + theme.name().toLowerCase(Locale.ROOT));
                return null;
            });
        }
        FxThread.call(() -> {
            Themes.apply(Preferences.Theme.LIGHT, root.getScene());
            return null;
        });
    }
}
