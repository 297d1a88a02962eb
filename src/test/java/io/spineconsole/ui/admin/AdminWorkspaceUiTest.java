package io.spineconsole.ui.admin;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
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
import io.spineconsole.testing.Screenshots;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administration workspace in a window on a real sandbox (headless): an admin issues a token to
 * a person, copies its secret once, and revokes a token with a reason; a viewer sees no tokens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminWorkspaceUiTest {
    private static final FxRobot robot = new FxRobot();
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static AdminWorkspace view;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.startTiny();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
        Stage stage = FxToolkit.registerPrimaryStage();
        WorkspaceServices services = new WorkspaceServices(new UiExecutor(Platform::runLater), new I18n(Locale.UK),
                new Navigator(), ViewMemory.inMemory(), Clock.systemUTC());
        FxToolkit.setupStage(s -> {
            view = AdminWorkspace.create(services);
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
            s.toFront();
        });
        connect(api);
        waitUntil(() -> view.tokens().stateProperty().get() == LoadState.LOADED);
        assertTrue(stage.isShowing());
    }

    private static void connect(HttpBackboneApi withApi) throws Exception {
        Principal me = withApi.me().join();
        WorkspaceContext context = new WorkspaceContext(withApi, me, "test", "Sandbox", EnvironmentKind.SANDBOX);
        FxToolkit.setupFixture(() -> view.connect(context));
        WaitForAsyncUtils.waitForFxEvents();
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

    private static void write(String query, String text) {
        robot.interact(() -> robot.lookup(query).queryAs(TextField.class).setText(text));
    }

    private static void confirmWith(String reason) throws Exception {
        waitUntil(() -> showing("#confirm-reason"));
        robot.interact(() -> robot.lookup("#confirm-reason").queryAs(TextArea.class).setText(reason));
        robot.clickOn("#confirm-ok");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Token> table() {
        return robot.lookup("#tokens-table").queryAs(TableView.class);
    }

    @Test
    @Order(1)
    void anAdminIssuesATokenToAPersonAndCopiesItsSecretWhichIsThenGone() throws Exception {
        assertFalse(showing("#token-issue-form"), "the form opens when asked for");
        robot.clickOn("#token-issue-open");
        assertTrue(showing("#token-issue-form"));
        robot.clickOn("#token-issue");
        assertEquals("Give the token a name.", robot.lookup("#token-form-error")
                .queryAs(javafx.scene.control.Label.class).getText(), "nothing is asked or sent until it is right");
        write("#token-name", "duty.manager");
        write("#token-owner", "Priya Patel <priya.patel@nhs.net>");
        robot.clickOn("#token-issue");
        confirmWith("On-call duty manager from Monday");

        waitUntil(() -> showing("#token-secret-pane"));
        String secret = robot.lookup("#token-secret").queryAs(TextField.class).getText();
        assertTrue(secret.startsWith("spc_") && secret.length() == 47, secret);
        assertFalse(showing("#token-issue-form"), "the form closes once the token is issued");
        waitUntil(() -> table().getItems().stream().anyMatch(t -> t.name().equals("duty.manager")));
        robot.clickOn("#token-secret-copy");
        assertEquals(secret, fxCall(() -> Clipboard.getSystemClipboard().getString()), "copied as it is");
        robot.clickOn("#token-secret-done");
        assertFalse(showing("#token-secret-pane"));
        assertTrue(robot.lookup(n -> n instanceof TextField f && secret.equals(f.getText())).tryQuery().isEmpty(),
                "the secret is nowhere on screen any more");
        assertEquals("Priya Patel <priya.patel@nhs.net>", api.tokens().list(null, false, 500, null).join().items()
                .stream().filter(t -> t.name().equals("duty.manager")).findFirst().orElseThrow().owner());
    }

    @Test
    @Order(2)
    void anAdminRevokesATokenWithAReasonAndItLeavesTheList() throws Exception {
        sandbox.backbone().tokens().create("leaver.script", Role.OPERATOR);
        FxToolkit.setupFixture(() -> view.refresh());
        waitUntil(() -> table().getItems().stream().anyMatch(t -> t.name().equals("leaver.script")));
        assertTrue(robot.lookup("#token-revoke").query().isDisabled(), "nothing selected, nothing to revoke");
        robot.interact(() -> table().getSelectionModel().select(table().getItems().stream()
                .filter(t -> t.name().equals("leaver.script")).findFirst().orElseThrow()));
        robot.clickOn("#token-revoke");
        confirmWith("Script retired with the old interface engine");
        waitUntil(() -> table().getItems().stream().noneMatch(t -> t.name().equals("leaver.script")));
        assertTrue(robot.lookup("#tokens-notice").queryAs(javafx.scene.control.Label.class).getText()
                .contains("leaver.script"));
        Token revoked = api.tokens().list(null, true, 500, null).join().items().stream()
                .filter(t -> t.name().equals("leaver.script")).findFirst().orElseThrow();
        assertEquals("Script retired with the old interface engine", revoked.revokeReason());
    }

    @Test
    @Order(3)
    void aViewerSeesNoTokensOnlyASentence() throws Exception {
        String viewerToken = sandbox.backbone().tokens().create("ward.clerk", Role.VIEWER);
        try (HttpBackboneApi viewer = new HttpBackboneApi(sandbox.baseUrl(), () -> viewerToken,
                HttpBackboneApi.HttpClientOptions.defaults())) {
            connect(viewer);
            assertTrue(showing("#admin-not-admin"));
            assertTrue(find("#tokens-table").isEmpty(), "no token list in the scene");
        }
        connect(api);
        assertTrue(showing("#tokens-table"));
    }

    @Test
    @Order(4)
    void aLinkOpensTheAuditBrowserOnOneRecordsHistoryWithWhatChanged() throws Exception {
        Token token = api.tokens().list(null, true, 500, null).join().items().stream()
                .filter(t -> t.name().equals("leaver.script")).findFirst().orElseThrow();
        boolean opened = fxCall(() -> view.open(AuditBrowserViewModel.historyLink("token", Long.toString(token.id()))));
        assertTrue(opened);
        waitUntil(() -> view.audit().stateProperty().get() == LoadState.LOADED);
        assertEquals("admin-tab-audit", fxCall(() -> view.tabs().getSelectionModel().getSelectedItem().getId()));
        @SuppressWarnings("unchecked")
        TableView<AuditBrowserViewModel.Change> changes = robot.lookup("#audit-changes").queryAs(TableView.class);
        waitUntil(() -> changes.getItems().stream().anyMatch(c -> c.field().equals("revokeReason")
                && "Script retired with the old interface engine".equals(c.after())));
        assertTrue(robot.lookup("#audit-open-record").query().isDisabled(), "a token has no page elsewhere");

        // The filters speak words, for every kind of record and action the server audits.
        @SuppressWarnings("unchecked")
        ComboBox<String> type = robot.lookup("#audit-type").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> action = robot.lookup("#audit-action").queryAs(ComboBox.class);
        assertEquals("API token", fxCall(() -> type.getConverter().toString(type.getValue())));
        assertEquals("Alert rule", fxCall(() -> type.getConverter().toString("alert-rule")));
        assertEquals("Acknowledged", fxCall(() -> action.getConverter().toString("acknowledge")));
        assertEquals("Any action", fxCall(() -> action.getConverter().toString(null)));
        fxCall(() -> {
            Screenshots.write(view.node().getScene(), "admin-audit-history-light");
            return null;
        });
    }

    private static <T> T fxCall(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
