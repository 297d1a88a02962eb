package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.sandbox.Sql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes messages and their timeline events in batches: new messages are inserted, progressed
 * ones updated, each with their new events, in one transaction per batch; then the roll-ups count
 * them and the live stream publishes every status change.
 */
final class MessageIngest {
    private static final String INSERT_MESSAGE = "INSERT INTO message (message_id, conversation_id, interaction_id, "
            + "messaging_pattern, from_asid, to_asid, from_party_key, to_party_key, from_ods, to_ods, site_code, status, "
            + "attempts, size_bytes, latency_ms, error_code, error_description, redelivery_of, created_at, updated_at, "
            + "endpoint_id, signature, redelivery_job_id, next_attempt_at, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_MESSAGE = "UPDATE message SET status = ?, attempts = ?, latency_ms = ?, "
            + "error_code = ?, error_description = ?, updated_at = ?, signature = ?, next_attempt_at = ?, "
            + "version = version + 1 WHERE message_id = ?";
    private static final String INSERT_EVENT = "INSERT INTO message_event (message_id, seq, status, code, description, "
            + "site_code, occurred_at, attempt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String COPY_MESSAGE = "COPY message (message_id, conversation_id, interaction_id, "
            + "messaging_pattern, from_asid, to_asid, from_party_key, to_party_key, from_ods, to_ods, site_code, status, "
            + "attempts, size_bytes, latency_ms, error_code, error_description, redelivery_of, created_at, updated_at, "
            + "endpoint_id, signature, redelivery_job_id, next_attempt_at, version) FROM STDIN (FORMAT csv)";
    private static final String COPY_EVENT = "COPY message_event (message_id, seq, status, code, description, "
            + "site_code, occurred_at, attempt) FROM STDIN (FORMAT csv)";

    private final Sql sql;
    private final Rollups rollups;
    private final StreamHub stream;
    /** On PostgreSQL new rows go in with COPY: several times the rows per second of batched INSERTs. */
    private final boolean copy;

    MessageIngest(Sql sql, Rollups rollups, StreamHub stream, boolean postgres) {
        this.sql = sql;
        this.rollups = rollups;
        this.stream = stream;
        this.copy = postgres;
    }

    Rollups rollups() {
        return rollups;
    }

    /** Inserts new messages with their events. */
    void insert(List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.inTransaction(c -> {
            insert(c, rows);
            return null;
        });
        afterCommit(rows, true);
    }

    /** Inserts inside the caller's transaction; the caller calls {@link #afterCommit} once it commits. */
    void insert(Connection c, List<MessageRow> rows) throws SQLException {
        if (copy) {
            copyIn(c, rows);
            return;
        }
        try (PreparedStatement m = c.prepareStatement(INSERT_MESSAGE)) {
            for (MessageRow r : rows) {
                Sql.bind(m, r.id, r.conversationId, r.interaction, r.pattern.code(), r.fromAsid, r.toAsid,
                        r.fromPartyKey, r.toPartyKey, r.fromOds, r.toOds, r.site, r.status.code(), r.attempts,
                        r.sizeBytes, r.latencyMs, r.errorCode, r.errorDescription, r.redeliveryOf, r.createdAt,
                        r.updatedAt, r.endpointId, r.signature(), r.redeliveryJobId, r.nextAttemptAt, r.version);
                m.addBatch();
            }
            m.executeBatch();
        }
        insertEvents(c, rows);
    }

    private static void copyIn(Connection c, List<MessageRow> rows) throws SQLException {
        StringBuilder messages = new StringBuilder(rows.size() * 400);
        StringBuilder events = new StringBuilder(rows.size() * 600);
        for (MessageRow r : rows) {
            Csv.row(messages, r.id, r.conversationId, r.interaction, r.pattern.code(), r.fromAsid, r.toAsid,
                    r.fromPartyKey, r.toPartyKey, r.fromOds, r.toOds, r.site, r.status.code(), r.attempts, r.sizeBytes,
                    r.latencyMs, r.errorCode, r.errorDescription, r.redeliveryOf, r.createdAt, r.updatedAt,
                    r.endpointId, r.signature(), r.redeliveryJobId, r.nextAttemptAt, r.version);
            for (MessageEvent ev : r.newEvents) {
                Csv.row(events, r.id, ev.seq(), ev.status().code(), ev.code(), ev.description(), ev.site(), ev.at(),
                        ev.attempt());
            }
        }
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn(COPY_MESSAGE, new StringReader(messages.toString()));
            if (events.length() > 0) {
                copy.copyIn(COPY_EVENT, new StringReader(events.toString()));
            }
        } catch (IOException e) {
            throw new SQLException("COPY into the message store failed", e);
        }
    }

    /** PostgreSQL's CSV COPY format: NULL is an empty field, text is always quoted (so "" is an empty string). */
    static final class Csv {
        private Csv() {
        }

        static void row(StringBuilder out, Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                if (v instanceof Number || v instanceof UUID) {
                    out.append(v);
                } else if (v instanceof Instant instant) {
                    out.append(instant.truncatedTo(ChronoUnit.MICROS));
                } else {
                    String text = v.toString();
                    out.append('"');
                    for (int k = 0; k < text.length(); k++) {
                        char ch = text.charAt(k);
                        if (ch == '"') {
                            out.append('"');
                        }
                        out.append(ch);
                    }
                    out.append('"');
                }
            }
            out.append('\n');
        }
    }

    /** Stores progress on messages already stored (a retry, an expiry). */
    void update(List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.inTransaction(c -> {
            try (PreparedStatement m = c.prepareStatement(UPDATE_MESSAGE)) {
                for (MessageRow r : rows) {
                    Sql.bind(m, r.status.code(), r.attempts, r.latencyMs, r.errorCode, r.errorDescription,
                            r.updatedAt, r.signature(), r.nextAttemptAt, r.id);
                    m.addBatch();
                }
                m.executeBatch();
            }
            insertEvents(c, rows);
            return null;
        });
        afterCommit(rows, false);
    }

    private static void insertEvents(Connection c, List<MessageRow> rows) throws SQLException {
        try (PreparedStatement e = c.prepareStatement(INSERT_EVENT)) {
            for (MessageRow r : rows) {
                for (MessageEvent ev : r.newEvents) {
                    Sql.bind(e, r.id, ev.seq(), ev.status().code(), ev.code(), ev.description(), ev.site(), ev.at(),
                            ev.attempt());
                    e.addBatch();
                }
            }
            e.executeBatch();
        }
    }

    /** Counts the rows in the roll-ups and publishes their status changes on the live stream. */
    void afterCommit(List<MessageRow> rows, boolean inserted) {
        List<StreamHub.Entry> changes = new ArrayList<>();
        for (MessageRow r : rows) {
            if (inserted) {
                rollups.received(r);
            } else if (r.becameFinal) {
                rollups.finished(r);
            }
            boolean first = inserted;
            for (MessageEvent ev : r.newEvents) {
                changes.add(new StreamHub.Entry(0, r.summaryAt(ev.status(), ev.at()), first));
                first = false;
            }
            r.storedEvents += r.newEvents.size();
            r.newEvents.clear();
            r.becameFinal = false;
        }
        stream.publish(changes);
    }
}
