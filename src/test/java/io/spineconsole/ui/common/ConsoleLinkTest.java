package io.spineconsole.ui.common;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleLinkTest {

    @Test
    void aLinkSurvivesBeingCopiedAndPasted() {
        ConsoleLink link = ConsoleLink.of("messages", "search")
                .with("status", "failed").with("ods", "RR8").with("text", "a b&c=d/é");
        String text = link.toString();
        assertEquals(Optional.of(link), ConsoleLink.parse(text));
        assertTrue(text.startsWith("spine-console://messages/search?status=failed&ods=RR8&text="), text);
        assertTrue(!text.contains(" "), "a link has no spaces, so it survives mail and chat: " + text);
    }

    @Test
    void pathsKeepTheirSegmentsAndBlankParametersAreLeftOut() {
        ConsoleLink link = ConsoleLink.of("registrations", "/endpoints/6f1c2e/").with("tab", " ");
        assertEquals("endpoints/6f1c2e", link.path());
        assertEquals(Map.of(), link.params());
        assertEquals("spine-console://registrations/endpoints/6f1c2e", link.toString());
    }

    @Test
    void pastedTextIsToleratedAroundTheLinkAndTheWorkspaceIsCaseInsensitive() {
        ConsoleLink link = ConsoleLink.parse("  SPINE-CONSOLE://Migration/components/EPS?x=1 \n").orElseThrow();
        assertEquals("migration", link.workspace());
        assertEquals("components/EPS", link.path());
        assertEquals(Optional.of("1"), link.param("x"));
        assertEquals(Optional.empty(), link.param("y"));
    }

    @Test
    void anythingThatIsNotAConsoleLinkIsEmpty() {
        for (String s : new String[] {null, "", "9f7f2d8e-2c4b-4d43-9a37-0d6b3b1c2d11", "https://example.nhs.uk",
                "spine-console://", "spine-console://no spaces/x", "spine-console://messages?q=%zz"}) {
            assertEquals(Optional.empty(), ConsoleLink.parse(s), String.valueOf(s));
        }
    }

    @Test
    void aWorkspaceNameIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ConsoleLink.of("Bad Name", ""));
    }
}
