package io.spineconsole.ui.registrations;

import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Identifiers;
import io.spineconsole.domain.RuleIssue;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.registrations.RegistrationStatus;
import io.spineconsole.domain.registrations.OrganisationKind;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ValidatedField;
import io.spineconsole.ui.common.ViewMemory;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One registration list (organisations, accredited systems or endpoints) searched on the server: free
 * text and filters typed by the user are debounced into one query, the stale query is cancelled, and the
 * rows arrive a page at a time for a virtualised table. A filter value that cannot be valid (a malformed
 * ODS code) is shown on its field and not sent. The filters are remembered between runs and can be
 * copied as a console link.
 *
 * @param <T> the record type
 */
public final class RecordListViewModel<T> {
    public static final int PAGE_SIZE = 100;

    private final RecordKind<T> kind;
    private final I18n i18n;
    private final ViewMemory memory;
    private final Debouncer debouncer;
    private final PagedList<T> list;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableSet<RegistrationStatus> statuses = FXCollections.observableSet(EnumSet.noneOf(RegistrationStatus.class));
    private final ObjectProperty<OrganisationKind> organisationKind = new SimpleObjectProperty<>();
    private final ValidatedField parent = new ValidatedField(v -> optionalCode(v, Identifiers::checkOdsCode));
    private final ValidatedField ods = new ValidatedField(v -> optionalCode(v, Identifiers::checkOdsCode));
    private final ValidatedField partyKey = new ValidatedField(v -> optionalCode(v, Identifiers::checkPartyKey));
    private final ValidatedField interaction = new ValidatedField(v -> v.isBlank() ? ""
            : Identifiers.checkInteractionId(v.strip()).map(this::words).orElse(""));
    private final ObjectProperty<MessagingPattern> pattern = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> expiringWithinDays = new SimpleObjectProperty<>();
    private final StringProperty sort;
    private final StringBinding summary;
    private RegistrationsApi api;
    private boolean applying;

    public RecordListViewModel(RecordKind<T> kind, UiExecutor ui, I18n i18n, ViewMemory memory, Debouncer debouncer) {
        this.kind = kind;
        this.i18n = i18n;
        this.memory = memory;
        this.debouncer = debouncer;
        this.list = new PagedList<>(ui, i18n);
        this.sort = new SimpleStringProperty(kind.defaultSort());
        ChangeListener<Object> changed = (o, a, b) -> filtersChanged();
        query.addListener(changed);
        organisationKind.addListener(changed);
        parent.valueProperty().addListener(changed);
        ods.valueProperty().addListener(changed);
        partyKey.valueProperty().addListener(changed);
        interaction.valueProperty().addListener(changed);
        pattern.addListener(changed);
        expiringWithinDays.addListener(changed);
        sort.addListener(changed);
        statuses.addListener((SetChangeListener<RegistrationStatus>) c -> filtersChanged());
        NumberFormat n = NumberFormat.getIntegerInstance(i18n.locale());
        summary = Bindings.createStringBinding(() -> {
            LoadState state = list.stateProperty().get();
            String noun = Labels.noun(i18n, kind);
            if (state == LoadState.LOADING && list.items().isEmpty()) {
                return i18n.get("registrations.list.searching");
            }
            if (state == LoadState.EMPTY) {
                return i18n.get("registrations.list.none", noun);
            }
            if (list.items().isEmpty()) {
                return "";
            }
            String shown = n.format(list.items().size());
            String total = n.format(list.approximateTotalProperty().get());
            return list.totalIsExactProperty().get() ? i18n.get("registrations.list.showing", shown, total, noun)
                    : i18n.get("registrations.list.showingAbout", shown, total, noun);
        }, list.stateProperty(), list.items(), list.approximateTotalProperty(), list.totalIsExactProperty());
        memory.recall(memoryKey()).flatMap(ConsoleLink::parse).ifPresent(this::applyQuietly);
    }

    /** Starts listing for a (new) session. */
    public void connect(RegistrationsApi newApi) {
        debouncer.cancel();
        list.clear();
        api = newApi;
        search();
    }

    /** Stops: cancels the query in flight and the one waiting, and forgets the rows. */
    public void dispose() {
        debouncer.cancel();
        list.clear();
        api = null;
    }

    /** Runs the query now (the debounced path ends here). A filter that cannot be valid is not sent. */
    public void search() {
        debouncer.cancel();
        if (api == null || !filterValid()) {
            return;
        }
        RegistrationFilter filter = filter();
        memory.remember(memoryKey(), link().toString());
        RegistrationsApi session = api;
        list.load(cursor -> kind.page(session, filter, cursor, PAGE_SIZE));
    }

    /** Runs the current query again from its first page. */
    public void refresh() {
        search();
    }

    /** The filter as the server takes it (values trimmed and upper-cased where the format is upper case). */
    public RegistrationFilter filter() {
        String q = query.get() == null ? null : query.get().strip();
        return new RegistrationFilter(q == null || q.isEmpty() ? null : q, List.copyOf(sortedStatuses()),
                offered(RecordKind.Filter.ODS, upper(ods)), offered(RecordKind.Filter.KIND, organisationKind.get()),
                offered(RecordKind.Filter.PARENT, upper(parent)),
                offered(RecordKind.Filter.INTERACTION, interaction.valueOrNull()),
                offered(RecordKind.Filter.PATTERN, pattern.get()),
                offered(RecordKind.Filter.PARTY_KEY, upper(partyKey)),
                offered(RecordKind.Filter.CERTIFICATE_EXPIRY, expiringWithinDays.get()), sort.get());
    }

