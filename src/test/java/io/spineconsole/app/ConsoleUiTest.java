package io.spineconsole.app;

import io.spineconsole.sandbox.SeedData;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
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

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots the real console on the real embedded sandbox (headless, Monocle) and walks it as a
 * user would: the environment band, the status bar, each workspace, the command palette.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest {
    private static final FxRobot robot = new FxRobot();
    private static Stage stage;
    private static Application app;

    @BeforeAll
    static void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(SpineConsoleApp.class);
        ConsoleFixture.waitForTiles(robot);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** The tile labels and values on screen, as "label=value". */
    private static List<String> tiles() {
        return robot.lookup(".tile").queryAll().stream().filter(Node::isVisible).map(tile -> {
            List<Label> labels = robot.from(tile).lookup(".label").queryAllAs(Label.class).stream().toList();
            return labels.get(0).getText() + "=" + labels.get(1).getText();
        }).toList();
    }

    private static void waitForTile(String label) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> tiles().stream().anyMatch(t -> t.startsWith(label + "=")));
    }

    @Test
    @Order(1)
    void opensOnTheSandboxWithItsGreenBandAndAnAdminSession() {
        assertEquals("SANDBOX", robot.lookup(".environment-kind").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".environment-band").query().getStyleClass().contains("env-sandbox"));
        assertTrue(robot.lookup(".environment-server").queryAs(Label.class).getText().startsWith("http://127.0.0.1:"));
        assertEquals("Online", text("#connection-state"));
        assertEquals("Signed in as admin", text("#signed-in-role"));
    }

    @Test
    @Order(2)
    void registrationsShowsTheSeededDirectory() throws Exception {
        robot.clickOn("#nav-registrations");
        waitForTile("Organisations");
        String organisations = NumberFormat.getIntegerInstance(Locale.getDefault())
                .format(SeedData.Scale.desktop().organisations());
        assertTrue(tiles().contains("Organisations=" + organisations), tiles().toString());
        assertEquals("Registrations", text("#workspace-title"));
    }

    @Test
    @Order(3)
    void ctrlDigitsSwitchWorkspaces() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitForTile("Messages, last hour");
        assertEquals("Message flow", text("#workspace-title"));
        assertTrue(robot.lookup("#nav-messages").queryAs(ToggleButton.class).isSelected());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitForTile("Still on premises");
        assertEquals("Migration", text("#workspace-title"));
        assertTrue(tiles().stream().anyMatch(t -> t.startsWith("Data centres open=")), tiles().toString());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitForTile("Organisations");
        assertEquals("Registrations", text("#workspace-title"));
    }

    @Test
    @Order(4)
    void theCommandPaletteFindsAndRunsAnAction() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField query = robot.lookup("#command-palette-query").queryAs(TextField.class);
        assertTrue(query.getParent().getParent().isVisible(), "Ctrl+K opens the palette");
        robot.clickOn(query).write("go migr");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        waitForTile("Still on premises");
        assertEquals("Migration", text("#workspace-title"));
        assertTrue(!query.getParent().getParent().isVisible(), "the palette closes after running a command");

        // Workspaces offer their own places: this one is in another workspace.
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(query).write("dead letters");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Message flow", text("#workspace-title"));
        TabPane sections = robot.lookup("#messages-tabs").queryAs(TabPane.class);
        assertEquals("messages-tab-dead-letters", sections.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    @Order(5)
    void theThemeSwitchesToDarkAndBack() {
        Node root = stage.getScene().getRoot();
        boolean darkBefore = root.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("dark"));
        robot.clickOn("#toggle-theme");
        WaitForAsyncUtils.waitForFxEvents();
        boolean darkAfter = root.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("dark"));
        assertEquals(!darkBefore, darkAfter);
        robot.clickOn("#toggle-theme");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @Order(6)
    void aNewProfileIsValidatedAsTypedAndSavedWithoutItsToken() throws Exception {
        robot.clickOn("#open-profiles");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(i18n("profiles.new"));
        robot.clickOn("#profile-name").write("Integration");
        robot.clickOn("#profile-url").write("ftp://int.example.nhs.uk");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fieldErrors().contains(i18n("profiles.error.urlFormat")), fieldErrors().toString());

        TextField url = robot.lookup("#profile-url").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write("https://int.example.nhs.uk");
        robot.clickOn("#profile-token").write("spc_typed-secret-value");
        robot.clickOn("#profile-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fieldErrors().stream().allMatch(String::isEmpty), fieldErrors().toString());
        assertTrue(robot.lookup("#profiles-list").queryListView().getItems().stream()
                .anyMatch(p -> ((io.spineconsole.settings.ConnectionProfile) p).name().equals("Integration")));

        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("spineconsole.home"));
        java.nio.file.Path settings = home.resolve("config").resolve("settings.json");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(settings)
                && java.nio.file.Files.readString(settings).contains("https://int.example.nhs.uk"));
        assertTrue(!java.nio.file.Files.readString(settings).contains("spc_typed-secret-value"),
                "the token must never be written to the settings file");
        robot.clickOn(i18n("profiles.remove"));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<String> fieldErrors() {
        return robot.lookup(".field-error").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private static String i18n(String key) {
        return new io.spineconsole.ui.common.I18n(Locale.getDefault()).get(key);
    }

    @Test
    @Order(7)
    void theProfilesDialogOffersTlsFilesAndSaysWhereSecretsAreKept() throws Exception {
        robot.clickOn("#open-profiles");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#profile-trust-store").tryQuery().isPresent());
        assertTrue(robot.lookup("#profile-client-certificate").tryQuery().isPresent());
        assertTrue(robot.lookup("#profile-client-certificate-password").tryQuery().isPresent());
        // The tests force the file store (spineconsole.secretStore=file): the dialog says so.
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText() != null && l.getText().startsWith("Tokens and passwords are kept in: a file readable only by you")),
                "the dialog names the secret store in use");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
