package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.ConsoleLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuickFindTest {
    private final TestServices t = new TestServices();
    private final SearchForm form = new SearchForm(t.i18n, t.text);
    private final List<UUID> opened = new ArrayList<>();
    private final List<ConsoleLink> links = new ArrayList<>();
    private int searches;
    private QuickFind find;

    @BeforeEach
    void setUp() {
        find = new QuickFind(t.i18n, form, () -> searches++);
        find.setNavigation(opened::add, links::add);
    }

    private QuickFind.Outcome submit(String text) {
        find.textProperty().set(text);
        return find.submit();
    }

    @Test
    void aPastedMessageIdOpensThatMessageAtOnceWithoutSearching() {
        UUID id = UUID.randomUUID();
        find.textProperty().set("  " + id.toString().toUpperCase() + "\n");
        find.changed();
        assertEquals(List.of(id), opened);
        assertEquals(0, searches);
        assertEquals("", find.textProperty().get(), "the box is ready for the next one");
    }

    @Test
    void halfAnIdWaitsForTheRest() {
        String id = UUID.randomUUID().toString();
        find.textProperty().set(id.substring(0, 20));
        find.changed();
        assertTrue(opened.isEmpty());
        assertEquals(id.substring(0, 20), find.textProperty().get(), "nothing typed is lost");
        assertEquals("", find.problemProperty().get(), "no complaint while typing");
    }

    @Test
    void aPastedLinkOpensWhatItNamesWhereverThatIs() {
        find.textProperty().set("spine-console://registrations/systems/200000000985");
        find.changed();
        assertEquals(List.of(ConsoleLink.of("registrations", "systems/200000000985")), links);
        assertEquals(QuickFind.Outcome.OPENED_LINK, submit("spine-console://messages/failures"));
        assertEquals("failures", links.get(1).path());
        assertTrue(opened.isEmpty());
    }

    @Test
    void eachIdentifierGoesIntoItsFilterAndSearches() {
        assertEquals(QuickFind.Outcome.FILTERED, submit("200000000985"));
        assertEquals("200000000985", form.asid().value());
        assertEquals(QuickFind.Outcome.FILTERED, submit("yes-0000806"));
        assertEquals("YES-0000806", form.partyKey().value());
        assertEquals(QuickFind.Outcome.FILTERED, submit("urn:nhs:names:services:psis:REPC_IN150016UK05"));
        assertEquals("urn:nhs:names:services:psis:REPC_IN150016UK05", form.interaction().value());
        assertEquals(QuickFind.Outcome.FILTERED, submit(" rr8 "));
        assertEquals("RR8", form.ods().value());
        assertEquals(4, searches, "each one searched");
        assertEquals("", find.textProperty().get());
    }

    @Test
    void anEmptyBoxSearchesAsTheFiltersStand() {
        assertEquals(QuickFind.Outcome.SEARCHED, submit("   "));
        assertEquals(1, searches);
    }

    @Test
    void textThatIsNothingKnownIsRefusedKeptAndTheComplaintGoesWhenItIsEdited() {
        assertEquals(QuickFind.Outcome.NOT_UNDERSTOOD, submit("not a thing!"));
        assertEquals(t.i18n.get("messages.find.notUnderstood"), find.problemProperty().get());
        assertEquals("not a thing!", find.textProperty().get(), "kept to be corrected");
        assertEquals(0, searches);
        assertEquals("", form.ods().value(), "no filter touched");
        find.textProperty().set("not a thing");
        assertEquals("", find.problemProperty().get());
    }
}
