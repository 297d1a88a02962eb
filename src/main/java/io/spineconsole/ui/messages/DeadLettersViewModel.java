package io.spineconsole.ui.messages;

import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.DeadLetterQuery;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Dead letters (messages parked for a person), newest first, with why and whether they were redelivered. */
public final class DeadLettersViewModel {
    static final List<TimeRange> WINDOWS = List.of(TimeRange.LAST_24_HOURS, TimeRange.LAST_7_DAYS, TimeRange.LAST_31_DAYS);

    /** Which dead letters to list. */
    enum Show { WAITING, REDELIVERED, ALL }

    private final PagedList<DeadLetter> letters;
    private final ObjectProperty<TimeRange> window = new SimpleObjectProperty<>(TimeRange.LAST_7_DAYS);
    private final ObjectProperty<Show> show = new SimpleObjectProperty<>(Show.WAITING);
    private final Clock clock;
    private MessagesApi api;
    private boolean loaded;

    public DeadLettersViewModel(UiExecutor ui, I18n i18n, Clock clock) {
        this.letters = new PagedList<>(ui, i18n);
        this.clock = clock;
    }

    public void connect(MessagesApi newApi) {
        letters.clear();
        api = newApi;
        loaded = false;
    }

    public void load() {
        if (api == null) {
            return;
        }
        loaded = true;
        Instant end = clock.instant();
        Instant start = end.minus(window.get().length());
        Boolean redelivered = switch (show.get()) {
            case WAITING -> Boolean.FALSE;
            case REDELIVERED -> Boolean.TRUE;
            case ALL -> null;
        };
        MessagesApi calls = api;
        letters.load(cursor -> calls.deadLetters(new DeadLetterQuery(null, null, null, null, start, end, redelivered,
                100, cursor)));
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    public void dispose() {
        letters.cancel();
    }

    public PagedList<DeadLetter> letters() {
        return letters;
    }

    public ObjectProperty<TimeRange> windowProperty() {
        return window;
    }

    public ObjectProperty<Show> showProperty() {
        return show;
    }
}
