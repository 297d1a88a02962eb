package io.spineconsole.ui.common;

import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeBackboneApi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfirmationTest {
    private static WorkspaceContext on(EnvironmentKind kind, String name) {
        return new WorkspaceContext(new FakeBackboneApi(Role.ADMIN), new Principal("someone", Role.ADMIN, 1), "p", name, kind);
    }

    @Test
    void aDestructiveActionOnLiveNeedsTheEnvironmentsNameTyped() {
        Confirmation c = Confirmation.of(on(EnvironmentKind.LIVE, "National LIVE"), "Retire", "Retire it?", "Retire",
                true, true);
        assertEquals("National LIVE", c.typeToConfirm());
        assertFalse(c.accepts("", "rotated"));
        assertFalse(c.accepts("national live", "rotated"), "exactly as named");
        assertFalse(c.accepts("National LIVE", "  "), "a required reason is required");
        assertTrue(c.accepts(" National LIVE ", "rotated"));
    }

    @Test
    void elsewhereOrForHarmlessActionsNothingNeedsTyping() {
        assertNull(Confirmation.of(on(EnvironmentKind.INT, "INT"), "t", "m", "a", true, false).typeToConfirm());
        assertNull(Confirmation.of(on(EnvironmentKind.LIVE, "LIVE"), "t", "m", "a", false, false).typeToConfirm());
        assertTrue(Confirmation.of(on(EnvironmentKind.SANDBOX, "Sandbox"), "t", "m", "a", true, false).accepts(null, null));
    }

    @Test
    void theContextReflectsTheRole() {
        WorkspaceContext viewer = new WorkspaceContext(new FakeBackboneApi(Role.ADMIN), new Principal("v", Role.VIEWER, 2), "p",
                "Sandbox", EnvironmentKind.SANDBOX);
        assertFalse(viewer.may(Role.OPERATOR));
        assertTrue(viewer.may(Role.VIEWER));
    }

    @Test
    void aReasonThatDidNotGoThroughIsOfferedAgainUntilItsActionSucceeds() {
        UnsentReasons unsent = new UnsentReasons();
        Confirmation plain = Confirmation.of(on(EnvironmentKind.SANDBOX, "Sandbox"), "Suspend", "Suspend it?", "Suspend",
                true, true);
        assertNull(unsent.prefill("suspend R1", plain).draftReason(), "nothing typed yet");

        unsent.sending("suspend R1", "Certificate compromised");
        assertEquals("Certificate compromised", unsent.prefill("suspend R1", plain).draftReason(), "the call failed");
        assertNull(unsent.prefill("suspend R2", plain).draftReason(), "only for the same action");

        unsent.sent("suspend R1");
        assertNull(unsent.prefill("suspend R1", plain).draftReason());
    }
}
