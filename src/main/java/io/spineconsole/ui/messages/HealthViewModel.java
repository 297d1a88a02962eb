package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.messages.EndpointHealth;
import io.spineconsole.domain.messages.EndpointHealthQuery;
import io.spineconsole.domain.messages.HealthGroup;
import io.spineconsole.domain.messages.HealthSort;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.util.List;

/**
 * Endpoint health: one row per receiving endpoint (or per organisation) over a window, worst first
 * by default, sorted, filtered and paged by the server. Every figure leads to the messages behind it
 * (a search narrowed to the receiver and the matching statuses), failures first.
 */
public final class HealthViewModel {
    static final List<TimeRange> WINDOWS = List.of(TimeRange.LAST_15_MINUTES, TimeRange.LAST_HOUR,
            TimeRange.LAST_6_HOURS, TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS);

    /** What a figure stands for, and so which messages it leads to. */
    public enum Figure {
        RECEIVED, DELIVERED, FAILED, RETRYING, DEAD_LETTERED, IN_FLIGHT;

        /** The statuses of the messages behind the figure (none: every message received). */
        List<MessageStatus> statuses() {
            return switch (this) {
                case RECEIVED -> List.of();
                case DELIVERED -> List.of(MessageStatus.DELIVERED, MessageStatus.ACKNOWLEDGED);
                case FAILED -> List.copyOf(MessageStatuses.FAILED);
                case RETRYING -> List.of(MessageStatus.RETRYING);
                case DEAD_LETTERED -> List.of(MessageStatus.DEAD_LETTERED);
                case IN_FLIGHT -> List.of(MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.RETRYING);
            };
        }

        /** Figures of the backlog now are not bounded by the window: their search reaches as far back as it can. */
        boolean now() {
            return this == RETRYING || this == IN_FLIGHT;
        }
    }

    /** Where a drill-down goes: the search, narrowed as given. */
    public interface Drill {
        void search(EndpointHealth row, List<MessageStatus> statuses, TimeRange window);
    }

    private final PagedList<EndpointHealth> rows;
    private final ObjectProperty<TimeRange> window = new SimpleObjectProperty<>(TimeRange.LAST_HOUR);
    private final ObjectProperty<HealthGroup> groupBy = new SimpleObjectProperty<>(HealthGroup.ENDPOINT);
    private final ObjectProperty<HealthSort> sort = new SimpleObjectProperty<>(HealthSort.WORST);
    private final BooleanProperty reverse = new SimpleBooleanProperty();
    private final BooleanProperty failingOnly = new SimpleBooleanProperty();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Instant> from = new SimpleObjectProperty<>();
    private final Debouncer debouncer;
    private MessagesApi api;
    private Drill drill = (row, statuses, w) -> { };
    private boolean loaded;
    private volatile Instant answeredFrom;

    public HealthViewModel(UiExecutor ui, I18n i18n, Debouncer debouncer) {
        this.rows = new PagedList<>(ui, i18n);
        this.debouncer = debouncer;
        window.addListener((o, a, b) -> load());
        groupBy.addListener((o, a, b) -> load());
        sort.addListener((o, a, b) -> load());
        reverse.addListener((o, a, b) -> load());
        failingOnly.addListener((o, a, b) -> load());
        filter.addListener((o, a, b) -> debouncer.submit(this::load));
        rows.items().addListener((javafx.collections.ListChangeListener<EndpointHealth>) c -> from.set(answeredFrom));
    }

    public void connect(MessagesApi newApi) {
        rows.clear();
        api = newApi;
        loaded = false;
    }

    void onDrill(Drill to) {
        drill = to;
    }

    /** Loads the first page with the choices made (the rows shown stay until it answers). */
    public void load() {
        if (api == null) {
            return;
        }
        loaded = true;
        String text = filter.get() == null || filter.get().isBlank() ? null : filter.get().strip();
        EndpointHealthQuery q = new EndpointHealthQuery(window.get().length(), groupBy.get(), sort.get(), reverse.get(),
                text, null, failingOnly.get(), 100, null);
        MessagesApi calls = api;
        rows.load(cursor -> calls.endpointHealth(q.withCursor(cursor)).thenApply(p -> {
            answeredFrom = p.from(); // off the UI thread: the property follows when the rows land
            return new Page<>(p.items(), p.nextCursor(), p.approximateTotal(), p.totalIsExact());
        }));
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    public void dispose() {
        debouncer.cancel();
        rows.cancel();
    }

    /** Shows the messages behind one figure of a row in the search. */
    public void drill(EndpointHealth row, Figure figure) {
        if (row == null) {
            return;
        }
        drill.search(row, figure.statuses(), figure.now() ? TimeRange.LAST_31_DAYS : window.get());
    }

    /** The row's most telling messages: its failures when it has any, else its backlog, else all it received. */
    public void drillWorst(EndpointHealth row) {
        if (row == null) {
            return;
        }
        drill(row, row.failed() > 0 ? Figure.FAILED : row.inFlight() > 0 ? Figure.IN_FLIGHT : Figure.RECEIVED);
    }

    public PagedList<EndpointHealth> rows() {
        return rows;
    }

    public ObjectProperty<TimeRange> windowProperty() {
        return window;
    }

    public ObjectProperty<HealthGroup> groupByProperty() {
        return groupBy;
    }

    public ObjectProperty<HealthSort> sortProperty() {
        return sort;
    }

    public BooleanProperty reverseProperty() {
        return reverse;
    }

    public BooleanProperty failingOnlyProperty() {
        return failingOnly;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Where the counted window starts (the clock hour the window begins in), once loaded. */
    public ObjectProperty<Instant> fromProperty() {
        return from;
    }
}
