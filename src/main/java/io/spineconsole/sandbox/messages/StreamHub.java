package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * The live message stream: every status change gets an increasing event id and is kept for
 * resuming (the last 5 minutes or 100,000 events, whichever is more, up to a hard cap), and is
 * offered to each subscriber's bounded queue. A subscriber that reads too slowly loses events,
 * counted, rather than slowing ingest or growing without bound.
 */
public final class StreamHub implements AutoCloseable {
    static final int RETAIN_EVENTS = 100_000;
    static final int RETAIN_CAP = 1_000_000;
    static final Duration RETAIN_TIME = Duration.ofMinutes(5);
    static final int SUBSCRIBER_BUFFER = 10_000;

    /** One stream event: a message's status change, or (with {@code alert} set, and no message) an alert's change. */
    public record Entry(long id, MessageSummary message, boolean isNew, AlertChanged alert) {
        public Entry(long id, MessageSummary message, boolean isNew) {
            this(id, message, isNew, null);
        }
    }

    /** Where a resume request lands. */
    public enum Resume { LIVE, RESUMED, EXPIRED, FROM_ANOTHER_RUN }

    private final Clock clock;
    private final ArrayDeque<Entry> retained = new ArrayDeque<>();
    private final ArrayDeque<Instant> retainedAt = new ArrayDeque<>();
    private final Set<Subscription> subscribers = new CopyOnWriteArraySet<>();
    /** Ids start from the clock, so ids stay increasing across restarts and an old id is recognised. */
    private final long firstId;
    private long nextId;
    private volatile boolean closed;

    StreamHub(Clock clock) {
        this.clock = clock;
        this.firstId = clock.millis() * 1_000;
        this.nextId = firstId;
    }

    /** Events a subscriber lost because it read too slowly: how many, since when. */
    public record Dropped(long count, Instant since) {
    }

    /** A subscriber's queue, drop count and filter. */
    public final class Subscription implements AutoCloseable {
        final StreamFilter filter;
        /** Alert changes only, no messages ({@code include=alerts}). */
        final boolean alertsOnly;
        final BlockingQueue<Entry> queue;
        private long dropped;
        private Instant droppedSince;
        Resume resume = Resume.LIVE;
        Long oldestRetained;

        Subscription(StreamFilter filter, boolean alertsOnly, int capacity) {
            this.filter = filter;
            this.alertsOnly = alertsOnly;
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        void offer(Entry e, Instant now) {
            // Alert changes concern everyone, whatever the filter; messages only the readers that want them.
            if (e.alert() == null && (alertsOnly || (filter.newOnly() && !e.isNew()) || !filter.matches(e.message()))) {
                return;
            }
            if (!queue.offer(e)) {
                synchronized (this) {
                    if (dropped == 0) {
                        droppedSince = now;
                    }
                    dropped++;
                }
            }
        }

        /** Where the subscription started: live, resumed, or unable to resume. */
        public Resume resume() {
            return resume;
        }

        /** The oldest event id retained when the subscription started; null when none was. */
        public Long oldestRetained() {
            return oldestRetained;
        }

        /** Events dropped since the last call, and since when (null when none were); resets the count. */
        public synchronized Dropped takeDropped() {
            if (dropped == 0) {
                return null;
            }
            Dropped out = new Dropped(dropped, droppedSince);
            dropped = 0;
            droppedSince = null;
            return out;
        }

        /** The next event, waiting up to {@code timeoutMillis}; null when none came (or the hub closed). */
        public Entry next(long timeoutMillis) throws InterruptedException {
            return closed ? null : queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        }

        /** The next event if one is waiting, else null. */
        public Entry poll() {
            return queue.poll();
        }

        public boolean hubClosed() {
            return closed;
        }

        @Override
        public void close() {
            subscribers.remove(this);
        }
    }

    /**
     * Subscribes; with {@code lastEventId} the retained events after it come first, with no gap
     * or repeat between them and live events (both happen under the publishing lock).
     */
    public Subscription subscribe(StreamFilter filter, Long lastEventId) {
        return subscribe(filter, lastEventId, false);
    }

    /** The same; with {@code alertsOnly}, the subscriber gets alert changes and no messages. */
    public Subscription subscribe(StreamFilter filter, Long lastEventId, boolean alertsOnly) {
        return subscribe(filter, lastEventId, alertsOnly, SUBSCRIBER_BUFFER);
    }

    synchronized Subscription subscribe(StreamFilter filter, Long lastEventId, int capacity) {
        return subscribe(filter, lastEventId, false, capacity);
    }

    synchronized Subscription subscribe(StreamFilter filter, Long lastEventId, boolean alertsOnly, int capacity) {
        Subscription s = new Subscription(filter, alertsOnly, capacity);
        s.oldestRetained = retained.isEmpty() ? null : retained.peekFirst().id();
        if (lastEventId != null) {
            Instant now = clock.instant();
            if (lastEventId < firstId || lastEventId >= nextId) {
                s.resume = Resume.FROM_ANOTHER_RUN;
            } else if (s.oldestRetained == null || lastEventId < s.oldestRetained - 1) {
                s.resume = Resume.EXPIRED;
            } else {
                s.resume = Resume.RESUMED;
                for (Entry e : retained) {
                    if (e.id() > lastEventId) {
                        s.offer(e, now);
                    }
                }
            }
        }
        subscribers.add(s);
        return s;
    }

    /** Publishes status changes in order; returns the id of the last. */
    synchronized void publish(List<Entry> changes) {
        // Entries arrive without ids; ids are given here so they are increasing in publish order.
        Instant now = clock.instant();
        for (Entry change : changes) {
            Entry e = new Entry(nextId++, change.message(), change.isNew(), change.alert());
            retained.addLast(e);
            retainedAt.addLast(now);
            for (Subscription s : subscribers) {
                s.offer(e, now);
            }
        }
        trim(now);
    }

    /** Publishes alert changes to every subscriber, in order, among the message events (and kept for resuming alike). */
    public void publishAlerts(List<AlertChanged> changes) {
        if (!changes.isEmpty()) {
            publish(changes.stream().map(c -> new Entry(0, null, false, c)).toList());
        }
    }

    private void trim(Instant now) {
        Instant horizon = now.minus(RETAIN_TIME);
        while (retained.size() > RETAIN_CAP || (retained.size() > RETAIN_EVENTS && retainedAt.peekFirst().isBefore(horizon))) {
            retained.removeFirst();
            retainedAt.removeFirst();
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Iterator<Subscription> it = subscribers.iterator(); it.hasNext(); ) {
            it.next().close();
        }
        // A closed hub is never read again: the events kept for resuming streams can go.
        retained.clear();
        retainedAt.clear();
    }
}
