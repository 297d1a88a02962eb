package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.registrations.MhsEndpoint;
import io.spineconsole.domain.registrations.Organisation;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.testing.FakeRegistrationsApi;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.ui.common.ViewMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordListViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    static Sandbox sandbox;
    static BackboneApi admin;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.shared();
        admin = sandbox.client(Role.ADMIN);
    }


    @Test
    void typingIsDebouncedIntoOneServerSearchAndPagesArriveOnScroll() {
        UiQueue q = new UiQueue();
        ManualDebouncer debouncer = new ManualDebouncer();
        RecordListViewModel<MhsEndpoint> list = new RecordListViewModel<>(RecordKind.ENDPOINTS, q.ui, I18N,
                ViewMemory.inMemory(), debouncer);
        list.connect(admin.registrations());
        q.await("the first page", () -> list.list().stateProperty().get() == LoadState.LOADED);
        assertEquals(RecordListViewModel.PAGE_SIZE, list.list().items().size());
        assertTrue(list.list().hasMoreProperty().get());
        assertTrue(list.summaryProperty().get().startsWith("Showing 100 of "), list.summaryProperty().get());

        list.list().loadMore();
        q.await("the second page", () -> list.list().items().size() > RecordListViewModel.PAGE_SIZE);
        Set<UUID> ids = new HashSet<>();
        list.list().items().forEach(e -> assertTrue(ids.add(e.id()), "no repeats across pages"));

        for (String typed : List.of("r", "rr", "rr8")) {
            list.queryProperty().set(typed);
        }
        assertEquals(3, debouncer.submits(), "every keystroke asks");
        assertEquals(LoadState.LOADED, list.list().stateProperty().get(), "nothing is sent while typing");
        debouncer.flush();
        q.await("the search", () -> list.list().stateProperty().get() == LoadState.LOADED);
        assertFalse(list.list().items().isEmpty());
        assertTrue(list.list().items().stream().allMatch(e -> e.partyKey().startsWith("RR8") || e.odsCode().startsWith("RR8")
                || (e.fqdn() != null && e.fqdn().startsWith("rr8")) || (e.name() != null && e.name().toLowerCase().contains("rr8"))));
    }

    @Test
    void filtersGoToTheServerAndAMalformedOneIsNotSent() {
        UiQueue q = new UiQueue();
        ManualDebouncer debouncer = new ManualDebouncer();
        RecordListViewModel<MhsEndpoint> list = new RecordListViewModel<>(RecordKind.ENDPOINTS, q.ui, I18N,
                ViewMemory.inMemory(), debouncer);
        list.connect(admin.registrations());
        q.await("the first page", () -> list.list().stateProperty().get() == LoadState.LOADED);

        list.statuses().add(RegistrationStatus.ACTIVE);
        list.patternProperty().set(MessagingPattern.ASYNC_RELIABLE);
        list.ods().valueProperty().set("rr8");
        debouncer.flush();
        q.await("the filtered list", () -> list.list().stateProperty().get() == LoadState.LOADED
                && list.list().items().stream().allMatch(e -> e.odsCode().equals("RR8")));
        assertFalse(list.list().items().isEmpty());
        assertTrue(list.list().items().stream().allMatch(e -> e.status() == RegistrationStatus.ACTIVE
                && e.messagingPattern() == MessagingPattern.ASYNC_RELIABLE));
        assertEquals("RR8", list.filter().ods(), "typed in lower case, sent as the format wants");
        assertEquals(3, list.activeFilters(), "status, pattern and ODS code are set");

        List<MhsEndpoint> before = List.copyOf(list.list().items());
        list.ods().valueProperty().set("rr 8!");
        assertFalse(list.filterValid());
        assertFalse(list.ods().errorProperty().get().isEmpty(), "the field says what is wrong");
        debouncer.flush();
        q.settle(200);
        assertEquals(before, list.list().items(), "a filter the server would refuse is not sent");
        assertEquals(LoadState.LOADED, list.list().stateProperty().get());
    }

    /** A registrations API that records each endpoints search and answers it only when the test says. */
    private static RegistrationsApi recording(List<CompletableFuture<Page<MhsEndpoint>>> calls, List<String> queries) {
        return new FakeRegistrationsApi() {
            @Override
            public CompletableFuture<Page<MhsEndpoint>> endpoints(RegistrationFilter filter, String cursor, int limit) {
                CompletableFuture<Page<MhsEndpoint>> f = new CompletableFuture<>();
                calls.add(f);
                queries.add(filter.q());
                return f;
            }
        };
    }

    @Test
    void quickTypingSearchesOnceWithWhatWasTypedLast() {
        UiQueue q = new UiQueue();
        List<CompletableFuture<Page<MhsEndpoint>>> calls = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        ManualDebouncer.Factory debouncers = new ManualDebouncer.Factory();
        RegistrationsViewModel workspace = new RegistrationsViewModel(q.ui, I18N, ViewMemory.inMemory(),
                new io.spineconsole.ui.common.TimeText(java.time.Clock.systemUTC(), I18N, java.time.ZoneOffset.UTC), debouncers);
        RecordListViewModel<MhsEndpoint> list = workspace.endpoints().list();
        list.connect(recording(calls, queries));
        assertEquals(1, calls.size(), "connecting lists at once");

        for (String typed : List.of("l", "le", "lee", "leed", "leeds")) {
            list.queryProperty().set(typed);
        }
        list.statuses().add(RegistrationStatus.ACTIVE);
        assertEquals(1, calls.size(), "nothing is sent while the user types");
        debouncers.flushAll();
        assertEquals(2, calls.size(), "one search for six changes");
        assertEquals("leeds", queries.get(1));
        assertEquals(List.of(RegistrationStatus.ACTIVE), list.filter().statuses());
        debouncers.flushAll();
        assertEquals(2, calls.size(), "and no second one after it");
    }

    @Test
    void aNewerSearchCancelsTheStaleOneSoItsAnswerNeverLands() {
        UiQueue q = new UiQueue();
        List<CompletableFuture<Page<MhsEndpoint>>> calls = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        RegistrationsApi slow = recording(calls, queries);
        RecordListViewModel<MhsEndpoint> list = new RecordListViewModel<>(RecordKind.ENDPOINTS, q.ui, I18N,
                ViewMemory.inMemory(), Debouncer.immediate());
        list.connect(slow);
        list.queryProperty().set("lee");
        list.queryProperty().set("leeds");
        assertEquals(java.util.Arrays.asList(null, "lee", "leeds"), queries);
        assertTrue(calls.get(0).isCancelled(), "the first query was cancelled");
        assertTrue(calls.get(1).isCancelled(), "the stale query was cancelled (its HTTP call with it)");
        MhsEndpoint fresh = endpoint("LEEDS-00001");
        calls.get(2).complete(new Page<>(List.of(fresh), null, 1, true));
        q.settle(50);
        assertEquals(List.of(fresh), list.list().items());
        // Even if a stale answer arrived anyway, it must not replace the fresh rows.
        calls.get(1).obtrudeValue(new Page<>(List.of(endpoint("LEE-00001")), null, 1, true));
        q.settle(50);
        assertEquals(List.of(fresh), list.list().items());
        assertEquals("Showing 1 of 1 endpoints", list.summaryProperty().get());
    }

    @Test
    void theSearchIsALinkAndIsRememberedBetweenRuns() {
        UiQueue q = new UiQueue();
        ViewMemory memory = ViewMemory.inMemory();
        RecordListViewModel<Organisation> list = new RecordListViewModel<>(RecordKind.ORGANISATIONS, q.ui, I18N, memory,
                Debouncer.immediate());
        list.connect(admin.registrations());
        list.apply(ConsoleLink.parse("spine-console://registrations/organisations?q=leeds&status=active,suspended"
                + "&kind=trust&sort=-name").orElseThrow());
        q.await("the search", () -> list.list().stateProperty().get() == LoadState.LOADED);
        assertEquals("leeds", list.filter().q());
        assertEquals(List.of(RegistrationStatus.ACTIVE, RegistrationStatus.SUSPENDED), list.filter().statuses());
        assertEquals("-name", list.filter().sort());
        assertTrue(list.list().items().stream().anyMatch(o -> o.odsCode().equals("RR8")));
        String link = list.link().toString();
        assertEquals("spine-console://registrations/organisations?q=leeds&status=active%2Csuspended&kind=trust&sort=-name", link);

        RecordListViewModel<Organisation> nextRun = new RecordListViewModel<>(RecordKind.ORGANISATIONS, q.ui, I18N, memory,
                Debouncer.immediate());
        assertEquals(list.filter(), nextRun.filter(), "the filters come back in the next run");
        nextRun.clearFilters();
        assertNull(nextRun.filter().q());
        assertEquals(0, nextRun.activeFilters());
        assertEquals("-name", nextRun.filter().sort(), "clearing the filters keeps the sort");
    }

    static MhsEndpoint endpoint(String partyKey) {
        return new MhsEndpoint(UUID.randomUUID(), null, "RR8", partyKey, "https://mhs.example/x", "mhs.example", "CPA1",
                List.of(), MessagingPattern.SYNC, null, null, null, null, RegistrationStatus.ACTIVE, null, 1, null, "t",
                null, "t");
    }
}
