package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The search tab: runs the search its {@link SearchForm} describes as a keyset-paged list with an
 * approximate count, again a moment after a filter changes (the pause is the injected
 * {@link Debouncer}'s), and remembers the last one per environment. Its parts: the
 * {@linkplain #form() form}, the {@linkplain #quickFind() find box}, the {@linkplain #saved() saved
 * searches} and the {@link SearchLinkCodec link} that reopens a search in a colleague's console.
 */
public final class SearchViewModel {
    /** Rows per page: enough to fill a tall table, small enough to answer fast. */
    static final int PAGE_SIZE = 200;

    private final I18n i18n;
    private final MessageText text;
    private final ViewMemory memory;
    private final Debouncer debouncer;
    private final SearchForm form;
    private final QuickFind quickFind;
    private final SavedSearches saved;
    private final SearchPlanHint plan;
    private final PagedList<MessageSummary> results;
    private final RowInterner interner = new RowInterner();
    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<MessageSearch> lastSearch = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> lastRange = new SimpleObjectProperty<>(TimeRange.LAST_24_HOURS);
    private final ObjectProperty<Instant> searchStarted = new SimpleObjectProperty<>();

    private MessagesApi api;
    private String profileId;
    private String lastLink;

    /** @param debouncer waits for typing to pause before a changed filter searches again */
    public SearchViewModel(UiExecutor ui, I18n i18n, MessageText text, ViewMemory memory, Debouncer debouncer) {
        this.i18n = i18n;
        this.text = text;
        this.memory = memory;
        this.debouncer = debouncer;
        this.results = new PagedList<>(ui, i18n);
        this.form = new SearchForm(i18n, text);
        this.quickFind = new QuickFind(i18n, form, this::search);
        this.saved = new SavedSearches(memory, this::toLink, this::apply);
        this.plan = new SearchPlanHint(ui, i18n, text);
        // A filter changed: once typing pauses, ask what the search will cost, then search again unless that is
        // more than the server advises (the search in flight is then cancelled).
        form.onTyped(() -> {
            plan.release();
            debouncer.submit(this::planThenSearch);
        });
    }

    /** Where opened messages and links go (the workspace decides). */
    void setNavigation(Consumer<UUID> openMessage, Consumer<ConsoleLink> openLink) {
        quickFind.setNavigation(openMessage, openLink);
    }

    /** Points the search at a session: restores its saved searches and last filters, and runs the search. */
    public void connect(MessagesApi newApi, String newProfileId) {
        results.clear();
        plan.clear();
        this.api = newApi;
        this.profileId = newProfileId;
        saved.load(newProfileId);
        memory.recall(lastSearchKey()).flatMap(ConsoleLink::parse).ifPresent(this::read);
        search();
    }

    public void dispose() {
        debouncer.cancel();
        plan.clear();
        results.cancel();
        api = null;
    }

    // ---- searching ----------------------------------------------------------------------------------------------

    /**
     * Runs the search as the filters stand (cancelling one in flight). A filter that breaks its format
     * stops the search with a sentence; nothing typed is lost.
     */
    public boolean search() {
        formError.set("");
        notice.set("");
        plan.release();
        if (api == null) {
            return false;
        }
        String problem = form.problem();
        if (!problem.isEmpty()) {
            formError.set(problem);
            return false;
        }
        Instant now = text.clock().instant();
        MessageSearch s = form.build(now);
        lastRange.set(form.rangeProperty().get());
        lastSearch.set(s);
        searchStarted.set(now);
        lastLink = toLink().toString();
        memory.remember(lastSearchKey(), lastLink);
        MessagesApi calls = api;
        if (!plan.knows(lastLink)) {
            // The cost of the search shown, for the hint (a search from elsewhere, a reload): nothing waits on it.
            plan.ask(calls, lastLink, s, answer -> { });
        }
        interner.clear();
        results.load(cursor -> calls.search(s.withCursor(cursor)).thenApply(interner::intern));
        return true;
    }

    /**
     * Runs the search the user asked for (the Search button), unless its plan reads more than the server
     * advises: then the warning shows and the search waits for a narrower window or {@link #runAnyway}.
     */
    public boolean runRequested() {
        if (api != null && form.problem().isEmpty() && plan.holdsBack(toLink().toString())) {
            return false;
        }
        return search();
    }

    /** Runs the held search as it stands; the same filters are not held again. */
    public void runAnyway() {
        plan.confirm();
        search();
    }

    /**
     * After typing pauses: asks what the filters as typed will cost and shows it, then searches, unless
     * the plan reads more than the server advises. Filters that cannot be searched, or that the results
     * already show, are not planned again.
     */
    void planThenSearch() {
        MessagesApi calls = api;
        if (calls == null) {
            return;
        }
        if (!form.problem().isEmpty()) {
            plan.clear();
            search();
            return;
        }
        String key = toLink().toString();
        if (lastSearch.get() != null && key.equals(lastLink)) {
            return;
        }
        plan.ask(calls, key, form.build(text.clock().instant()), answer -> {
            // Typed on since, or already run (the Search button did not wait for the plan): nothing to hold.
            if (!key.equals(toLink().toString()) || key.equals(lastLink) || plan.holdsBack(key)) {
                return;
            }
            searchIfChanged();
        });
    }

    /** Fetches the next page (the table scrolled near its end). */
    public void loadMore() {
        results.loadMore();
    }

    /** Stops the search in flight; the rows already shown stay. */
    public void cancel() {
        results.cancel();
    }

    /** Runs the search again (F5, or after a redelivery), with the window ending now. */
    public void reload() {
        search();
    }

    /** Searches unless the filters are the ones the results already show (the debounce after typing). */
    public void searchIfChanged() {
        if (lastSearch.get() == null || !toLink().toString().equals(lastLink)) {
            search();
        }
    }

    /** Clears every filter (and the find box) back to the last 24 hours of everything. */
    public void clearFilters() {
        form.clear();
        quickFind.textProperty().set("");
        formError.set("");
    }

    /**
     * The filter of a redelivery job over everything the last search matched: only failed statuses can be
     * redelivered, and a job needs a window (a conversation search takes the widest one).
     */
    Optional<MessageFilter> redeliveryFilter() {
        MessageSearch s = lastSearch.get();
        if (s == null) {
            return Optional.empty();
        }
        List<MessageStatus> wanted = s.statuses().isEmpty() ? List.copyOf(MessageStatuses.FAILED)
                : s.statuses().stream().filter(MessageStatuses::isRedeliverable).toList();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        Instant end = s.to() != null ? s.to() : text.clock().instant();
        Instant start = s.from() != null ? s.from() : end.minus(TimeRange.MAX_WINDOW);
        return Optional.of(new MessageFilter(s.conversationId(), s.ods(), s.asid(), s.partyKey(), s.interaction(),
                wanted, s.site(), s.endpointId(), s.signature(), start, end));
    }

    /**
     * How far back from now the results can reach, so their times carry the day when that is more than
     * today: from the search's start (a conversation search, with no start, can reach the widest window).
     */
    java.time.Duration window() {
        MessageSearch s = lastSearch.get();
        Instant now = text.clock().instant();
        if (s == null) {
            return TimeRange.LAST_24_HOURS.length();
        }
        return s.from() == null ? TimeRange.MAX_WINDOW : java.time.Duration.between(s.from(), now);
    }

    /** A one-line description of the filters in force. */
    String describe() {
        return form.describe();
    }

    // ---- ways in from the rest of the workspace -----------------------------------------------------------------

    /** Shows the messages of a conversation (a pasted id that was no message's), saying so. */
    void searchConversation(UUID conversation) {
        searchConversationOf(conversation);
        notice.set(i18n.get("messages.find.conversationInstead", conversation.toString().toUpperCase(Locale.ROOT)));
    }

    /** Shows every message of a conversation (from a result's menu). */
    void searchConversationOf(UUID conversation) {
        clearFilters();
        form.conversationId().valueProperty().set(conversation.toString());
        search();
    }

    /** Shows the messages of one failure signature over a window (from the failures view). */
    void searchSignature(String sig, TimeRange window) {
        clearFilters();
        form.signatureProperty().set(sig);
        form.rangeProperty().set(window);
        search();
    }

    /** Narrows the search to one site, endpoint or interaction (from the charts). */
    void searchSite(String code, TimeRange window) {
        clearFilters();
        form.siteProperty().set(code);
        form.rangeProperty().set(window);
        search();
    }

    void searchEndpoint(UUID id, TimeRange window) {
        clearFilters();
        form.endpointIdProperty().set(id);
        form.rangeProperty().set(window);
        search();
    }

    /**
     * Shows the messages a receiver got with the given statuses (none: all) over a window (from endpoint
     * health): one endpoint, or, with no endpoint, an organisation (as sender or recipient, as the ODS filter is).
     */
    void searchReceiver(UUID endpoint, String ods, List<MessageStatus> wanted, TimeRange window) {
        clearFilters();
        if (endpoint != null) {
            form.endpointIdProperty().set(endpoint);
        } else {
            form.ods().valueProperty().set(ods);
        }
        form.statuses().setAll(wanted);
        form.rangeProperty().set(window);
        search();
    }

    void searchInteraction(String id, TimeRange window) {
        clearFilters();
        form.interaction().valueProperty().set(id);
        form.rangeProperty().set(window);
        search();
    }

    // ---- links --------------------------------------------------------------------------------------------------

    /** The search as a link a colleague can paste into their console (no server address, no token). */
    public ConsoleLink toLink() {
        return SearchLinkCodec.toLink(form);
    }

    /** Opens a search link: sets the filters it names and runs it. Bad values are shown on their fields. */
    public void apply(ConsoleLink link) {
        read(link);
        if (!search() && formError.get().isEmpty()) {
            formError.set(i18n.get("messages.search.error.fix"));
        }
    }

    private void read(ConsoleLink link) {
        clearFilters();
        SearchLinkCodec.read(link, form);
    }

    private String lastSearchKey() {
        return "messages.lastSearch." + profileId;
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public SearchForm form() {
        return form;
    }

    /** What the search as typed will cost, and the hold on a costly one. */
    public SearchPlanHint plan() {
        return plan;
    }

    public QuickFind quickFind() {
        return quickFind;
    }

    public SavedSearches saved() {
        return saved;
    }

    public PagedList<MessageSummary> results() {
        return results;
    }

    /** Why the filters cannot be searched, or "". */
    public ReadOnlyStringProperty formErrorProperty() {
        return formError;
    }

    /** A note about the last search (a pasted id that was a conversation's), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    public ReadOnlyObjectProperty<MessageSearch> lastSearchProperty() {
        return lastSearch;
    }

    /** The time range of the search the results show. */
    public ReadOnlyObjectProperty<TimeRange> lastRangeProperty() {
        return lastRange;
    }

    public ReadOnlyObjectProperty<Instant> searchStartedProperty() {
        return searchStarted;
    }
}