    /** False while a filter field holds a value the server would refuse. */
    public boolean filterValid() {
        return parent.isValid() && ods.isValid() && partyKey.isValid() && interaction.isValid();
    }

    /** How many filters beyond the free text are set (for the "Filters (2)" button). */
    public int activeFilters() {
        int n = statuses.size();
        for (Object v : new Object[] {organisationKind.get(), parent.valueOrNull(), ods.valueOrNull(),
                partyKey.valueOrNull(), interaction.valueOrNull(), pattern.get(), expiringWithinDays.get()}) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    /** Clears every filter and the free text (one query, not one per field). */
    public void clearFilters() {
        applyQuietly(ConsoleLink.of("registrations", kind.path()).with("sort", sort.get()));
        search();
    }

    /** This search as a link a colleague can open: {@code spine-console://registrations/endpoints?ods=RR8}. */
    public ConsoleLink link() {
        RegistrationFilter f = filter();
        ConsoleLink link = ConsoleLink.of("registrations", kind.path()).with("q", f.q())
                .with("status", f.statuses().stream().map(Coded::code).collect(Collectors.joining(",")))
                .with("kind", code(f.kind())).with("parent", f.parent()).with("ods", f.ods())
                .with("partyKey", f.partyKey()).with("interaction", f.interaction()).with("pattern", code(f.pattern()))
                .with("expiring", f.certificateExpiringWithinDays() == null ? null
                        : f.certificateExpiringWithinDays().toString());
        return kind.defaultSort().equals(f.sort()) ? link : link.with("sort", f.sort());
    }

    /** Shows the search a link names (its parameters replace the current filters) and runs it at once. */
    public void apply(ConsoleLink link) {
        applyQuietly(link);
        search();
    }

    /** Puts an updated record in place of its row (a save, a transition), keeping the scroll position. */
    public void replace(T updated) {
        String id = kind.id(updated);
        var items = list.items();
        for (int i = 0; i < items.size(); i++) {
            if (kind.id(items.get(i)).equals(id)) {
                items.set(i, updated);
                return;
            }
        }
    }

    /** Drops a deleted record's row. */
    public void remove(String id) {
        list.items().removeIf(r -> kind.id(r).equals(id));
    }

    private void applyQuietly(ConsoleLink link) {
        applying = true;
        try {
            query.set(link.param("q").orElse(""));
            statuses.clear();
            link.param("status").ifPresent(text -> Arrays.stream(text.split(","))
                    .map(c -> parseCoded(RegistrationStatus.class, c.strip()))
                    .flatMap(Optional::stream).forEach(statuses::add));
            organisationKind.set(link.param("kind").flatMap(c -> parseCoded(OrganisationKind.class, c)).orElse(null));
            parent.valueProperty().set(link.param("parent").orElse(""));
            ods.valueProperty().set(link.param("ods").orElse(""));
            partyKey.valueProperty().set(link.param("partyKey").orElse(""));
            interaction.valueProperty().set(link.param("interaction").orElse(""));
            pattern.set(link.param("pattern").flatMap(c -> parseCoded(MessagingPattern.class, c)).orElse(null));
            expiringWithinDays.set(link.param("expiring").flatMap(RecordListViewModel::days).orElse(null));
            String wanted = link.param("sort").orElse(kind.defaultSort());
            sort.set(sortCodes().contains(wanted) ? wanted : kind.defaultSort());
        } finally {
            applying = false;
        }
    }

    private void filtersChanged() {
        if (!applying && api != null) {
            debouncer.submit(this::search);
        }
    }

    /** Every sort this list offers, ascending and descending. */
    public List<String> sortCodes() {
        List<String> out = new ArrayList<>();
        for (String s : kind.sorts()) {
            out.add(s);
            out.add("-" + s);
        }
        return out;
    }

    private List<RegistrationStatus> sortedStatuses() {
        return Arrays.stream(RegistrationStatus.values()).filter(statuses::contains).toList();
    }

    private <V> V offered(RecordKind.Filter filter, V value) {
        return kind.offers(filter) ? value : null;
    }

    private String memoryKey() {
        return "registrations." + kind.path() + ".search";
    }

    private static String upper(ValidatedField f) {
        String v = f.valueOrNull();
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private String optionalCode(String value, Function<String, Optional<RuleIssue>> rule) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        return v.isEmpty() ? "" : rule.apply(v).map(this::words).orElse("");
    }

    private String words(RuleIssue issue) {
        return i18n.rule(issue);
    }

    private static Optional<Integer> days(String text) {
        try {
            int d = Integer.parseInt(text.strip());
            return d >= 0 && d <= 3650 ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String code(Coded c) {
        return c == null ? null : c.code();
    }

    static <E extends Enum<E> & Coded> Optional<E> parseCoded(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(code)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public RecordKind<T> kind() {
        return kind;
    }

    public PagedList<T> list() {
        return list;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableSet<RegistrationStatus> statuses() {
        return statuses;
    }

    public ObjectProperty<OrganisationKind> organisationKindProperty() {
        return organisationKind;
    }

    public ValidatedField parent() {
        return parent;
    }

    public ValidatedField ods() {
        return ods;
    }

    public ValidatedField partyKey() {
        return partyKey;
    }

    public ValidatedField interaction() {
        return interaction;
    }

    public ObjectProperty<MessagingPattern> patternProperty() {
        return pattern;
    }

    public ObjectProperty<Integer> expiringWithinDaysProperty() {
        return expiringWithinDays;
    }

    public StringProperty sortProperty() {
        return sort;
    }

    /** "Showing 100 of about 1,234 endpoints", "No endpoints match.", "Searching…". */
    public StringBinding summaryProperty() {
        return summary;
    }
}
