package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ViewMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedSearchesTest {
    private final ViewMemory memory = ViewMemory.inMemory();
    private final List<ConsoleLink> opened = new ArrayList<>();
    private ConsoleLink current;
    private SavedSearches saved;

    private static ConsoleLink search(String ods) {
        return ConsoleLink.of("messages", "search").with("ods", ods);
    }

    /** The saved searches as the next run of the console finds them. */
    private SavedSearches nextRun(String profileId) {
        SavedSearches later = new SavedSearches(memory, () -> current, opened::add);
        later.load(profileId);
        return later;
    }

    private static List<String> names(SavedSearches s) {
        return s.list().stream().map(SavedSearches.SavedSearch::name).toList();
    }

    @BeforeEach
    void setUp() {
        saved = nextRun("profile-a");
    }

    @Test
    void aSearchIsKeptUnderItsNameNewestFirstAndOpensAgain() {
        current = search("RR8");
        assertTrue(saved.saveAs("Leeds"));
        current = search("RTH");
        assertTrue(saved.saveAs("  Oxford  "));
        assertEquals(List.of("Oxford", "Leeds"), names(saved), "newest first, the name trimmed");

        saved.open(saved.list().get(1));
        assertEquals(List.of(search("RR8")), opened, "the search as it was saved, not as it is now");
    }

    @Test
    void aNameUsedBeforeIsReplacedWhateverItsCase() {
        current = search("RR8");
        saved.saveAs("Leeds failures");
        current = search("RTH");
        saved.saveAs("LEEDS failures");
        assertEquals(List.of("LEEDS failures"), names(saved));
        assertEquals(search("RTH"), saved.list().get(0).link());
    }

    @Test
    void aBlankNameSavesNothing() {
        current = search("RR8");
        assertFalse(saved.saveAs("   "));
        assertFalse(saved.saveAs(null));
        assertTrue(saved.list().isEmpty());
        assertTrue(nextRun("profile-a").list().isEmpty(), "and nothing was remembered");
    }

    @Test
    void namesWithAnyCharactersSurviveARestart() {
        current = search("RR8");
        saved.saveAs("Leeds & York: 100% \"failed\" = ?");
        saved.saveAs("two\tlines\nin one");
        assertEquals(List.of("two lines in one", "Leeds & York: 100% \"failed\" = ?"), names(nextRun("profile-a")));
        assertEquals(search("RR8"), nextRun("profile-a").list().get(0).link());
    }

    @Test
    void eachEnvironmentHasItsOwnAndADeleteIsRemembered() {
        current = search("RR8");
        saved.saveAs("Leeds");
        saved.saveAs("Oxford");
        assertTrue(nextRun("profile-live").list().isEmpty(), "another environment has its own");

        saved.delete(saved.list().get(0));
        assertEquals(List.of("Leeds"), names(nextRun("profile-a")));
        saved.delete(saved.list().get(0));
        assertTrue(nextRun("profile-a").list().isEmpty());
    }

    @Test
    void switchingEnvironmentShowsThatEnvironmentsSearches() {
        current = search("RR8");
        saved.saveAs("Leeds");
        saved.load("profile-live");
        assertTrue(saved.list().isEmpty());
        saved.saveAs("Live only");
        saved.load("profile-a");
        assertEquals(List.of("Leeds"), names(saved));
    }

    @Test
    void aDamagedLineIsSkippedAndTheRestKept() {
        memory.remember("messages.savedSearches.profile-a",
                "Leeds\tspine-console://messages/search?ods=RR8\nno tab here\n\tspine-console://messages/search\n"
                        + "Web\thttps://example.org/\nOxford\tspine-console://messages/search?ods=RTH");
        assertEquals(List.of("Leeds", "Oxford"), names(nextRun("profile-a")));
    }
}
