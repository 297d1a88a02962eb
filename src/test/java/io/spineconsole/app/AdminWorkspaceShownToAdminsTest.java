package io.spineconsole.app;

import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed in as an operator, the console offers no administration: no button, no shortcut. */
class AdminWorkspaceShownToAdminsTest {
    private static SandboxFixture sandbox;
    private static ConsoleFixture console;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.startTiny();
        String operator = sandbox.backbone().tokens().create("night.operator", Role.OPERATOR);
        console = ConsoleFixture.against(sandbox.baseUrl(), operator, EnvironmentKind.INT);
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
        sandbox.close();
    }

    @Test
    void anOperatorIsNotOfferedTheAdministrationWorkspace() throws Exception {
        assertEquals("Signed in as operator", console.text("#signed-in-role"));
        Node button = console.robot().lookup("#nav-admin").query();
        assertFalse(button.isVisible() || button.isManaged(), "no navigation button");
        assertTrue(console.robot().lookup("#nav-migration").query().isVisible());
        String before = console.text("#workspace-title");
        console.robot().press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        console.waitUntil(5, () -> true);
        assertEquals(before, console.text("#workspace-title"), "Ctrl+4 goes nowhere");
    }
}
