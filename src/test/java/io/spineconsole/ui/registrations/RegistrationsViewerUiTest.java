package io.spineconsole.ui.registrations;

import io.spineconsole.app.ConsoleFixture;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A viewer reads everything and is offered no enabled change: no new, no edit, no lifecycle action, no import. */
class RegistrationsViewerUiTest {
    static SandboxFixture sandbox;
    static ConsoleFixture console;
    static FxRobot robot;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        String token = sandbox.backbone().tokens().create("vera.viewer", Role.VIEWER);
        console = ConsoleFixture.against(sandbox.baseUrl(), token, EnvironmentKind.SANDBOX);
        robot = console.robot();
        robot.interact(() -> console.stage().requestFocus());
        robot.clickOn("#nav-registrations");
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
        sandbox.close();
    }

    @Test
    void aViewerSeesNoEnabledChangeAction() throws Exception {
        for (String list : List.of("organisations", "systems", "endpoints")) {
            robot.clickOn(console.waitFor("#reg-tab-" + list, Node.class));
            robot.clickOn(console.waitFor("#reg-" + list + "-clear-filters", Node.class));
            TableView<?> table = console.waitFor("#reg-" + list + "-table", TableView.class);
            console.waitUntil(10, () -> !table.getItems().isEmpty());
            // The first record's row: the table also holds rows it measures with or keeps below the fold.
            robot.clickOn(robot.from(table).lookup(".table-row-cell").match((javafx.scene.control.IndexedCell<?> c) ->
                    c.isVisible() && c.getIndex() == 0).queryAs(Node.class));
            Node detail = console.waitFor("#reg-" + list + "-detail", Node.class);
            console.waitUntil(10, () -> robot.lookup("#reg-" + list + "-detail-title").queryAs(Label.class).getText() != null
                    && !robot.lookup("#reg-" + list + "-detail-title").queryAs(Label.class).getText().isEmpty());

            assertTrue(console.waitFor("#reg-" + list + "-new", Button.class).isDisabled(), list + ": New");
            assertTrue(robot.lookup("#reg-" + list + "-import").queryAs(Button.class).isDisabled(), list + ": Import");
            assertTrue(robot.lookup("#reg-" + list + "-edit").queryAs(Button.class).isDisabled(), list + ": Edit");
            List<ButtonBase> actions = robot.from(detail).lookup(".button").queryAllAs(ButtonBase.class).stream()
                    .filter(b -> b.getId() != null && b.getId().startsWith("reg-" + list + "-action-")).toList();
            assertFalse(actions.isEmpty(), list + ": the lifecycle actions are shown");
            assertTrue(actions.stream().allMatch(Node::isDisabled), list + ": and none is enabled");
            assertTrue(robot.from(detail).lookup(".label").queryAllAs(Label.class).stream()
                    .anyMatch(l -> l.isVisible() && l.getText().startsWith("Read only: your role cannot change")),
                    list + ": the pane says why");
            assertFalse(robot.lookup("#reg-" + list + "-export").queryAs(Button.class).isDisabled(), "a viewer may export");
        }
        robot.clickOn(console.waitFor("#reg-tab-checks", Node.class));
        console.waitUntil(15, () -> robot.lookup("#reg-checks-summary").queryAs(Label.class).getText().startsWith("Checked "));
        assertEquals(0, robot.lookup("#reg-endpoints-form").queryAll().stream().filter(Node::isVisible).count());
    }
}
