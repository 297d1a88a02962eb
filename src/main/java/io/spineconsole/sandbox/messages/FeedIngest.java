package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a feed ({@code sandbox.feed}) sees of the message store: the change a message event on a topic carries, the
 * same ingest path the simulator writes through ({@link MessageIngest#writeFeed}), the live stream and the backlog
 * every instance fills from the topic, and the simulator's traffic turned towards the topic.
 */
public final class FeedIngest {
    /** What happened to a message: it was received (a new row), or it progressed (events appended to its row). */
    public enum Kind { RECEIVED, PROGRESSED }

    /** A message as it stands after a change, with the change's new timeline events. */
    public record Change(Kind kind, UUID messageId, UUID conversationId, String interaction, MessagingPattern pattern,
                         String fromAsid, String toAsid, String fromPartyKey, String toPartyKey, String fromOds,
                         String toOds, UUID endpointId, String site, MessageStatus status, int attempts, int sizeBytes,
                         Long latencyMs, String errorCode, String errorDescription, UUID redeliveryOf,
                         UUID redeliveryJobId, Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
                         String injected, boolean finished, List<MessageEvent> events) {
        public Change {
            events = List.copyOf(events);
        }
    }

    /** Work done in a feed batch's own transaction (the consumer's offsets, the quarantine). */
    @FunctionalInterface
    public interface InTransaction {
        void run(Connection c) throws SQLException;
    }

    private static final int IN_FLIGHT = 200_000;

    private final MessageIngest ingest;
    private final Rollups rollups;
    private final StreamHub stream;
    private final TrafficSimulator simulator;
    private final RollupStore rollupStore;

    FeedIngest(MessageIngest ingest, Rollups rollups, StreamHub stream, TrafficSimulator simulator, boolean postgres) {
        this.ingest = ingest;
        this.rollups = rollups;
        this.stream = stream;
        this.simulator = simulator;
        this.rollupStore = new RollupStore(postgres);
    }

    /**
     * Several instances now write the store: statistics are read from it rather than from one instance's memory
     * (see {@link Rollups#readFromStore}). Called once, before the feed starts.
     */
    public void shareStore() {
        rollups.flushAll();  // what this instance counted alone so far (a first seeding) is written first
        rollups.readFromStore();
    }

    /**
     * Stores {@code changes} in one transaction with their roll-up counts and {@code also}; throws (nothing written)
     * when the store refuses any of them, so that the caller can try them one by one.
     */
    public void apply(List<Change> changes, InTransaction also) {
        List<MessageRow> inserted = new ArrayList<>();
        List<MessageRow> updated = new ArrayList<>();
        Map<RollupCell.Key, RollupCell> deltas = new HashMap<>();
        for (Change ch : changes) {
            MessageRow row = row(ch);
            boolean received = ch.kind() == Kind.RECEIVED;
            (received ? inserted : updated).add(row);
            if (received || ch.finished()) {
                RollupKeys.count(row, received, ch.finished(), k -> deltas.computeIfAbsent(k, x -> new RollupCell(false)));
            }
        }
        ingest.writeFeed(inserted, updated, c -> {
            also.run(c);
            rollupStore.addDeltas(c, deltas);  // last: the roll-ups' lock is held only until the commit that follows
        });
    }

    /** Whether {@code e} (from {@link #apply}) says that a progressed message is not in the store. */
    public static boolean unknownMessage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MessageIngest.UnknownMessage) {
                return true;
            }
        }
        return false;
    }

    /** Publishes {@code changes} on this instance's live stream and keeps its backlog (every instance sees all). */
    public void observe(List<Change> changes) {
        List<StreamHub.Entry> entries = new ArrayList<>();
        for (Change ch : changes) {
            MessageRow row = row(ch);
            rollups.backlog().record(row);
            MessageIngest.streamEntries(row, ch.kind() == Kind.RECEIVED, entries);
        }
        stream.publish(entries);
    }

    /**
     * From the next tick, the traffic simulator publishes its messages through {@code publish} (to the topic)
     * instead of writing them. A due retry is read from the store, so until the consumer has stored the last
     * progress published for it the same retry would be read again: it is skipped while its stored version is
     * the one it was published from.
     */
    public void sendTrafficTo(Consumer<List<Change>> publish) {
        Map<UUID, Long> inFlight = new LinkedHashMap<>(1_024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                return size() > IN_FLIGHT;
            }
        };
        simulator.sendTo(new TrafficSimulator.Sink() {
            @Override
            public void insert(List<MessageRow> rows) {
                publish(rows, Kind.RECEIVED, publish);
            }

            @Override
            public void update(List<MessageRow> rows) {
                List<MessageRow> fresh = new ArrayList<>(rows.size());
                for (MessageRow r : rows) {
                    Long published = inFlight.get(r.id);
                    if (published == null || published != r.version) {
                        inFlight.put(r.id, r.version);
                        fresh.add(r);
                    }
                }
                publish(fresh, Kind.PROGRESSED, publish);
            }
        });
    }

    private static void publish(List<MessageRow> rows, Kind kind, Consumer<List<Change>> publish) {
        if (rows.isEmpty()) {
            return;
        }
        List<Change> out = new ArrayList<>(rows.size());
        for (MessageRow r : rows) {
            out.add(change(r, kind));
        }
        publish.accept(out);
    }

    static Change change(MessageRow r, Kind kind) {
        return new Change(kind, r.id, r.conversationId, r.interaction, r.pattern, r.fromAsid, r.toAsid,
                r.fromPartyKey, r.toPartyKey, r.fromOds, r.toOds, r.endpointId, r.site, r.status, r.attempts,
                r.sizeBytes, r.latencyMs, r.errorCode, r.errorDescription, r.redeliveryOf, r.redeliveryJobId,
                r.createdAt, r.updatedAt, r.nextAttemptAt, r.injected, r.becameFinal, r.newEvents);
    }

    static MessageRow row(Change ch) {
        MessageRow r = new MessageRow();
        r.id = ch.messageId();
        r.conversationId = ch.conversationId();
        r.interaction = ch.interaction();
        r.pattern = ch.pattern();
        r.fromAsid = ch.fromAsid();
        r.toAsid = ch.toAsid();
        r.fromPartyKey = ch.fromPartyKey();
        r.toPartyKey = ch.toPartyKey();
        r.fromOds = ch.fromOds();
        r.toOds = ch.toOds();
        r.endpointId = ch.endpointId();
        r.site = ch.site();
        r.status = ch.status();
        r.attempts = ch.attempts();
        r.sizeBytes = ch.sizeBytes();
        r.latencyMs = ch.latencyMs();
        r.errorCode = ch.errorCode();
        r.errorDescription = ch.errorDescription();
        r.redeliveryOf = ch.redeliveryOf();
        r.redeliveryJobId = ch.redeliveryJobId();
        r.createdAt = ch.createdAt();
        r.updatedAt = ch.updatedAt();
        r.nextAttemptAt = ch.nextAttemptAt();
        r.injected = ch.injected();
        r.becameFinal = ch.finished();
        r.newEvents.addAll(ch.events());
        return r;
    }
}
