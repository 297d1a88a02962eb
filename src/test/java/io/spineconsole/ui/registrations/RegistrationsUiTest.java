package io.spineconsole.ui.registrations;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpTransport;
import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registration admin's flows through the real console on a sandbox it talks to over HTTP: find an
 * endpoint and edit it, a refused value shown on its field, a conflict with a colleague's save
 * resolved, an import with a bad row.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationsUiTest {
    static SandboxFixture sandbox;
    static HttpBackboneApi colleague;
    static ConsoleFixture console;
    static FxRobot robot;
    static Organisation owner;
    static MhsEndpoint endpoint;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        colleague = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, new HttpBackboneApi.HttpClientOptions(
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30), HttpTransport.RetryPolicy.defaults()));
        owner = Records.activeOrganisation(colleague.registrations());
        endpoint = Records.endpoint(colleague.registrations(), owner);
        console = ConsoleFixture.against(sandbox.baseUrl(), sandbox.adminToken(), EnvironmentKind.SANDBOX);
        robot = console.robot();
        // Under Monocle a shown stage may not have the keyboard focus: typing would go nowhere.
        robot.interact(() -> console.stage().requestFocus());
        robot.clickOn("#nav-registrations");
    }

    /** Leaves no dialog or form open for the next test, whatever this one did. */
    @org.junit.jupiter.api.AfterEach
    void tidy() throws Exception {
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != console.stage() && w.isShowing())
                .toList().forEach(javafx.stage.Window::hide));
        for (String form : List.of("#reg-endpoints-form", "#reg-organisations-form")) {
            if (robot.lookup(form).tryQuery().map(Node::isVisible).orElse(false)) {
                robot.clickOn(form.replace("-form", "-cancel"));
                if (robot.lookup("#reg-unsaved-dialog").tryQuery().isPresent()) {
                    robot.clickOn("Discard changes");
                }
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
        colleague.close();
        sandbox.close();
    }

    private static <T extends Node> T find(String query, Class<T> type) throws Exception {
        return console.waitFor(query, type);
    }

    /** Scrolls the form (or any scroll pane) until {@code node} is in view, as a user would. */
    private static void reveal(Node node) {
        robot.interact(() -> {
            for (Node p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                    if (contentHeight > viewport) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (y - 20) / (contentHeight - viewport))));
                    }
                    return;
                }
            }
        });
    }

    /** Replaces a text field's content as a user would: select all, type. */
    private static void retype(String query, String text) throws Exception {
        TextInputControl field = find(query, TextInputControl.class);
        reveal(field);
        robot.clickOn(field);
        robot.interact(field::selectAll);
        robot.type(KeyCode.BACK_SPACE);
        robot.write(text);
        console.waitUntil(5, () -> text.equals(field.getText()));
    }

    /** The error shown under the input {@code query} (FormRows puts it beside the input). */
    private static String errorUnder(String query) {
        Node input = robot.lookup(query).query();
        return robot.from(input.getParent()).lookup(".field-error").queryAllAs(Label.class).stream()
                .map(Label::getText).filter(t -> !t.isEmpty()).findFirst().orElse("");
    }

    private static void openEndpoint() throws Exception {
        robot.clickOn(find("#reg-tab-endpoints", Node.class));
        robot.clickOn(find("#reg-endpoints-clear-filters", Node.class));
        retype("#reg-endpoints-search", endpoint.partyKey());
        TableView<?> table = find("#reg-endpoints-table", TableView.class);
        console.waitUntil(10, () -> table.getItems().size() == 1
                && ((MhsEndpoint) table.getItems().get(0)).id().equals(endpoint.id()));
        robot.clickOn(robot.from(table).lookup(".table-cell").match(LabeledMatchers.hasText(endpoint.partyKey()))
                .queryAs(Node.class));
        console.waitUntil(10, () -> endpoint.partyKey().equals(console.text("#reg-endpoints-detail-title")));
    }

    private static MhsEndpoint onServer() {
        return colleague.registrations().endpoint(endpoint.id()).join();
    }

    @Test
    @Order(1)
    void findAnEndpointByTypingEditItAndSave() throws Exception {
        openEndpoint();
        robot.clickOn("#reg-endpoints-edit");
        find("#reg-endpoints-form", Node.class);
        assertEquals("Edit endpoint " + endpoint.partyKey(), console.text("#reg-endpoints-form-title"));
        retype("#reg-endpoints-field-name", "Primary MHS, Leeds data centre");
        robot.clickOn("#reg-endpoints-save");
        console.waitUntil(10, () -> robot.lookup("#reg-endpoints-detail-done").queryAs(Label.class).isVisible());
        assertEquals("Saved endpoint " + endpoint.partyKey() + ".", console.text("#reg-endpoints-detail-done"));
        assertEquals("Primary MHS, Leeds data centre", onServer().name());
        assertFalse(robot.lookup("#reg-endpoints-form").query().isVisible(), "back to the detail");
        TableView<?> table = find("#reg-endpoints-table", TableView.class);
        assertEquals("Primary MHS, Leeds data centre", ((MhsEndpoint) table.getItems().get(0)).name(), "the row shows the save");
    }

    @Test
    @Order(2)
    void aMalformedValueIsRefusedOnItsFieldAndNothingIsSent() throws Exception {
        openEndpoint();
        long version = onServer().version();
        robot.clickOn("#reg-endpoints-edit");
        retype("#reg-endpoints-field-url", "http://mhs.insecure.example/reliablemessaging");
        console.waitUntil(5, () -> errorUnder("#reg-endpoints-field-url").startsWith("The URL must be an absolute https://"));
        assertTrue(find("#reg-endpoints-save", Button.class).isDisabled(), "cannot save an invalid form");
        retype("#reg-endpoints-field-reliability-retryInterval", "two hours");
        console.waitUntil(5, () -> errorUnder("#reg-endpoints-field-reliability-retryInterval").startsWith("Use an ISO-8601 duration"));

        robot.type(KeyCode.ESCAPE);
        find("#reg-unsaved-dialog", Node.class);
        robot.clickOn("Keep editing");
        assertTrue(robot.lookup("#reg-endpoints-form").query().isVisible(), "the edit is kept");
        assertEquals("two hours", find("#reg-endpoints-field-reliability-retryInterval", TextField.class).getText());
        robot.clickOn("#reg-endpoints-cancel");
        find("#reg-unsaved-dialog", Node.class);
        robot.clickOn("Discard changes");
        console.waitUntil(5, () -> !robot.lookup("#reg-endpoints-form").query().isVisible());
        assertEquals(version, onServer().version(), "nothing was sent");
    }

    @Test
    @Order(3)
    void aColleaguesSaveOpensTheConflictAndMyChangesAreReappliedOnTheirs() throws Exception {
        openEndpoint();
        robot.clickOn("#reg-endpoints-edit");
        retype("#reg-endpoints-field-name", "Renamed by me");

        MhsEndpoint current = onServer();
        EndpointForm theirs = new EndpointForm(new UiQueue().ui, new io.spineconsole.ui.common.I18n(java.util.Locale.UK));
        theirs.edit(current);
        theirs.get("/cpaId").input().valueProperty().set("S20001A000999");
        colleague.registrations().updateEndpoint(current.id(), current.version(), theirs.change()).join();

        robot.clickOn("#reg-endpoints-save");
        Node conflict = find("#reg-endpoints-conflict", Node.class);
        assertTrue(robot.from(conflict).lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("S20001A000999")), "their value is shown beside mine");
        assertEquals("Renamed by me", find("#reg-endpoints-field-name", TextField.class).getText(), "my edit is kept");
        robot.clickOn("#reg-endpoints-reapply");
        console.waitUntil(5, () -> !robot.lookup("#reg-endpoints-conflict").query().isVisible());
        assertEquals("S20001A000999", find("#reg-endpoints-field-cpaId", TextField.class).getText());
        assertEquals("Renamed by me", find("#reg-endpoints-field-name", TextField.class).getText());
        robot.clickOn("#reg-endpoints-save");
        console.waitUntil(10, () -> robot.lookup("#reg-endpoints-detail-done").queryAs(Label.class).isVisible());
        MhsEndpoint saved = onServer();
        assertEquals("Renamed by me", saved.name());
        assertEquals("S20001A000999", saved.cpaId(), "no update lost");
    }

    @Test
    @Order(4)
    void anImportShowsItsBadRowBeforeAnythingIsWritten() throws Exception {
        String a = Records.ods();
        String b = Records.ods();
        Path file = Files.createTempFile("organisations-", ".csv");
        Files.writeString(file, "odsCode,name,kind,parentOdsCode,postcode\r\n"
                + a + ",Good Trust,trust,,LS1 3EX\r\n"
                + b + ",Child site,trust-site," + a + ",\r\n"
                + "bad code,Broken,not-a-kind,,\r\n", StandardCharsets.UTF_8);
        try {
            robot.clickOn(find("#reg-tab-organisations", Node.class));
            robot.clickOn(find("#reg-organisations-import", Node.class));
            find("#reg-import-dialog", Node.class);
            robot.clickOn("#reg-import-path").write(file.toString());
            robot.clickOn("#reg-import-preview");
            TableView<?> results = find("#reg-import-results", TableView.class);
            console.waitUntil(10, () -> results.getItems().size() == 3);
            Label rejected = robot.from(results).lookup(".reg-outcome-rejected").queryAs(Label.class);
            assertEquals("Rejected", rejected.getText());
            assertTrue(robot.from(results).lookup(".table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                    .anyMatch(c -> "Line 4".equals(c.getText())), "the bad row is named by its line");
            assertTrue(find("#reg-import-apply", Button.class).isDisabled(), "all or nothing: this would write nothing");
            assertEquals(404, status(a), "the preview wrote nothing");

            robot.clickOn("#reg-import-atomic");
            assertFalse(find("#reg-import-atomic", CheckBox.class).isSelected());
            robot.clickOn("#reg-import-preview");
            console.waitUntil(10, () -> !find("#reg-import-apply", Button.class).isDisabled());
            robot.clickOn("#reg-import-apply");
            console.waitUntil(10, () -> console.text("#reg-import-message").startsWith("Imported: 2 created"));
            robot.clickOn("Close");
            assertEquals(a, colleague.registrations().organisation(b).join().parentOdsCode());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static int status(String ods) {
        try {
            colleague.registrations().organisation(ods).join();
            return 200;
        } catch (java.util.concurrent.CompletionException e) {
            return io.spineconsole.api.ApiException.unwrap(e).status();
        }
    }

    static List<String> texts(String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }
}
