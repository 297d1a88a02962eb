package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.PlanAccess;
import io.spineconsole.domain.messages.SearchPlan;
import io.spineconsole.testing.FakeMessagesApi;
import io.spineconsole.ui.common.ManualDebouncer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search's cost as typed: asked once typing pauses (the injected debouncer), the latest question
 * winning; a search over the server's threshold held until the user narrows it or runs it anyway,
 * with what was typed kept; and a server that cannot say never holding a search back.
 */
class SearchPlanHintTest {
    private TestServices t;
    private FakeMessagesApi api;
    private ManualDebouncer debouncer;
    private SearchViewModel search;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        debouncer = new ManualDebouncer();
        search = new SearchViewModel(t.ui, t.i18n, t.text, t.memory, debouncer);
        search.connect(api, "profile-a");
    }

    private SearchPlanHint hint() {
        return search.plan();
    }

    @Test
    void theSearchShownHasItsCostUnderTheFilters() {
        assertEquals(1, api.plans.size(), "connecting plans the search it runs");
        String line = hint().hintProperty().get();
        assertTrue(line.contains(t.i18n.get("messages.plan.on.sender")), line);
        assertTrue(line.contains("1,200"), line);
        assertFalse(hint().holdingProperty().get());
    }

    @Test
    void typingAsksOnceThePausesComesAndThenSearches() {
        int plans = api.plans.size();
        int searches = api.searches.size();
        search.form().ods().valueProperty().set("R");
        search.form().ods().valueProperty().set("RR");
        search.form().ods().valueProperty().set("RR8");
        assertEquals(plans, api.plans.size(), "nothing is asked while typing");
        debouncer.flush();
        assertEquals(plans + 1, api.plans.size(), "one question after the pause");
        assertEquals("RR8", api.plans.get(api.plans.size() - 1).ods());
        assertEquals(searches + 1, api.searches.size(), "a cheap plan searches at once");
        assertEquals("RR8", api.searches.get(api.searches.size() - 1).ods());
    }

    @Test
    void theLatestQuestionWinsAndAnOlderAnswerIsDropped() {
        List<CompletableFuture<SearchPlan>> answers = new ArrayList<>();
        api.onPlan = s -> {
            CompletableFuture<SearchPlan> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        };
        search.form().ods().valueProperty().set("RR8");
        debouncer.flush();
        search.form().ods().valueProperty().set("A81001");
        debouncer.flush();
        assertEquals(2, answers.size());
        int searches = api.searches.size();
        answers.get(1).complete(FakeMessagesApi.plan(PlanAccess.INDEX, 700, 30, 200));
        answers.get(0).complete(FakeMessagesApi.plan(PlanAccess.SCAN, 9_000_000, 9_000_000, 200));
        assertTrue(hint().hintProperty().get().contains("700"), hint().hintProperty().get());
        assertFalse(hint().holdingProperty().get(), "the older, costly answer is not shown");
        assertEquals(searches + 1, api.searches.size());
        assertEquals("A81001", api.searches.get(api.searches.size() - 1).ods());
    }

    @Test
    void aCostlySearchWaitsForANarrowerWindowOrRunAnyway() {
        api.onPlan = s -> CompletableFuture.completedFuture(s.from() != null
                && s.from().isBefore(FakeMessagesApi.NOW.minus(java.time.Duration.ofDays(2)))
                ? FakeMessagesApi.plan(PlanAccess.SCAN, 4_100_000, 4_100_000, s.limit())
                : FakeMessagesApi.plan(PlanAccess.INDEX, 1_200, 40, s.limit()));
        int searches = api.searches.size();
        search.form().statuses().setAll(io.spineconsole.domain.messages.MessageStatus.DELIVERED);
        search.form().rangeProperty().set(TimeRange.LAST_7_DAYS);
        debouncer.flush();
        assertEquals(searches, api.searches.size(), "held: nothing is searched");
        assertTrue(hint().holdingProperty().get());
        assertTrue(hint().warningProperty().get().contains("4,100,000"), hint().warningProperty().get());
        assertTrue(hint().hintProperty().get().contains("4,100,000"), hint().hintProperty().get());
        assertFalse(search.runRequested(), "the Search button asks too");
        assertEquals(searches, api.searches.size());
        assertEquals(List.of(io.spineconsole.domain.messages.MessageStatus.DELIVERED), search.form().statuses(),
                "what was typed is kept");

        // A narrower window is planned again and runs by itself.
        search.form().rangeProperty().set(TimeRange.LAST_24_HOURS);
        assertFalse(hint().holdingProperty().get(), "changing the filters lifts the hold");
        debouncer.flush();
        assertEquals(searches + 1, api.searches.size());

        // Back to the wide window: held again, and Run anyway runs it, once and for these filters.
        search.form().rangeProperty().set(TimeRange.LAST_7_DAYS);
        debouncer.flush();
        assertTrue(hint().holdingProperty().get());
        search.runAnyway();
        assertFalse(hint().holdingProperty().get());
        assertEquals(searches + 2, api.searches.size());
        MessageSearch ran = api.searches.get(api.searches.size() - 1);
        assertEquals(FakeMessagesApi.NOW.minus(TimeRange.LAST_7_DAYS.length()), ran.from());
        assertTrue(search.runRequested(), "confirmed filters are not held again");
    }

    @Test
    void aPlanThatArrivesAfterTheSearchRanHoldsNothingBack() {
        CompletableFuture<SearchPlan> late = new CompletableFuture<>();
        api.onPlan = s -> late;
        search.form().rangeProperty().set(TimeRange.LAST_7_DAYS);
        debouncer.flush();
        int searches = api.searches.size();
        assertTrue(search.runRequested(), "no plan yet: the Search button runs at once");
        assertEquals(searches + 1, api.searches.size());
        late.complete(FakeMessagesApi.plan(PlanAccess.SCAN, 4_100_000, 4_100_000, 200));
        assertFalse(hint().holdingProperty().get(), "the search ran already: nothing to hold");
        assertTrue(hint().hintProperty().get().contains("4,100,000"), "the cost is still shown");
    }

    @Test
    void aServerThatCannotSayNeverHoldsASearchBack() {
        api.onPlan = s -> CompletableFuture.failedFuture(FakeMessagesApi.notFound());
        int searches = api.searches.size();
        search.form().ods().valueProperty().set("RR8");
        debouncer.flush();
        assertEquals(searches + 1, api.searches.size(), "the search runs as before");
        assertEquals("", hint().hintProperty().get());
        assertFalse(hint().holdingProperty().get());
    }

    @Test
    void aMalformedFilterIsNotPlanned() {
        int plans = api.plans.size();
        search.form().asid().valueProperty().set("12345");
        debouncer.flush();
        assertEquals(plans, api.plans.size());
        assertEquals("", hint().hintProperty().get());
    }

    @Test
    void theLineSaysHowTheRowsAreReachedAndWhetherThePageHoldsThemAll() {
        SearchPlanHint h = hint();
        assertEquals(t.i18n.get("messages.plan.line", t.i18n.get("messages.plan.lookup"),
                t.i18n.get("messages.plan.complete", "1")), h.describe(new SearchPlan(PlanAccess.LOOKUP,
                List.of("message_pk"), 1, 1, 1, 200, true, io.spineconsole.domain.messages.PlanVerdict.CHEAP, 50_000,
                null, null)));
        String both = h.describe(new SearchPlan(PlanAccess.INDEX, List.of("message_by_from_ods", "message_by_to_ods",
                "message_by_time"), 1_200, 900, 200, 200, false, io.spineconsole.domain.messages.PlanVerdict.CHEAP,
                50_000, 2, 29));
        assertTrue(both.contains(t.i18n.get("messages.plan.on.either", t.i18n.get("messages.plan.on.sender"),
                t.i18n.get("messages.plan.on.recipient"))), both);
        assertTrue(both.contains(t.i18n.get("messages.plan.cut", "200", "900")), both);
        assertTrue(h.describe(FakeMessagesApi.plan(PlanAccess.SCAN, 4_100_000, 4_100_000, 200)).startsWith(
                t.i18n.get("messages.plan.scan", "4,100,000")));
        assertEquals(t.i18n.get("messages.plan.nothing"), h.describe(new SearchPlan(PlanAccess.INDEX, List.of(), 0, 0, 0,
                200, true, io.spineconsole.domain.messages.PlanVerdict.CHEAP, 50_000, null, null)),
                "a party that never appeared has no range to read");
    }
}
