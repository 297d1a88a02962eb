package io.spineconsole.ui.messages;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.MessageDetail;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.Screenshots;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On the real console against a sandbox running a training scenario: a message the scenario failed
 * shows "Injected by scenario …" beside its status (from the message's {@code injected} field, its
 * error reading as a real one), a real message shows no badge, and the scenario's failure group
 * carries the badge in the table and above its explanation; a migration component it blocks carries
 * the badge on its card.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InjectedBadgeUiTest {
    private static final String DRILL = "Badge drill";
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static ConsoleFixture console;
    private static FxRobot robot;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.startTiny();
        String token = sandbox.backbone().tokens().create("analyst-" + UUID.randomUUID(), Role.OPERATOR);
        api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, HttpBackboneApi.HttpClientOptions.defaults());
        sandbox.backbone().drive().scenarios().start(new Actor(new Principal("trainer", Role.ADMIN, 0), null),
                new ScenarioStart(null, "scenario: " + DRILL + "\nat 0s for 1h: endpoint-failing interaction=REPC failure=nack\n"));
        sandbox.backbone().traffic().start(200);
        sandbox.backbone().drive().scenarios().start(new Actor(new Principal("trainer", Role.ADMIN, 0), null),
                new ScenarioStart(null, "scenario: Blocked drill\nat 0m for 1h: migration-blocked component=PDS\n"));
        console = ConsoleFixture.against(sandbox.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        console.waitFor("#messages-find", TextField.class);
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

    private static Optional<MessageDetail> first(MessageStatus status, boolean injected) {
        for (MessageSummary s : api.messages().search(MessageSearch.all().withStatuses(List.of(status)).withLimit(20))
                .join().items()) {
            MessageDetail d = api.messages().message(s.messageId()).join();
            if ((d.injected() != null) == injected) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static void open(MessageDetail d) throws Exception {
        TextField find = robot.lookup("#messages-find").queryAs(TextField.class);
        robot.interact(() -> {
            find.requestFocus();
            find.setText(d.messageId().toString());
        });
        String id = d.messageId().toString().toUpperCase(java.util.Locale.ROOT);
        console.waitUntil(20, () -> console.text("#messages-detail-title").contains(id)
                && WaitForAsyncUtils.asyncFx(() -> robot.lookup("#messages-detail-status").query().isVisible()).get());
    }

    private static boolean badgeShowing() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#messages-detail-injected").query().isVisible()).get();
    }

    @Test
    @Order(1)
    void anInjectedMessageShowsItsScenarioAsABadgeAndARealOneNone() throws Exception {
        MessageDetail[] injected = new MessageDetail[1];
        console.waitUntil(30, () -> (injected[0] = first(MessageStatus.NACKED, true).orElse(null)) != null);
        assertEquals(DRILL, injected[0].injected());
        assertFalse(injected[0].lastErrorDescription().contains(DRILL), "the error reads as a real one");
        open(injected[0]);
        console.waitUntil(10, InjectedBadgeUiTest::badgeShowing);
        assertEquals("Injected by scenario \u201c" + DRILL + "\u201d", console.text("#messages-detail-injected"));
        picture("message-detail-injected");

        MessageDetail real = first(MessageStatus.ACKNOWLEDGED, false).orElseThrow();
        open(real);
        assertFalse(badgeShowing(), "a real message has no badge");
    }

    @Test
    @Order(2)
    void theScenariosFailureGroupCarriesTheBadgeInTheTableAndItsExplanation() throws Exception {
        console.waitUntil(30, () -> api.messages().failureGroups(new FailureGroupQuery(null, null, null, null, null,
                null, 100, null)).join().items().stream().anyMatch(g -> DRILL.equals(g.injected())));
        robot.clickOn("#messages-tab-failures");
        @SuppressWarnings("unchecked")
        TableView<FailureGroup> table = robot.lookup("#messages-failures-table").queryAs(TableView.class);
        robot.clickOn("#messages-failures-refresh");  // Refresh: the groups as they are now
        console.waitUntil(20, () -> table.getItems().stream().anyMatch(g -> DRILL.equals(g.injected())));
        int row = WaitForAsyncUtils.asyncFx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (DRILL.equals(table.getItems().get(i).injected())) {
                    table.scrollTo(i);
                    table.getSelectionModel().clearAndSelect(i);
                    return i;
                }
            }
            return -1;
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        FailureGroup group = table.getItems().get(row);
        List<String> badges = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".table-row-cell .injected-badge").queryAll()
                .stream().filter(Node::isVisible).map(n -> ((Label) n).getText()).toList()).get();
        assertTrue(badges.contains("Injected"), "the group's row has the badge: " + badges);
        String explained = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#messages-failures-explanation .failure-injected")
                .queryAs(Label.class).getText()).get();
        String expected = group.allInjected() ? "Injected by scenario \u201c" + DRILL + "\u201d"
                : group.injectedCount() + " of " + group.count() + " injected by scenario \u201c" + DRILL + "\u201d";
        assertEquals(expected, explained);
        picture("failure-groups-injected");
    }

    @Test
    @Order(3)
    void aComponentTheScenarioBlockedCarriesTheBadgeOnItsCard() throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        String expected = "Injected by scenario \u201cBlocked drill\u201d";
        try {
            console.waitUntil(30, () -> WaitForAsyncUtils.asyncFx(() -> robot.lookup("#migration-card-PDS .injected-badge")
                    .tryQuery().filter(Node::isVisible).map(n -> ((Label) n).getText()).orElse("")).get().equals(expected));
        } catch (java.util.concurrent.TimeoutException e) {
            picture("migration-card-injected-failed");
            throw e;
        }
        picture("migration-card-injected");
    }

    private static void picture(String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.write(console.stage().getScene(), name);
            return null;
        }).get();
    }
}
