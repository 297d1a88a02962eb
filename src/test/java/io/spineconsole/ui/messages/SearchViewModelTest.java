package io.spineconsole.ui.messages;

import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SearchViewModelTest {
    private TestServices t;
    private FakeMessagesApi api;
    private SearchViewModel search;
    private ManualDebouncer debouncer;
    private final List<UUID> opened = new ArrayList<>();
    private final List<ConsoleLink> links = new ArrayList<>();

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        debouncer = new ManualDebouncer();
        search = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, debouncer);
        search.setNavigation(opened::add, links::add);
        search.connect(api, "profile-a");
    }

    private MessageSearch lastSent() {
        return api.searches.get(api.searches.size() - 1);
    }

    @Test
    void connectingRunsTheLast24HoursFixedAtNowSoEveryPageComesFromTheSameWindow() {
        MessageSearch s = lastSent();
        assertEquals(FakeMessagesApi.NOW, s.to());
        assertEquals(FakeMessagesApi.NOW.minus(Duration.ofDays(1)), s.from());
        assertEquals(SearchViewModel.PAGE_SIZE, s.limit());
        assertEquals(1, search.results().items().size());
    }

    @Test
    void aMalformedFilterStopsTheSearchWithASentenceAndKeepsWhatWasTyped() {
        int before = api.searches.size();
        search.form().asid().valueProperty().set("12345");
        assertFalse(search.search());
        assertEquals(before, api.searches.size(), "nothing is sent");
        assertFalse(search.form().asid().errorProperty().get().isEmpty(), "the field says what is wrong");
        assertEquals(t.i18n.get("messages.search.error.fix"), search.formErrorProperty().get());
        assertEquals("12345", search.form().asid().value(), "what was typed is kept");
    }

    @Test
    void filtersAreNormalisedAndSentTogether() {
        search.form().ods().valueProperty().set(" rr8 ");
        search.form().partyKey().valueProperty().set("a81001-821870");
        search.form().interaction().valueProperty().set("urn:nhs:names:services:psis:REPC_IN150016UK05");
        search.form().statuses().setAll(MessageStatus.NACKED, MessageStatus.DEAD_LETTERED);
        search.form().rangeProperty().set(TimeRange.LAST_HOUR);
        assertTrue(search.search());
        MessageSearch s = lastSent();
        assertEquals("RR8", s.ods());
        assertEquals("A81001-821870", s.partyKey());
        assertEquals("urn:nhs:names:services:psis:REPC_IN150016UK05", s.interaction());
        assertEquals(List.of(MessageStatus.NACKED, MessageStatus.DEAD_LETTERED), s.statuses());
        assertEquals(FakeMessagesApi.NOW.minus(Duration.ofHours(1)), s.from());
    }

    @Test
    void aConversationIsLookedForAcrossTheWholeStore() {
        UUID conversation = UUID.randomUUID();
        search.form().conversationId().valueProperty().set(conversation.toString().toUpperCase());
        assertTrue(search.search());
        assertEquals(conversation, lastSent().conversationId());
        assertNull(lastSent().from(), "no window: the server searches its whole retention");
        assertNull(lastSent().to());
    }

    @Test
    void aCustomWindowIsCheckedBeforeAnythingIsSent() {
        search.form().rangeProperty().set(TimeRange.CUSTOM);
        search.form().from().valueProperty().set("2025-11-25 14:00");
        search.form().to().valueProperty().set("2025-11-25 13:00");
        assertFalse(search.search());
        assertEquals(t.i18n.get("messages.search.error.order"), search.formErrorProperty().get());
        search.form().from().valueProperty().set("2025-10-01 00:00");
        assertFalse(search.search());
        assertEquals(t.i18n.get("messages.search.error.wide"), search.formErrorProperty().get());
        search.form().from().valueProperty().set("2025-11-25 10:00");
        search.form().to().valueProperty().set("");
        assertTrue(search.search(), search.formErrorProperty().get());
        assertEquals(Instant.parse("2025-11-25T10:00:00Z"), lastSent().from());
        assertEquals(FakeMessagesApi.NOW, lastSent().to(), "an empty To means now");
        search.form().from().valueProperty().set("yesterday");
        assertFalse(search.form().from().isValid());
    }

    @Test
    void aPastedMessageIdGoesStraightToItsMessageWithoutSearching() {
        UUID id = UUID.randomUUID();
        int before = api.searches.size();
        search.quickFind().textProperty().set("  " + id.toString().toUpperCase() + " ");
        search.quickFind().changed();
        assertEquals(List.of(id), opened);
        assertEquals(before, api.searches.size());
        assertEquals("", search.quickFind().textProperty().get(), "the box is ready for the next one");
    }

    @Test
    void aPastedConsoleLinkOpensWhatItNames() {
        search.quickFind().textProperty().set("spine-console://registrations/systems/200000000985");
        search.quickFind().changed();
        assertEquals("registrations", links.get(0).workspace());
        assertEquals("systems/200000000985", links.get(0).path());
    }

    @Test
    void theFindBoxPutsEachIdentifierInItsFilter() {
        search.quickFind().textProperty().set("200000000985");
        assertEquals(QuickFind.Outcome.FILTERED, search.quickFind().submit());
        assertEquals("200000000985", lastSent().asid());
        search.quickFind().textProperty().set("yes-0000806");
        search.quickFind().submit();
        assertEquals("YES-0000806", lastSent().partyKey());
        search.quickFind().textProperty().set("urn:nhs:names:services:psis:REPC_IN150016UK05");
        search.quickFind().submit();
        assertEquals("urn:nhs:names:services:psis:REPC_IN150016UK05", lastSent().interaction());
        search.quickFind().textProperty().set("rr8");
        search.quickFind().submit();
        assertEquals("RR8", lastSent().ods());
        int before = api.searches.size();
        search.quickFind().textProperty().set("not a thing!");
        assertEquals(QuickFind.Outcome.NOT_UNDERSTOOD, search.quickFind().submit());
        assertEquals(t.i18n.get("messages.find.notUnderstood"), search.quickFind().problemProperty().get());
        assertEquals(before, api.searches.size());
        assertEquals("not a thing!", search.quickFind().textProperty().get(), "kept to be corrected");
    }

    @Test
    void aLinkReopensTheSameSearchInAnotherConsole() {
        search.form().ods().valueProperty().set("RR8");
        search.form().statuses().setAll(MessageStatus.RETRYING, MessageStatus.DEAD_LETTERED);
        search.form().rangeProperty().set(TimeRange.LAST_7_DAYS);
        search.form().oldestFirstProperty().set(true);
        search.form().siteProperty().set("DC-NORTH");
        ConsoleLink link = search.toLink();
        String pasted = link.toString();
        assertTrue(pasted.startsWith("spine-console://messages/search?"), pasted);
        assertFalse(pasted.contains("127.0.0.1") || pasted.contains("http"), "no server address in a link");

        TestServices other = new TestServices();
        FakeMessagesApi otherApi = new FakeMessagesApi();
        SearchViewModel colleague = new SearchViewModel(other.ui, other.i18n, other.text, other.memory, new ManualDebouncer());
        colleague.connect(otherApi, "profile-b");
        colleague.apply(ConsoleLink.parse(pasted).orElseThrow());
        MessageSearch theirs = otherApi.searches.get(otherApi.searches.size() - 1);
        MessageSearch mine = search.form().build(FakeMessagesApi.NOW);
        assertEquals(mine.withCursor(null), theirs.withCursor(null));
        assertTrue(theirs.oldestFirst());
        assertEquals("DC-NORTH", theirs.site());
    }

    @Test
    void aCustomWindowTravelsAsInstants() {
        search.form().rangeProperty().set(TimeRange.CUSTOM);
        search.form().from().valueProperty().set("2025-11-25 09:30");
        search.form().to().valueProperty().set("2025-11-25 11:00");
        ConsoleLink link = search.toLink();
        assertEquals("2025-11-25T09:30:00Z", link.param("from").orElseThrow());
        assertEquals("2025-11-25T11:00:00Z", link.param("to").orElseThrow());
    }

    @Test
    void savedSearchesArePerEnvironmentAndSurviveARestart() {
        search.form().ods().valueProperty().set("RR8");
        assertTrue(search.saved().saveAs("Leeds failures"));
        search.form().ods().valueProperty().set("RTH");
        assertTrue(search.saved().saveAs("Oxford"));
        assertTrue(search.saved().saveAs("leeds FAILURES"), "a name used before is replaced");
        assertEquals(2, search.saved().list().size());
        assertFalse(search.saved().saveAs("   "));

        SearchViewModel later = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, new ManualDebouncer());
        later.connect(api, "profile-a");
        assertEquals(List.of("leeds FAILURES", "Oxford"), later.saved().list().stream().map(SavedSearches.SavedSearch::name).toList());
        later.saved().open(later.saved().list().get(1));
        assertEquals("RTH", lastSent().ods());

        SearchViewModel elsewhere = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, new ManualDebouncer());
        elsewhere.connect(api, "profile-live");
        assertTrue(elsewhere.saved().list().isEmpty(), "another environment has its own");
        later.saved().delete(later.saved().list().get(0));
        SearchViewModel again = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, new ManualDebouncer());
        again.connect(api, "profile-a");
        assertEquals(List.of("Oxford"), again.saved().list().stream().map(SavedSearches.SavedSearch::name).toList());
    }

    @Test
    void theLastFiltersComeBackOnTheNextRun() {
        search.form().partyKey().valueProperty().set("YES-0000806");
        search.search();
        SearchViewModel nextRun = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, new ManualDebouncer());
        nextRun.connect(api, "profile-a");
        assertEquals("YES-0000806", nextRun.form().partyKey().value());
        assertEquals("YES-0000806", lastSent().partyKey(), "and it runs");
    }

    @Test
    void aFailedSearchSaysWhyAndKeepsTheFilters() {
        api.onSearch = s -> CompletableFuture.failedFuture(new ApiException(ApiException.Kind.VALIDATION, 400,
                "WINDOW_TOO_WIDE", "A search covers at most 31 days.", "400 WINDOW_TOO_WIDE", List.of(), null));
        search.form().ods().valueProperty().set("RR8");
        search.search();
        assertEquals(LoadState.FAILED, search.results().stateProperty().get());
        assertTrue(search.results().errorProperty().get().contains("31 days"));
        assertEquals("RR8", search.form().ods().value());
    }

    @Test
    void typingTwiceQuicklySearchesOnceWhenTheUserPauses() {
        debouncer.flush();
        int before = api.searches.size();
        search.form().ods().valueProperty().set("R");
        search.form().ods().valueProperty().set("RR8");
        search.form().statuses().setAll(MessageStatus.NACKED);
        assertEquals(before, api.searches.size(), "nothing is sent while the user types");
        assertTrue(debouncer.pending());
        debouncer.flush();
        assertEquals(before + 1, api.searches.size(), "one search for the filters as they stand");
        assertEquals("RR8", lastSent().ods());
        assertEquals(List.of(MessageStatus.NACKED), lastSent().statuses());
        debouncer.flush();
        assertEquals(before + 1, api.searches.size());
    }

    @Test
    void aFilterTypedAndThenEnteredIsNotSearchedAgainAfterThePause() {
        debouncer.flush();
        int before = api.searches.size();
        search.form().asid().valueProperty().set("200000000985");
        search.search();
        debouncer.flush();
        assertEquals(before + 1, api.searches.size());
    }

    @Test
    void closingTheSessionDropsTheSearchWaitingForThePause() {
        search.form().ods().valueProperty().set("RTH");
        search.dispose();
        assertFalse(debouncer.pending());
    }

    @Test
    void typingTheSameFiltersAgainDoesNotSearchTwice() {
        search.form().ods().valueProperty().set("RR8");
        search.search();
        int before = api.searches.size();
        search.searchIfChanged();
        assertEquals(before, api.searches.size());
        search.form().ods().valueProperty().set("RTH");
        search.searchIfChanged();
        assertEquals(before + 1, api.searches.size());
    }

    @Test
    void pagesFollowTheCursorOfTheSameSearch() {
        List<MessageSummary> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(FakeMessagesApi.summary(MessageStatus.NACKED));
        }
        api.onSearch = s -> CompletableFuture.completedFuture(s.cursor() == null
                ? new Page<>(all.subList(0, 3), "c1", 5000, false) : new Page<>(all.subList(3, 5), null, 5000, false));
        search.search();
        assertEquals(3, search.results().items().size());
        assertEquals(5000, search.results().approximateTotalProperty().get());
        search.loadMore();
        assertEquals(5, search.results().items().size());
        assertEquals("c1", lastSent().cursor());
        assertEquals(api.searches.get(api.searches.size() - 2).withCursor(null), lastSent().withCursor(null));
    }

    @Test
    void rowsShareTheValuesTheyRepeatSoLongResultsStayLean() {
        MessageSummary a = FakeMessagesApi.summary(MessageStatus.ACKNOWLEDGED);
        MessageSummary b = FakeMessagesApi.summary(MessageStatus.NACKED);
        // What JSON gives: equal values, separate copies.
        MessageSummary copy = new MessageSummary(b.messageId(), b.conversationId(), new String(a.interaction()),
                b.messagingPattern(), new io.spineconsole.domain.messages.MessageParty(new String("RR8"),
                new String("200000000985"), new String("RR8-0000806")), b.to(), b.endpointId(), new String(a.site()),
                b.status(), b.attempts(), b.sizeBytes(), b.receivedAt(), b.updatedAt(), b.latencyMs(), null, null, null);
        api.onSearch = s -> CompletableFuture.completedFuture(new Page<>(List.of(a, copy), null, 2, true));
        search.search();
        MessageSummary first = search.results().items().get(0);
        MessageSummary second = search.results().items().get(1);
        assertEquals(a, first, "the same values");
        assertTrue(first.from() == second.from(), "one party object for both rows");
        assertTrue(first.interaction() == second.interaction());
        assertTrue(first.site() == second.site());
        assertEquals(copy.messageId(), second.messageId());
    }

    @Test
    void aJobOverTheSearchSelectsOnlyWhatCanBeRedelivered() {
        search.form().statuses().setAll(MessageStatus.ACKNOWLEDGED, MessageStatus.NACKED);
        search.form().ods().valueProperty().set("RR8");
        search.search();
        MessageFilter f = search.redeliveryFilter().orElseThrow();
        assertEquals(List.of(MessageStatus.NACKED), f.status());
        assertEquals("RR8", f.ods());
        assertEquals(lastSent().from(), f.from());
        search.form().statuses().setAll(MessageStatus.ACKNOWLEDGED);
        search.search();
        assertTrue(search.redeliveryFilter().isEmpty(), "nothing here can be redelivered");
        search.form().statuses().clear();
        search.search();
        assertEquals(4, search.redeliveryFilter().orElseThrow().status().size(), "every failed status");
    }
}
