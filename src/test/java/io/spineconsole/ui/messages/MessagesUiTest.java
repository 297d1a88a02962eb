package io.spineconsole.ui.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.registrations.CertificateState;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.TransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.ScreenAudit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The support analyst's flows on the real console against a real sandbox (headless), signed in as an
 * operator: find a failed message by its id and read its timeline; filter, page and open a result;
 * redeliver; pause and resume the live tail; open a colleague's link.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagesUiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static ConsoleFixture console;
    private static FxRobot robot;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        String token = sandbox.backbone().tokens().create("analyst-" + UUID.randomUUID(), Role.OPERATOR);
        api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, HttpBackboneApi.HttpClientOptions.defaults());
        sandbox.backbone().traffic().start(200);
        console = ConsoleFixture.against(sandbox.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        console.waitFor("#messages-find", TextField.class);
        robot.clickOn("#messages-search-clear");
        console.waitUntil(20, () -> !results().getItems().isEmpty());
    }

    @AfterAll
    static void close() throws Exception {
        if (console != null) {
            console.close();
        }
        if (api != null) {
            api.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<MessageSummary> results() {
        return robot.lookup("#messages-results").queryAs(TableView.class);
    }

    private static MessageSummary aFailed(MessageStatus... statuses) {
        return api.messages().search(MessageSearch.all().withStatuses(List.of(statuses)).withLimit(5)).join().items().get(0);
    }

    private static void paste(String text) {
        TextField find = robot.lookup("#messages-find").queryAs(TextField.class);
        robot.interact(() -> {
            find.requestFocus();
            find.setText(text);
        });
    }

    private static List<String> labels(String query) {
        return robot.lookup(query).queryAll().stream().filter(Node::isVisible)
                .map(n -> n instanceof Label l ? l.getText() : n instanceof javafx.scene.text.Text t ? t.getText() : null)
                .filter(java.util.Objects::nonNull).toList();
    }

    @Test
    @Order(1)
    void aPastedIdOfAFailedMessageOpensItsTimeline() throws Exception {
        MessageSummary failed = aFailed(MessageStatus.TRANSMISSION_FAILED, MessageStatus.NACKED, MessageStatus.DEAD_LETTERED);
        MessageDetail expected = api.messages().message(failed.messageId()).join();
        paste(failed.messageId().toString());
        console.waitUntil(20, () -> console.text("#messages-detail-title").contains(failed.displayId()));
        assertTrue(robot.lookup("#messages-detail").query().isVisible());
        console.waitUntil(10, () -> labels(".hop-title").size() == expected.events().size());
        assertEquals("", robot.lookup("#messages-find").queryAs(TextField.class).getText(),
                "the find box is emptied for the next id");
        String code = expected.events().get(expected.events().size() - 1).code();
        assertTrue(labels(".hop-why-failed").stream().anyMatch(t -> t.contains("(" + code + ")")),
                "the failure's code is on the timeline, beside its words: " + labels(".hop-why-failed"));
        assertEquals(new MessageText(new io.spineconsole.ui.common.I18n(Locale.getDefault()), java.time.Clock.systemUTC())
                .status(expected.status()), console.text("#messages-detail-status"));
        assertFalse(console.text("#messages-detail-retry").isBlank(), "where it is against its reliability settings");
    }

    @Test
    @Order(2)
    void filterPageAndOpenAResult() throws Exception {
        robot.clickOn("#messages-tab-search");
        MessageSummary sample = api.messages().search(MessageSearch.all().withLimit(1)).join().items().get(0);
        String ods = sample.to().odsCode();
        robot.clickOn("#messages-filter-ods").write(ods).type(KeyCode.ENTER);
        console.waitUntil(20, () -> !results().getItems().isEmpty() && results().getItems().stream()
                .allMatch(m -> ods.equals(m.from().odsCode()) || ods.equals(m.to().odsCode())));
        assertTrue(console.text("#messages-search-count").contains("messages"), console.text("#messages-search-count"));

        robot.clickOn("#messages-search-clear");
        console.waitUntil(20, () -> results().getItems().size() == SearchViewModel.PAGE_SIZE
                && robot.lookup("#messages-filter-ods").queryAs(TextField.class).getText().isEmpty());
        robot.interact(() -> results().scrollTo(results().getItems().size() - 1));
        console.waitUntil(20, () -> results().getItems().size() > SearchViewModel.PAGE_SIZE);
        assertEquals(results().getItems().size(), results().getItems().stream().map(MessageSummary::messageId).distinct().count(),
                "the next page continues the first, without repeats");

        MessageSummary chosen = results().getItems().get(3);
        robot.interact(() -> {
            results().getSelectionModel().clearAndSelect(3);
            results().requestFocus();
        });
        robot.type(KeyCode.ENTER);
        console.waitUntil(20, () -> console.text("#messages-detail-title").contains(chosen.displayId()));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        console.waitUntil(5, () -> robot.lookup("#messages-results").query().isVisible());
    }

    @Test
    @Order(3)
    void anOperatorRedeliversAFailedMessageWithAReason() throws Exception {
        MessageSummary failed = aFailed(MessageStatus.DEAD_LETTERED, MessageStatus.NACKED);
        paste(failed.messageId().toString());
        console.waitUntil(20, () -> console.text("#messages-detail-title").contains(failed.displayId())
                && !robot.lookup("#messages-detail-redeliver").queryAs(Button.class).isDisabled());
        robot.clickOn("#messages-detail-redeliver");
        console.waitFor("#confirm-reason", javafx.scene.control.TextArea.class);
        assertTrue(robot.lookup("#confirm-ok").queryAs(Button.class).isDisabled(), "a reason is required");
        robot.clickOn("#confirm-reason").write("Receiver certificate renewed (INC0093311)");
        robot.clickOn("#confirm-ok");
        console.waitUntil(20, () -> console.text("#messages-detail-result").startsWith("Redelivered as"));
        MessageDetail original = api.messages().message(failed.messageId()).join();
        assertEquals(1, original.redeliveries().size(), "sent once");
        assertTrue(console.text("#messages-detail-result").contains(
                original.redeliveries().get(0).toString().toUpperCase(Locale.ROOT)));
        // Looked up on the FX thread: the detail redraws as the receiver's endpoint arrives.
        console.waitUntil(10, () -> org.testfx.util.WaitForAsyncUtils.asyncFx(
                () -> !robot.lookup(".redelivered-as").queryAll().isEmpty()).get());
    }

    @Test
    @Order(4)
    void theLiveTailPausesAndResumes() throws Exception {
        robot.clickOn("#messages-tab-live");
        @SuppressWarnings("unchecked")
        TableView<LiveTailViewModel.LiveRow> table = robot.lookup("#messages-live-table").queryAs(TableView.class);
        console.waitUntil(20, () -> table.getItems().size() > 20);
        assertEquals("Live", console.text("#messages-live-state"));
        robot.clickOn("#messages-live-pause");
        WaitForAsyncUtils.waitForFxEvents();
        int shown = table.getItems().size();
        UUID top = table.getItems().get(0).id();
        console.waitUntil(10, () -> console.text("#messages-live-state").matches("Paused: [1-9][0-9,]* waiting"));
        assertEquals(top, table.getItems().get(0).id(), "the table stands still while paused");
        assertEquals(shown, table.getItems().size());
        robot.clickOn("#messages-live-pause");
        console.waitUntil(10, () -> !table.getItems().get(0).id().equals(top));
        assertEquals("Live", console.text("#messages-live-state"));
        assertTrue(console.text("#messages-live-dropped").startsWith("Dropped: "));
    }

    @Test
    @Order(5)
    void aColleaguesSearchLinkOpensTheSameSearch() throws Exception {
        robot.clickOn("#messages-tab-search");
        paste("spine-console://messages/search?ods=RR8&status=nacked,dead-lettered&range=P7D");
        console.waitUntil(10, () -> "RR8".equals(robot.lookup("#messages-filter-ods").queryAs(TextField.class).getText()));
        assertEquals("2 statuses",
                robot.lookup("#messages-filter-status").queryAs(javafx.scene.control.MenuButton.class).getText());
        assertEquals("Last 7 days", robot.lookup("#messages-filter-range").queryAs(javafx.scene.control.ComboBox.class)
                .getButtonCell().getText());
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void anOperatorDiscardsADeadLetterWithAReasonAndSeesTheGroups() throws Exception {
        robot.clickOn("#messages-tab-dead-letters");
        TableView<io.spineconsole.domain.messages.DeadLetter> table =
                robot.lookup("#messages-dead-letters-table").queryAs(TableView.class);
        console.waitUntil(20, () -> !table.getItems().isEmpty());
        robot.interact(() -> table.getSelectionModel().select(0));
        UUID chosen = table.getSelectionModel().getSelectedItem().message().messageId();
        assertEquals("Discard selected (1)…", robot.lookup("#messages-dead-letters-discard").queryAs(Button.class).getText());
        robot.clickOn("#messages-dead-letters-discard");
        console.waitFor("#confirm-reason", javafx.scene.control.TextArea.class);
        assertTrue(robot.lookup("#confirm-dialog .label").queryAllAs(Label.class).stream().anyMatch(l -> l.getText() != null
                && l.getText().startsWith("Discard 1 dead letter on ")), "how many, and where");
        assertTrue(robot.lookup("#confirm-ok").queryAs(Button.class).isDisabled(), "a reason is required");
        robot.clickOn("#confirm-reason").write("Test traffic from a retired system (INC0093342)");
        robot.clickOn("#confirm-ok");
        console.waitUntil(20, () -> table.getItems().stream().noneMatch(d -> d.message().messageId().equals(chosen)));
        MessageDetail detail = api.messages().message(chosen).join();
        assertEquals("DISCARDED", detail.events().get(detail.events().size() - 1).code(), "discarded on the server");

        robot.clickOn("#messages-dead-letters-group");
        TableView<io.spineconsole.domain.messages.DeadLetterGroup> groups =
                robot.lookup("#messages-dead-letters-groups").queryAs(TableView.class);
        console.waitUntil(20, () -> !groups.getItems().isEmpty());
        assertTrue(groups.isVisible() && !table.isVisible(), "the groups replace the list");
        assertTrue(robot.lookup("#messages-dead-letters-discard-group").queryAs(Button.class).isVisible());
        robot.clickOn("#messages-dead-letters-group");
    }
    @Test
    @Order(7)
    void twoWarningsAboutTheReceiverReadInFullAtTheSmallestSize() throws Exception {
        // A failed message to a live receiver whose certificate has ended; then the receiver is suspended too.
        MessageDetail chosen = null;
        MhsEndpoint endpoint = null;
        for (MhsEndpoint expired : api.registrations().endpoints(RegistrationFilter.none()
                .withStatuses(List.of(RegistrationStatus.ACTIVE)), null, 500).join().items()) {
            if (expired.certificate() == null || expired.certificate().state() != CertificateState.EXPIRED) {
                continue;
            }
            for (MessageSummary s : api.messages().search(MessageSearch.all().withParties(null, null, expired.partyKey())
                    .withStatuses(List.of(MessageStatus.DEAD_LETTERED, MessageStatus.NACKED,
                            MessageStatus.TRANSMISSION_FAILED)).withLimit(5)).join().items()) {
                MessageDetail d = api.messages().message(s.messageId()).join();
                if (d.to() != null && expired.partyKey().equals(d.to().partyKey()) && (d.endpointId() == null
                        || api.registrations().endpoint(d.endpointId()).exceptionally(notFound -> expired).join()
                        .id().equals(expired.id()))) {
                    chosen = d;
                    endpoint = expired;
                    break;
                }
            }
            if (chosen != null) {
                break;
            }
        }
        assertTrue(chosen != null, "a failed message to a live receiver whose certificate has ended");
        try (HttpBackboneApi admin = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken,
                HttpBackboneApi.HttpClientOptions.defaults())) {
            admin.registrations().transitionEndpoint(endpoint.id(), endpoint.version(),
                    new TransitionRequest(RegistrationAction.SUSPEND, "Key compromised INC0093400")).join();
        }
        Stage stage = console.stage();
        robot.interact(() -> {
            stage.setWidth(1280 + stage.getWidth() - stage.getScene().getWidth());
            stage.setHeight(800 + stage.getHeight() - stage.getScene().getHeight());
        });
        MessageDetail target = chosen;
        paste(target.messageId().toString());
        console.waitUntil(20, () -> console.text("#messages-detail-title").contains(target.messageId().toString()
                .toUpperCase(Locale.ROOT)) && console.text("#messages-detail-redeliver-warnings").contains("Suspended")
                && console.text("#messages-detail-redeliver-warnings").contains("certificate ended"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> ScreenAudit.problems(ScreenAudit.of(stage.getScene())))
                .get().stream().filter(p -> p.contains("#messages-detail")).toList();
        assertEquals(List.of(), cut, "nothing in the message's detail is cut off");
    }
}
