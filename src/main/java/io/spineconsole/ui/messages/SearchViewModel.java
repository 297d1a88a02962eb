package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.MessageStatus;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ValidatedField;
import io.spineconsole.ui.common.ViewMemory;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The message search: the filters as the user types them (each checked against the NHS formats as
 * typed), the smart "find" box (a pasted message id opens that message, a pasted console link opens
 * what it names, an ODS code, ASID, party key or interaction goes into its filter), the results as a
 * keyset-paged list with an approximate count, links and saved searches per environment.
 */
public final class SearchViewModel {
    /** Rows per page: enough to fill a tall table, small enough to answer fast. */
    static final int PAGE_SIZE = 200;
    static final String LINK_PATH = "search";
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A search kept under a name, as the link that reopens it. */
    public record SavedSearch(String name, ConsoleLink link) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** What the find box did with its text. */
    enum FindOutcome { OPENED_MESSAGE, OPENED_LINK, FILTERED, SEARCHED, NOT_UNDERSTOOD }

    private final I18n i18n;
    private final MessageText text;
    private final ViewMemory memory;
    private final PagedList<MessageSummary> results;
    private final RowInterner interner = new RowInterner();

    private final StringProperty find = new SimpleStringProperty("");
    private final StringProperty findProblem = new SimpleStringProperty("");
    private final ValidatedField conversationId;
    private final ValidatedField ods;
    private final ValidatedField asid;
    private final ValidatedField partyKey;
    private final ValidatedField interaction;
    private final ValidatedField from;
    private final ValidatedField to;
    private final ObservableList<MessageStatus> statuses = FXCollections.observableArrayList();
    private final ObjectProperty<TimeRange> range = new SimpleObjectProperty<>(TimeRange.LAST_24_HOURS);
    private final BooleanProperty oldestFirst = new SimpleBooleanProperty();
    private final StringProperty site = new SimpleStringProperty("");
    private final StringProperty signature = new SimpleStringProperty("");
    private final ObjectProperty<UUID> endpointId = new SimpleObjectProperty<>();
    private final StringProperty formError = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<MessageSearch> lastSearch = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeRange> lastRange = new SimpleObjectProperty<>(TimeRange.LAST_24_HOURS);
    private final ObjectProperty<Instant> searchStarted = new SimpleObjectProperty<>();
    private final ObservableList<SavedSearch> saved = FXCollections.observableArrayList();

    private MessagesApi api;
    private String profileId;
    private String lastLink;
    private Consumer<UUID> openMessage = id -> { };
    private Consumer<ConsoleLink> openLink = link -> { };

