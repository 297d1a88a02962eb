package io.spineconsole.ui.messages;

import io.spineconsole.api.LiveStream;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.testing.FakeMessagesApi;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveTailViewModelTest {
    private TestServices t;
    private FakeMessagesApi api;
    private LiveTailViewModel live;
    private long now;

    @BeforeEach
    void setUp() {
        t = new TestServices();
        api = new FakeMessagesApi();
        live = new LiveTailViewModel(t.i18n);
        live.connect(filter -> api.stream(filter, LiveTailViewModel.STREAM_BUFFER));
        live.start(StreamFilter.everything(), "every message");
    }

    private void pump() {
        now += 250_000_000L;
        live.pump(now);
    }

    private static MessageSummary[] messages(int n) {
        MessageSummary[] m = new MessageSummary[n];
        for (int i = 0; i < n; i++) {
            m[i] = FakeMessagesApi.summary(MessageStatus.RECEIVED);
        }
        return m;
    }

    @Test
    void aBatchLandsAsOneChangeNewestOnTop() {
        MessageSummary[] batch = messages(800);
        api.stream.push(batch);
        List<Integer> changes = new ArrayList<>();
        live.rows().addListener((ListChangeListener<LiveTailViewModel.LiveRow>) c -> changes.add(1));
        pump();
        assertEquals(800, live.rows().size());
        assertEquals(1, changes.size(), "one change for the whole batch, not one per message");
        assertEquals(batch[799].messageId(), live.rows().get(0).id(), "newest on top");
        assertEquals(800, live.receivedProperty().get());
    }

    @Test
    void aStatusChangeUpdatesItsRowInPlace() {
        UUID id = UUID.randomUUID();
        api.stream.push(FakeMessagesApi.summary(id, MessageStatus.RECEIVED));
        pump();
        api.stream.push(messages(3));
        api.stream.push(FakeMessagesApi.summary(id, MessageStatus.ROUTED), FakeMessagesApi.summary(id, MessageStatus.NACKED));
        pump();
        assertEquals(4, live.rows().size(), "one row per message");
        LiveTailViewModel.LiveRow row = live.rows().get(3);
        assertEquals(id, row.id());
        assertEquals(MessageStatus.NACKED, row.message().status(), "its latest status");
        assertEquals(1, row.updates());
    }

    @Test
    void theTableKeepsTheNewestRowsUpToItsLimit() {
        api.stream.push(messages(LiveTailViewModel.ROW_LIMIT - 100));
        pump();
        MessageSummary[] more = messages(3_000);
        api.stream.push(more);
        pump();
        assertEquals(LiveTailViewModel.ROW_LIMIT, live.rows().size());
        assertEquals(more[2_999].messageId(), live.rows().get(0).id());
        // A row let go is forgotten: the same id again is a new row on top, not an update.
        MessageSummary evicted = live.rows().get(live.rows().size() - 1).message();
        api.stream.push(messages(1));
        pump();
        assertFalse(live.rows().stream().anyMatch(r -> r.id().equals(evicted.messageId())));
    }

    @Test
    void pausedItHoldsWhatArrivesAndShowsItOnResume() {
        api.stream.push(messages(10));
        pump();
        live.pause();
        api.stream.push(messages(25));
        pump();
        assertEquals(10, live.rows().size(), "the table stands still");
        assertEquals(25, live.heldProperty().get());
        assertEquals(0, api.stream.buffer.size(), "the stream is still read, so nothing is lost on the wire");
        live.resume();
        assertEquals(35, live.rows().size());
        assertEquals(0, live.heldProperty().get());
        assertEquals(0, live.droppedProperty().get());
    }

    @Test
    void pausedTooLongTheOldestHeldAreDroppedAndCounted() {
        live.pause();
        api.stream.push(messages(LiveTailViewModel.ROW_LIMIT + 150));
        pump();
        assertEquals(LiveTailViewModel.ROW_LIMIT, live.heldProperty().get());
        assertEquals(150, live.droppedWhilePausedProperty().get());
        assertEquals(150, live.droppedProperty().get());
    }

    @Test
    void dropsByTheStreamAndGapsAreShown() {
        api.stream.dropped = 42;
        api.stream.resets = 1;
        pump();
        assertEquals(42, live.droppedProperty().get());
        assertEquals(42, live.droppedByStreamProperty().get());
        assertEquals(1, live.resetsProperty().get());
        live.clear();
        assertEquals(0, live.droppedProperty().get(), "clear starts the counts again");
        api.stream.dropped = 50;
        pump();
        assertEquals(8, live.droppedProperty().get());
    }

    @Test
    void aChangedFilterOpensANewStreamAndKeepsTheDropCount() {
        api.stream.dropped = 5;
        pump();
        FakeMessagesApi.FakeLiveStream first = api.stream;
        StreamFilter failures = new StreamFilter(null, "RR8", null, null, null, List.of(MessageStatus.NACKED), null, null,
                false);
        live.start(failures, "ODS RR8; status NACKed");
        assertEquals(LiveStream.State.CLOSED, first.state(), "the old stream is closed");
        assertEquals(failures, api.streams.get(api.streams.size() - 1));
        pump();
        assertEquals(5, live.droppedProperty().get());
        assertEquals("ODS RR8; status NACKed", live.filterTextProperty().get());
    }

    @Test
    void aStreamTheServerEndsIsReportedNotSilentlyRetried() {
        api.stream.state = LiveStream.State.CLOSED;
        pump();
        assertFalse(live.runningProperty().get());
        assertEquals(t.i18n.get("messages.live.closed"), live.errorProperty().get());
    }

    @Test
    void theRateIsMeasuredOverAboutASecond() {
        pump();
        for (int i = 0; i < 4; i++) {
            api.stream.push(messages(800));
            pump();
        }
        assertEquals(3_200, live.rateProperty().get(), 1);
        live.stop();
        assertTrue(live.rateProperty().get() == 0 && !live.runningProperty().get());
    }
}
