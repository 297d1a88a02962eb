package io.spineconsole.ui.messages;

import io.spineconsole.api.LiveStream;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The live tail: the server's message stream in a table that keeps up with the national peak. The
 * stream's own bounded buffer collects messages on its reader thread; the view calls {@link #pump}
 * a few times a second on the UI thread, which takes everything buffered in one go and applies it
 * as one change: a message seen again updates its row (the stream sends each status change), a new
 * one goes on top, and the table keeps at most {@link #ROW_LIMIT} rows. Paused, it keeps reading
 * (so nothing is lost on the wire) into a holding area of the same size, shown on resume. Anything
 * lost — by the server for a slow reader, by the buffer when full, or held too long while paused —
 * is counted and shown.
 */
public final class LiveTailViewModel {
    /** Rows kept in the table: the newest, by first arrival. */
    public static final int ROW_LIMIT = 10_000;
    /** The stream's buffer between two pumps: at 3,200 msg/s with four events each, several seconds. */
    static final int STREAM_BUFFER = 60_000;

    /** One row of the tail: a message and its latest status, updated in place as it moves on. */
    public static final class LiveRow {
        private final UUID id;
        private final ReadOnlyObjectWrapper<MessageSummary> message;
        private int updates;

        LiveRow(MessageSummary m) {
            this.id = m.messageId();
            this.message = new ReadOnlyObjectWrapper<>(m);
        }

        public UUID id() {
            return id;
        }

        public MessageSummary message() {
            return message.get();
        }

        public ReadOnlyObjectProperty<MessageSummary> messageProperty() {
            return message.getReadOnlyProperty();
        }

        /** Status changes seen after the first. */
        public int updates() {
            return updates;
        }

        void update(MessageSummary m) {
            updates++;
            message.set(m);
        }
    }

    private final I18n i18n;
    private final ObservableList<LiveRow> rows = FXCollections.observableArrayList();
    private final Map<UUID, LiveRow> byId = new HashMap<>();
    private final RowInterner interner = new RowInterner();
    private final LinkedHashMap<UUID, MessageSummary> held = new LinkedHashMap<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ObjectProperty<LiveStream.State> state = new SimpleObjectProperty<>(LiveStream.State.CLOSED);
    private final LongProperty dropped = new SimpleLongProperty();
    private final LongProperty droppedByStream = new SimpleLongProperty();
    private final LongProperty droppedWhilePaused = new SimpleLongProperty();
    private final LongProperty resets = new SimpleLongProperty();
    private final LongProperty received = new SimpleLongProperty();
    private final LongProperty heldCount = new SimpleLongProperty();
    private final DoubleProperty rate = new SimpleDoubleProperty();
    private final BooleanProperty newOnly = new SimpleBooleanProperty();
    private final BooleanProperty useSearchFilter = new SimpleBooleanProperty(true);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");

    private Function<StreamFilter, LiveStream> opener;
    private StreamFilter lastFilter;
    private LiveStream stream;
    // Counts carried over from streams closed earlier in this tail (a filter change opens a new stream),
    // and the counts of the open stream when the tail was last cleared.
    private long droppedByStreamBase;
    private long resetsBase;
    private long droppedByClosedStreams;
    private long resetsOfClosedStreams;
    private long rateWindowStart = -1;
    private long rateWindowCount;

    public LiveTailViewModel(I18n i18n) {
        this.i18n = i18n;
    }

    /** How to open a stream in the session (null when there is none). */
    public void connect(Function<StreamFilter, LiveStream> streamOpener) {
        stop();
        clear();
        lastFilter = null;
        this.opener = streamOpener;
    }

    /** Opens the stream with {@code filter} (closing one already open); {@code description} names the filter. */
    public void start(StreamFilter filter, String description) {
        closeStream();
        if (!filter.equals(lastFilter)) {
            // Rows of another filter would mislead: start afresh (the drop counts carry on).
            rows.clear();
            byId.clear();
            held.clear();
            heldCount.set(0);
        }
        lastFilter = filter;
        error.set("");
        errorDetail.set("");
        filterText.set(description);
        if (opener == null) {
            return;
        }
        try {
            stream = opener.apply(filter);
        } catch (RuntimeException e) {
            error.set(ErrorText.sentence(i18n, e));
            errorDetail.set(ErrorText.detail(e));
            running.set(false);
            return;
        }
        droppedByStreamBase = 0;
        resetsBase = 0;
        running.set(true);
        state.set(stream.state());
        rateWindowStart = -1;
    }

    /** Closes the stream; the rows stay. */
    public void stop() {
        closeStream();
        running.set(false);
        paused.set(false);
        flushHeld();
        state.set(LiveStream.State.CLOSED);
        rate.set(0);
    }

    private void closeStream() {
        if (stream != null) {
            droppedByClosedStreams += stream.dropped();
            resetsOfClosedStreams += stream.resets();
            stream.close();
            stream = null;
        }
    }

    public void pause() {
        if (running.get()) {
            paused.set(true);
        }
    }

    /** Shows what arrived while paused, then goes on live. */
    public void resume() {
        paused.set(false);
        flushHeld();
    }

    public void togglePause() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Empties the table and the counts (the stream, if open, goes on). */
    public void clear() {
        rows.clear();
        byId.clear();
        held.clear();
        heldCount.set(0);
        received.set(0);
        droppedWhilePaused.set(0);
        droppedByClosedStreams = 0;
        resetsOfClosedStreams = 0;
        droppedByStreamBase = stream == null ? 0 : stream.dropped();
        resetsBase = stream == null ? 0 : stream.resets();
        updateCounts();
    }

    /**
     * Takes everything the stream buffered since the last call and applies it as one update. Call on
     * the UI thread a few times a second; {@code nanoTime} is {@link System#nanoTime()} (tests pass their own).
     */
    public void pump(long nanoTime) {
        if (stream == null) {
            return;
        }
        state.set(stream.state());
        if (stream.state() == LiveStream.State.CLOSED && running.get()) {
            running.set(false);
            error.set(i18n.get("messages.live.closed"));
            errorDetail.set(i18n.get("messages.live.closedDetail"));
        }
        List<MessageSummary> batch = stream.drain(STREAM_BUFFER);
        received.set(received.get() + batch.size());
        if (paused.get()) {
            hold(batch);
        } else {
            apply(batch);
        }
        updateCounts();
        updateRate(nanoTime, batch.size());
    }

    private void hold(List<MessageSummary> batch) {
        for (MessageSummary m : batch) {
            held.put(m.messageId(), m);
        }
        int over = held.size() - ROW_LIMIT;
        if (over > 0) {
            Iterator<UUID> oldest = held.keySet().iterator();
            for (int i = 0; i < over; i++) {
                oldest.next();
                oldest.remove();
            }
            droppedWhilePaused.set(droppedWhilePaused.get() + over);
        }
        heldCount.set(held.size());
    }

    private void flushHeld() {
        if (held.isEmpty()) {
            return;
        }
        List<MessageSummary> waiting = new ArrayList<>(held.values());
        held.clear();
        heldCount.set(0);
        apply(waiting);
    }

    /** Applies a batch as one change: updates in place, new rows on top, the oldest beyond the limit let go. */
    private void apply(List<MessageSummary> batch) {
        if (batch.isEmpty()) {
            return;
        }
        LinkedHashMap<UUID, MessageSummary> latest = new LinkedHashMap<>();
        for (MessageSummary m : batch) {
            latest.put(m.messageId(), m);
        }
        // What stays in the table shares its repeated values: a smaller live set for the collector to copy.
        latest.replaceAll((id, m) -> interner.intern(m));
        List<LiveRow> fresh = new ArrayList<>();
        for (MessageSummary m : latest.values()) {
            LiveRow row = byId.get(m.messageId());
            if (row != null) {
                row.update(m);
            } else {
                fresh.add(new LiveRow(m));
            }
        }
        if (fresh.size() > ROW_LIMIT) {
            fresh = fresh.subList(fresh.size() - ROW_LIMIT, fresh.size());
        }
        for (LiveRow r : fresh) {
            byId.put(r.id(), r);
        }
        Collections.reverse(fresh);
        rows.addAll(0, fresh);
        if (rows.size() > ROW_LIMIT) {
            List<LiveRow> evicted = rows.subList(ROW_LIMIT, rows.size());
            for (LiveRow r : evicted) {
                byId.remove(r.id());
            }
            evicted.clear();
        }
    }

    private void updateCounts() {
        long streamDrops = droppedByClosedStreams + (stream == null ? 0 : stream.dropped()) - droppedByStreamBase;
        droppedByStream.set(Math.max(0, streamDrops));
        dropped.set(droppedByStream.get() + droppedWhilePaused.get());
        resets.set(Math.max(0, resetsOfClosedStreams + (stream == null ? 0 : stream.resets()) - resetsBase));
    }

    private void updateRate(long now, int count) {
        if (rateWindowStart < 0) {
            rateWindowStart = now;
            rateWindowCount = 0;
            return;
        }
        rateWindowCount += count;
        long elapsed = now - rateWindowStart;
        if (elapsed >= 1_000_000_000L) {
            rate.set(rateWindowCount * 1e9 / elapsed);
            rateWindowStart = now;
            rateWindowCount = 0;
        }
    }

    // ---- properties ---------------------------------------------------------------------------------------------

    public ObservableList<LiveRow> rows() {
        return rows;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ObjectProperty<LiveStream.State> stateProperty() {
        return state;
    }

    /** Everything lost: by the stream (server or buffer) and while paused. */
    public LongProperty droppedProperty() {
        return dropped;
    }

    public LongProperty droppedByStreamProperty() {
        return droppedByStream;
    }

    public LongProperty droppedWhilePausedProperty() {
        return droppedWhilePaused;
    }

    /** Times the stream could not resume where it was (a gap a search fills). */
    public LongProperty resetsProperty() {
        return resets;
    }

    /** Stream events taken so far (each status change is one). */
    public LongProperty receivedProperty() {
        return received;
    }

    /** Messages held while paused, shown on resume. */
    public LongProperty heldProperty() {
        return heldCount;
    }

    /** Events a second, over the last second or so. */
    public DoubleProperty rateProperty() {
        return rate;
    }

    public BooleanProperty newOnlyProperty() {
        return newOnly;
    }

    public BooleanProperty useSearchFilterProperty() {
        return useSearchFilter;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty errorDetailProperty() {
        return errorDetail;
    }
}
