package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What alert rules read of the message flow, per receiving endpoint, from what ingest already keeps:
 * the minute roll-ups (received and failed), the backlog beside them, the traffic directory (the
 * endpoints and their certificates), and one range of the status index for dead letters. Never reads
 * message rows one by one. (The alerts' only window onto this package's roll-ups and backlog.)
 */
public final class AlertSignals {
    /** A registered receiving endpoint. */
    public record Endpoint(UUID id, String ods, String partyKey, Instant certNotAfter) {
    }

    /** Messages received in a window and, of them, how many have failed and how many wait to be tried again. */
    public record Flow(long received, long failed, long retrying) {
        /** Failed or waiting to be tried again: in trouble. */
        public long trouble() {
            return failed + retrying;
        }
    }

    /** Messages waiting now: in flight (of which retrying), and since when the oldest. */
    public record Waiting(long inFlight, long retrying, Instant oldest) {
    }

    private final Sql sql;
    private final Rollups rollups;
    private final Supplier<TrafficDirectory> directory;

    AlertSignals(Sql sql, Rollups rollups, Supplier<TrafficDirectory> directory) {
        this.sql = sql;
        this.rollups = rollups;
        this.directory = directory;
    }

    /** Every registered endpoint messages can go to (retired ones left out), by id. */
    public Map<UUID, Endpoint> endpoints() {
        List<TrafficDirectory.Target> targets = directory.get().targets();
        Map<UUID, Endpoint> out = new HashMap<>(targets.size() * 2);
        for (TrafficDirectory.Target t : targets) {
            out.put(t.id(), new Endpoint(t.id(), t.ods(), t.partyKey(), t.certNotAfter()));
        }
        return out;
    }

    /**
     * Per endpoint, the messages received in [{@code from}, {@code to}) (whole minutes, from the minute roll-ups),
     * how many of them failed, and how many wait now for another attempt (from the backlog).
     */
    public Map<UUID, Flow> flow(Instant from, Instant to) {
        Map<UUID, Flow> out = new HashMap<>();
        Map<UUID, Long> retrying = rollups.backlog().retryingReceived(from, to);
        rollups.totals(Rollups.ENDPOINT, from, to).forEach((key, sum) -> {
            UUID id = endpointId(key);
            if (id != null) {
                out.put(id, new Flow(sum[0], sum[1], retrying.getOrDefault(id, 0L)));
            }
        });
        return out;
    }

    /** The backlog now, per endpoint. */
    public Map<UUID, Waiting> backlog() {
        Map<UUID, Waiting> out = new HashMap<>();
        for (Backlog.Waiting w : rollups.backlog().byEndpoint()) {
            out.put(w.endpoint(), new Waiting(w.count(), w.retrying(), w.oldest()));
        }
        return out;
    }

    /** Messages received since {@code from} that are dead-lettered, per endpoint: one range of the status index. */
    public Map<UUID, Long> deadLetters(Instant from) {
        Map<UUID, Long> out = new HashMap<>();
        sql.list("SELECT endpoint_id, COUNT(*) AS n FROM message WHERE status = 'dead-lettered' AND created_at >= ? "
                + "GROUP BY endpoint_id", r -> {
                    UUID id = r.getObject("endpoint_id", UUID.class);
                    if (id != null) {
                        out.put(id, r.getLong("n"));
                    }
                    return null;
                }, from);
        return out;
    }

    private static UUID endpointId(String key) {
        if (key == null || key.equals(StatsStore.UNRESOLVED)) {
            return null;
        }
        try {
            return UUID.fromString(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
