package io.spineconsole.ui.messages;

import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ValidatedField;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The search's filters as the user types them, each checked against its NHS format as typed, and
 * the search they describe: the time window (a preset, or a custom from/to in the user's zone),
 * the statuses, and the filters that come from elsewhere (a site, an endpoint, a failure signature).
 * Knows nothing of the server; {@link SearchViewModel} runs what it builds.
 */
public final class SearchForm {
    /** How a custom time is typed: "2025-11-25 14:30", in the user's zone. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final I18n i18n;
    private final MessageText text;
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

    SearchForm(I18n i18n, MessageText text) {
        this.i18n = i18n;
        this.text = text;
        conversationId = new ValidatedField(v -> v.isBlank() || isUuid(v) ? ""
                : i18n.get("messages.search.error.conversationId"));
        ods = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkOdsCode(upper(v)).map(i18n::rule).orElse(""));
        asid = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkAsid(v.strip()).map(i18n::rule).orElse(""));
        partyKey = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkPartyKey(upper(v)).map(i18n::rule).orElse(""));
        interaction = new ValidatedField(v -> v.isBlank() ? "" : Identifiers.checkInteractionId(v.strip()).map(i18n::rule).orElse(""));
        from = new ValidatedField(v -> v.isBlank() || parseTime(v).isPresent() ? "" : i18n.get("messages.search.error.time"));
        to = new ValidatedField(v -> v.isBlank() || parseTime(v).isPresent() ? "" : i18n.get("messages.search.error.time"));
    }

    /**
     * Calls {@code action} whenever a filter the user types or picks changes (not the ones that come
     * from elsewhere: removing one of those searches at once).
     */
    void onTyped(Runnable action) {
        InvalidationListener changed = o -> action.run();
        for (ValidatedField f : typed()) {
            f.valueProperty().addListener(changed);
        }
        statuses.addListener(changed);
        range.addListener(changed);
        oldestFirst.addListener(changed);
    }

    private List<ValidatedField> typed() {
        return List.of(conversationId, ods, asid, partyKey, interaction, from, to);
    }

    /** Every filter back to the last 24 hours of everything. */
    void clear() {
        for (ValidatedField f : typed()) {
            f.reset("");
        }
        statuses.clear();
        range.set(TimeRange.LAST_24_HOURS);
        oldestFirst.set(false);
        site.set("");
        signature.set("");
        endpointId.set(null);
    }

    /** The first problem that stops the search, in a sentence, or "". */
    String problem() {
        for (ValidatedField f : typed()) {
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
                SearchViewModel.PAGE_SIZE, null);
    }

    /** The live stream's filter: the same filters without the time window. */
    StreamFilter streamFilter(boolean newOnly) {
        MessageSearch s = build(text.clock().instant());
        return new StreamFilter(s.conversationId(), s.ods(), s.asid(), s.partyKey(), s.interaction(), s.statuses(),
                s.site(), s.endpointId(), newOnly);
    }

    /** A one-line description of the filters in force (for the live tail, export and job dialogs). */
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

    /** An ISO instant as the user would type it in their zone; the text as given when it is not one. */
    String localInput(String iso) {
        try {
            return LOCAL_INPUT.format(Instant.parse(iso).atZone(text.zone()));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A UUID as typed or pasted (any case, spaces around it allowed). */
    static boolean isUuid(String s) {
        return s != null && UUID_TEXT.matcher(s.strip()).matches();
    }

    static String upper(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- the filters --------------------------------------------------------------------------------------------

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

    /** A site the search is narrowed to (from the charts), or "". */
    public StringProperty siteProperty() {
        return site;
    }

    /** A failure signature the search is narrowed to (from the failures tab), or "". */
    public StringProperty signatureProperty() {
        return signature;
    }

    /** An endpoint the search is narrowed to (from the charts), or null. */
    public ObjectProperty<UUID> endpointIdProperty() {
        return endpointId;
    }
}
