package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.FailureGroupQuery;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Failures grouped by error signature (status, code, interaction, recipient), largest first, over a
 * window: each group leads to its messages, to the registration most likely at fault, and to a
 * redelivery job over the group once the cause is fixed.
 */
public final class FailuresViewModel {
    static final List<TimeRange> WINDOWS = List.of(TimeRange.LAST_HOUR, TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS,
            TimeRange.LAST_31_DAYS);
    private final PagedList<FailureGroup> groups;
    private final ObjectProperty<TimeRange> window = new SimpleObjectProperty<>(TimeRange.LAST_24_HOURS);
    private final Clock clock;
    private final ObjectProperty<Instant> loadedAt = new SimpleObjectProperty<>();
    private MessagesApi api;
    private Instant windowEnd;

    public FailuresViewModel(UiExecutor ui, I18n i18n, Clock clock) {
        this.groups = new PagedList<>(ui, i18n);
        this.clock = clock;
    }

    public void connect(MessagesApi newApi) {
        groups.clear();
        api = newApi;
        windowEnd = null;
    }

    /** Loads the groups over the window chosen (ending now). */
    public void load() {
        if (api == null) {
            return;
        }
        Instant end = clock.instant();
        Instant start = end.minus(window.get().length());
        windowEnd = end;
        loadedAt.set(end);
        MessagesApi calls = api;
        groups.load(cursor -> calls.failureGroups(new FailureGroupQuery(start, end, null, null, null, null, 100, cursor)));
    }

    /** Loads unless loaded once already (the tab was shown again). */
    void loadIfNeeded() {
        if (windowEnd == null) {
            load();
        }
    }

    public void dispose() {
        groups.cancel();
    }

    /** A redelivery job's filter over every message of the group in the window. */
    MessageFilter redeliveryFilter(FailureGroup g) {
        Instant end = windowEnd != null ? windowEnd : clock.instant();
        return new MessageFilter(null, null, null, null, null, List.of(g.status()), null, null, g.signature(),
                end.minus(window.get().length()), clock.instant());
    }

    public PagedList<FailureGroup> groups() {
        return groups;
    }

    /** When the groups shown were counted: a tile counted at another time may differ, and the list says so. */
    public ObjectProperty<Instant> loadedAtProperty() {
        return loadedAt;
    }

    public ObjectProperty<TimeRange> windowProperty() {
        return window;
    }
}
