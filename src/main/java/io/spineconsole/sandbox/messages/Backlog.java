package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages not yet at a final outcome (received, routed, retrying), kept at ingest beside the
 * roll-ups: read once at start from {@code message_by_status} (one range per waiting status), then
 * changed by every batch ingest commits. Tens of thousands of entries at national scale (a busy
 * retry queue), so endpoint health adds up the backlog in memory instead of looking up every
 * waiting message's row on each request. As with the roll-ups, only what this process ingested is
 * known: several instances writing one store should read the status index instead.
 */
final class Backlog {
    /** One waiting message: its endpoint (null when its address was never resolved), status and age. */
    record Entry(UUID endpoint, boolean retrying, Instant createdAt) {
    }

    /** Waiting messages of one endpoint: how many, how many of them retrying, and the oldest. */
    record Waiting(UUID endpoint, long count, long retrying, Instant oldest) {
    }

    private final Map<UUID, Entry> waiting = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /** Reads the waiting messages from the status index (at start, before ingest begins). */
    void load(Sql sql) {
        changes.incrementAndGet();
        waiting.clear();
        for (MessageStatus status : List.of(MessageStatus.RECEIVED, MessageStatus.ROUTED, MessageStatus.RETRYING)) {
            sql.each("SELECT message_id, endpoint_id, created_at FROM message WHERE status = ?", r -> waiting.put(
                    r.getObject("message_id", UUID.class), new Entry(r.getObject("endpoint_id", UUID.class),
                            status == MessageStatus.RETRYING, Sql.instant(r, "created_at"))), status.code());
        }
    }

    /** A row ingest committed: waiting while its status is not final, gone once it is. */
    void record(MessageRow row) {
        changes.incrementAndGet();
        if (MessageStatuses.isTerminal(row.status)) {
            waiting.remove(row.id);
        } else {
            // As the store keeps it: to the microsecond, rounded, so the oldest reads as the stored one does.
            waiting.put(row.id, new Entry(row.endpointId, row.status == MessageStatus.RETRYING,
                    row.createdAt.plusNanos(500).truncatedTo(ChronoUnit.MICROS)));
        }
    }

    /** Waiting messages per endpoint (messages to unresolved addresses left out). */
    List<Waiting> byEndpoint() {
        Map<UUID, long[]> counts = new HashMap<>();
        Map<UUID, Instant> oldest = new HashMap<>();
        for (Entry e : waiting.values()) {
            if (e.endpoint() == null) {
                continue;
            }
            long[] c = counts.computeIfAbsent(e.endpoint(), k -> new long[2]);
            c[0]++;
            if (e.retrying()) {
                c[1]++;
            }
            oldest.merge(e.endpoint(), e.createdAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Waiting> out = new ArrayList<>(counts.size());
        counts.forEach((id, c) -> out.add(new Waiting(id, c[0], c[1], oldest.get(id))));
        return out;
    }

    /** Messages waiting for another attempt per endpoint, of those received in [{@code from}, {@code to}). */
    Map<UUID, Long> retryingReceived(Instant from, Instant to) {
        Map<UUID, Long> out = new HashMap<>();
        for (Entry e : waiting.values()) {
            if (e.retrying() && e.endpoint() != null && !e.createdAt().isBefore(from) && e.createdAt().isBefore(to)) {
                out.merge(e.endpoint(), 1L, Long::sum);
            }
        }
        return out;
    }

    /** How many times the backlog changed (endpoint health keeps rankings while it has not). */
    long changes() {
        return changes.get();
    }

    /** Messages waiting in all (tests). */
    int size() {
        return waiting.size();
    }
}