    public SearchViewModel(UiExecutor ui, I18n i18n, MessageText text, ViewMemory memory) {
        this.i18n = i18n;
        this.text = text;
        this.memory = memory;
        this.results = new PagedList<>(ui, i18n);
        conversationId = new ValidatedField(v -> v.isBlank() || isUuid(v) ? ""
                : i18n.get("messages.search.error.conversationId"));
        ods = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkOdsCode(upper(v)).orElse(""));
        asid = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkAsid(v.strip()).orElse(""));
        partyKey = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkPartyKey(upper(v)).orElse(""));
        interaction = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkInteractionId(v.strip()).orElse(""));
        from = new ValidatedField(v -> v.isBlank() || parseTime(v).isPresent() ? "" : i18n.get("messages.search.error.time"));
        to = new ValidatedField(v -> v.isBlank() || parseTime(v).isPresent() ? "" : i18n.get("messages.search.error.time"));
        find.addListener((o, a, b) -> findProblem.set(""));
    }

    /** Where opened messages and links go (the workspace decides). */
    void setNavigation(Consumer<UUID> openMessage, Consumer<ConsoleLink> openLink) {
        this.openMessage = openMessage;
        this.openLink = openLink;
    }

    /** Points the search at a session: restores its saved searches and last filters, and runs the search. */
    public void connect(MessagesApi newApi, String newProfileId) {
        results.clear();
        this.api = newApi;
        this.profileId = newProfileId;
        loadSaved();
        Optional<ConsoleLink> last = memory.recall(lastSearchKey()).flatMap(ConsoleLink::parse);
        if (last.isPresent()) {
            applyLinkFields(last.get());
        }
        search();
    }

    public void dispose() {
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
        if (api == null) {
            return false;
        }
        String problem = problem();
        if (!problem.isEmpty()) {
            formError.set(problem);
            return false;
        }
        Instant now = text.clock().instant();
        MessageSearch s = build(now);
        lastRange.set(range.get());
        lastSearch.set(s);
        searchStarted.set(now);
        lastLink = toLink().toString();
        memory.remember(lastSearchKey(), lastLink);
        MessagesApi calls = api;
        interner.clear();
        results.load(cursor -> calls.search(s.withCursor(cursor)).thenApply(interner::intern));
        return true;
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

    /** Clears every filter back to the last 24 hours of everything. */
    public void clearFilters() {
        conversationId.reset("");
        ods.reset("");
        asid.reset("");
        partyKey.reset("");
        interaction.reset("");
        from.reset("");
        to.reset("");
        statuses.clear();
        range.set(TimeRange.LAST_24_HOURS);
        oldestFirst.set(false);
        site.set("");
        signature.set("");
        endpointId.set(null);
        find.set("");
        formError.set("");
    }

    /** The first problem that stops the search, or "". */
    String problem() {
        for (ValidatedField f : List.of(conversationId, ods, asid, partyKey, interaction, from, to)) {
            if (!f.isValid()) {
                return i18n.get("messages.search.error.fix");
            }
        }
        if (range.get() == TimeRange.CUSTOM) {
            Optional<Instant> start = parseTime(from.value());
            Optional<Instant> end = to.value().isBlank() ? Optional.of(text.clock().instant()) : parseTime(to.value());
            if (start.isEmpty()) {
                return i18n.get("messages.search.error.fromRequired");
            }
            if (end.isEmpty() || !start.get().isBefore(end.get())) {
                return i18n.get("messages.search.error.order");
            }
            if (Duration.between(start.get(), end.get()).compareTo(TimeRange.MAX_WINDOW) > 0) {
                return i18n.get("messages.search.error.wide");
            }
        }
        return "";
    }

    /** The search the filters describe, its window fixed at {@code now} so every page comes from the same window. */
    MessageSearch build(Instant now) {
        UUID conversation = isUuid(conversationId.value()) ? UUID.fromString(conversationId.value().strip()) : null;
        Instant start = null;
        Instant end = null;
        if (range.get() == TimeRange.CUSTOM) {
            start = parseTime(from.value()).orElse(null);
            end = to.value().isBlank() ? now : parseTime(to.value()).orElse(now);
        } else if (conversation == null) {
            // A conversation id is looked for across the whole store, as the server does by default.
            start = now.minus(range.get().length());
            end = now;
        }
        return new MessageSearch(null, conversation, blankToNull(upper(ods.value())), blankToNull(asid.value().strip()),
                blankToNull(upper(partyKey.value())), blankToNull(interaction.value().strip()), List.copyOf(statuses),
                blankToNull(site.get()), endpointId.get(), blankToNull(signature.get()), start, end, oldestFirst.get(),
                PAGE_SIZE, null);
    }

    /** The live stream's filter: the same filters without the time window. */
    StreamFilter streamFilter(boolean newOnly) {
        MessageSearch s = build(text.clock().instant());
        return new StreamFilter(s.conversationId(), s.ods(), s.asid(), s.partyKey(), s.interaction(), s.statuses(),
                s.site(), s.endpointId(), newOnly);
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

    // ---- the find box -------------------------------------------------------------------------------------------

    /**
     * Called as the find box changes: a complete message id or console link goes straight to what it names,
     * without waiting for Enter.
     */
    public void findChanged() {
        String t = find.get() == null ? "" : find.get().strip();
        if (isUuid(t) || ConsoleLink.parse(t).isPresent()) {
            submitFind();
        }
    }

    /** Enter in the find box: opens, filters or searches, by what the text is. */
    public FindOutcome submitFind() {
        String t = find.get() == null ? "" : find.get().strip();
        if (t.isEmpty()) {
            search();
            return FindOutcome.SEARCHED;
        }
        Optional<ConsoleLink> link = ConsoleLink.parse(t);
        if (link.isPresent()) {
            find.set("");
            openLink.accept(link.get());
            return FindOutcome.OPENED_LINK;
        }
        if (isUuid(t)) {
            find.set("");
            openMessage.accept(UUID.fromString(t));
            return FindOutcome.OPENED_MESSAGE;
        }
        String up = t.toUpperCase(Locale.ROOT);
        if (Identifiers.checkAsid(t).isEmpty()) {
            asid.valueProperty().set(t);
        } else if (Identifiers.checkPartyKey(up).isEmpty()) {
            partyKey.valueProperty().set(up);
        } else if (Identifiers.checkInteractionId(t).isEmpty()) {
            interaction.valueProperty().set(t);
        } else if (Identifiers.checkOdsCode(up).isEmpty()) {
            ods.valueProperty().set(up);
        } else {
            findProblem.set(i18n.get("messages.find.notUnderstood"));
            return FindOutcome.NOT_UNDERSTOOD;
        }
        find.set("");
        search();
        return FindOutcome.FILTERED;
    }

    /** Shows the messages of a conversation (a pasted id that was no message's). */
    void searchConversation(UUID conversation) {
        clearFilters();
        conversationId.valueProperty().set(conversation.toString());
        search();
        notice.set(i18n.get("messages.find.conversationInstead", conversation.toString().toUpperCase(Locale.ROOT)));
    }

    /** Shows every message of a conversation (from a result's menu). */
    void searchConversationOf(UUID conversation) {
        clearFilters();
        conversationId.valueProperty().set(conversation.toString());
        search();
    }

    /** Shows the messages of one failure signature over a window (from the failures view). */
    void searchSignature(String sig, TimeRange window) {
        clearFilters();
        signature.set(sig);
        range.set(window);
        search();
    }

    /** Narrows the search to one site, endpoint or interaction (from the charts). */
    void searchSite(String code, TimeRange window) {
        clearFilters();
        site.set(code);
        range.set(window);
        search();
    }

    void searchEndpoint(UUID id, TimeRange window) {
        clearFilters();
        endpointId.set(id);
        range.set(window);
        search();
    }

    void searchInteraction(String id, TimeRange window) {
        clearFilters();
        interaction.valueProperty().set(id);
        range.set(window);
        search();
    }

    // ---- links and saved searches -------------------------------------------------------------------------------

    /** The search as a link a colleague can paste into their console (no server address, no token). */
    public ConsoleLink toLink() {
        ConsoleLink link = ConsoleLink.of("messages", LINK_PATH)
                .with("conversationId", conversationId.value().strip().toUpperCase(Locale.ROOT))
                .with("ods", upper(ods.value()))
                .with("asid", asid.value().strip())
                .with("partyKey", upper(partyKey.value()))
                .with("interaction", interaction.value().strip())
                .with("status", statuses.stream().map(Coded::code).collect(Collectors.joining(",")))
                .with("site", site.get())
                .with("endpointId", endpointId.get() == null ? null : endpointId.get().toString())
                .with("signature", signature.get());
        if (range.get() == TimeRange.CUSTOM) {
            link = link.with("from", parseTime(from.value()).map(Instant::toString).orElse(null))
                    .with("to", parseTime(to.value()).map(Instant::toString).orElse(null));
        } else {
            link = link.with("range", range.get().code());
        }
        return oldestFirst.get() ? link.with("sort", "oldest") : link;
    }

    /** Opens a search link: sets the filters it names and runs it. Bad values are shown on their fields. */
    public void apply(ConsoleLink link) {
        applyLinkFields(link);
        if (!search() && formError.get().isEmpty()) {
            formError.set(i18n.get("messages.search.error.fix"));
        }
    }

    private void applyLinkFields(ConsoleLink link) {
        clearFilters();
        link.param("conversationId").ifPresent(conversationId.valueProperty()::set);
        link.param("ods").ifPresent(ods.valueProperty()::set);
        link.param("asid").ifPresent(asid.valueProperty()::set);
        link.param("partyKey").ifPresent(partyKey.valueProperty()::set);
        link.param("interaction").ifPresent(interaction.valueProperty()::set);
        link.param("site").ifPresent(site::set);
        link.param("signature").ifPresent(signature::set);
        link.param("endpointId").filter(SearchViewModel::isUuid).map(UUID::fromString).ifPresent(endpointId::set);
        link.param("status").ifPresent(codes -> {
            List<MessageStatus> parsed = new ArrayList<>();
            for (String code : codes.split(",")) {
                Arrays.stream(MessageStatus.values()).filter(s -> s.code().equals(code.strip())).findFirst()
                        .filter(s -> !parsed.contains(s)).ifPresent(parsed::add);
            }
            statuses.setAll(parsed);
        });
        Optional<String> start = link.param("from");
        Optional<String> end = link.param("to");
        if (start.isPresent() || end.isPresent()) {
            range.set(TimeRange.CUSTOM);
            from.valueProperty().set(start.map(this::localInput).orElse(""));
            to.valueProperty().set(end.map(this::localInput).orElse(""));
        } else {
            range.set(link.param("range").flatMap(TimeRange::fromCode).filter(r -> r != TimeRange.CUSTOM)
                    .orElse(TimeRange.LAST_24_HOURS));
        }
        oldestFirst.set(link.param("sort").filter("oldest"::equals).isPresent());
    }

    /** An instant from a link, as the user would type it in their zone; the text as given when it is not one. */
    private String localInput(String iso) {
        try {
            return LOCAL_INPUT.format(Instant.parse(iso).atZone(text.zone()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** Saves the current filters under {@code name} for this environment (a name used before is replaced). */
    public boolean saveAs(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\t\\r\\n]", " ").strip();
        if (clean.isEmpty()) {
            return false;
        }
        saved.removeIf(s -> s.name().equalsIgnoreCase(clean));
        saved.add(0, new SavedSearch(clean, toLink()));
        storeSaved();
        return true;
    }

    public void delete(SavedSearch s) {
        saved.remove(s);
        storeSaved();
    }

    public void open(SavedSearch s) {
        apply(s.link());
    }

    private void loadSaved() {
        saved.clear();
        memory.recall(savedKey()).ifPresent(lines -> {
            for (String line : lines.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab <= 0) {
                    continue;
                }
                String name = URLDecoder.decode(line.substring(0, tab), StandardCharsets.UTF_8);
                ConsoleLink.parse(line.substring(tab + 1)).ifPresent(link -> saved.add(new SavedSearch(name, link)));
            }
        });
    }

    private void storeSaved() {
        String lines = saved.stream()
                .map(s -> URLEncoder.encode(s.name(), StandardCharsets.UTF_8) + "\t" + s.link())
                .collect(Collectors.joining("\n"));
        memory.remember(savedKey(), lines.isEmpty() ? null : lines);
    }

    private String savedKey() {
        return "messages.savedSearches." + profileId;
    }

    private String lastSearchKey() {
        return "messages.lastSearch." + profileId;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static boolean isUuid(String s) {
        return s != null && UUID_TEXT.matcher(s.strip()).matches();
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** "2025-11-25 14:30" in the user's zone, or an ISO instant. */
    Optional<Instant> parseTime(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(v, LOCAL_INPUT).atZone(text.zone()).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.parse(v));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    /** A one-line description of the filters in force (for the live tail and job dialogs). */
    String describe() {
        List<String> parts = new ArrayList<>();
        MessageSearch s = build(text.clock().instant());
        if (s.conversationId() != null) {
            parts.add(i18n.get("messages.describe.conversation", s.conversationId().toString().toUpperCase(Locale.ROOT)));
        }
        if (s.ods() != null) {
            parts.add(i18n.get("messages.describe.ods", s.ods()));
        }
        if (s.asid() != null) {
            parts.add(i18n.get("messages.describe.asid", s.asid()));
        }
        if (s.partyKey() != null) {
            parts.add(i18n.get("messages.describe.partyKey", s.partyKey()));
        }
        if (s.interaction() != null) {
            parts.add(i18n.get("messages.describe.interaction", MessageText.shortInteraction(s.interaction())));
        }
        if (!s.statuses().isEmpty()) {
            parts.add(i18n.get("messages.describe.status",
                    s.statuses().stream().map(text::status).collect(Collectors.joining(", "))));
        }
        if (s.site() != null) {
            parts.add(i18n.get("messages.describe.site", s.site()));
        }
        if (s.endpointId() != null) {
            parts.add(i18n.get("messages.describe.endpoint", s.endpointId()));
        }
        if (s.signature() != null) {
            parts.add(i18n.get("messages.describe.signature", s.signature()));
        }
        return parts.isEmpty() ? i18n.get("messages.describe.everything") : String.join("; ", parts);
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public PagedList<MessageSummary> results() {
        return results;
    }

    public StringProperty findProperty() {
        return find;
    }

    public StringProperty findProblemProperty() {
        return findProblem;
    }

    public ValidatedField conversationId() {
        return conversationId;
    }

    public ValidatedField ods() {
        return ods;
    }

    public ValidatedField asid() {
        return asid;
    }

    public ValidatedField partyKey() {
        return partyKey;
    }

    public ValidatedField interaction() {
        return interaction;
    }

    public ValidatedField from() {
        return from;
    }

    public ValidatedField to() {
        return to;
    }

    public ObservableList<MessageStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<TimeRange> rangeProperty() {
        return range;
    }

    public BooleanProperty oldestFirstProperty() {
        return oldestFirst;
    }

    public StringProperty siteProperty() {
        return site;
    }

    public StringProperty signatureProperty() {
        return signature;
    }

    public ObjectProperty<UUID> endpointIdProperty() {
        return endpointId;
    }

    public StringProperty formErrorProperty() {
        return formError;
    }

    /** A note about the last search (a pasted id that was a conversation's), or "". */
    public StringProperty noticeProperty() {
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

    public ObservableList<SavedSearch> saved() {
        return saved;
    }
}
