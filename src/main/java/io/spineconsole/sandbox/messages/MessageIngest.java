package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.sandbox.Sql;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one way messages enter the store (the traffic simulator, redelivery, seeding, and a feed):
 * new messages are inserted and progressed ones updated, each with their timeline, in one
 * transaction per batch together with their parties ({@link MessageParties}) and the roll-ups'
 * claim ({@link Rollups.Hold}); then the roll-ups count them and the live stream publishes every
 * status change.
 */
final class MessageIngest {
    /** The columns ingest writes: the store's (as Flyway V10 laid it out) and the scenario that injected a failure (V71). */
    static final String COLUMNS = MessageSchema.INSERT_COLUMNS + ", injected";
    private static final String INSERT_MESSAGE = "INSERT INTO message (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_MESSAGE = "UPDATE message SET status = ?, attempts = ?, latency_ms = ?, "
            + "error_code = ?, error_description = ?, updated_at = ?, signature = ?, next_attempt_at = ?, "
            + "version = version + 1, timeline = timeline || ?, injected = COALESCE(?, injected) WHERE message_id = ?";
    static final String COPY_MESSAGE = "COPY message (" + COLUMNS + ") FROM STDIN (FORMAT csv)";

    private final Sql sql;
    private final Rollups rollups;
    private final StreamHub stream;
    private final MessageParties parties;
    private final MessagePartitions partitions;
    /** Claims of rows written in a caller's transaction, released when the caller reports the commit. */
    private final java.util.Map<MessageRow, Rollups.Hold> holds = new java.util.concurrent.ConcurrentHashMap<>();
    /** On PostgreSQL new rows go in with COPY: several times the rows per second of batched INSERTs. */
    private final boolean copy;

    MessageIngest(Sql sql, Rollups rollups, StreamHub stream, MessageParties parties, MessagePartitions partitions,
                  boolean postgres) {
        this.sql = sql;
        this.rollups = rollups;
        this.stream = stream;
        this.parties = parties;
        this.partitions = partitions;
        this.copy = postgres;
    }

    Rollups rollups() {
        return rollups;
    }

    /** Inserts new messages with their timelines, in one transaction; then counts and publishes them. */
    void insert(List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql.inConnection(c -> {
            partitions.ensureFor(c, rows);  // before the batch's transaction: a new partition locks the table briefly
            return null;
        });
        write(rows, true, c -> insertRows(c, rows));
    }

    /** Stores progress on messages already stored (a retry, an expiry), appending their new events. */
    void update(List<MessageRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        write(rows, false, c -> updateRows(c, rows));
    }

    /** Updates stored messages; returns how many of {@code rows} matched no stored message. */
    private static int updateRows(Connection c, List<MessageRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        int missing = 0;
        try (PreparedStatement m = c.prepareStatement(UPDATE_MESSAGE)) {
            for (MessageRow r : rows) {
                Sql.bind(m, r.status.code(), r.attempts, r.latencyMs, r.errorCode, r.errorDescription,
                        r.updatedAt, r.signature(), r.nextAttemptAt, Timeline.encode(r.newEvents), r.injected, r.id);
                m.addBatch();
            }
            for (int n : m.executeBatch()) {
                if (n == 0) {
                    missing++;
                }
            }
        }
        return missing;
    }

    interface Writes {
        void run(Connection c) throws SQLException;
    }

    /** Progress on a message the store does not hold: the transaction it was part of is rolled back. */
    static final class UnknownMessage extends SQLException {
        UnknownMessage(int count) {
            super(count + " progress update(s) for a message the store does not hold");
        }
    }

    /**
     * A feed's batch (several instances write the store, each counting its batches in the stored roll-ups itself):
     * new and progressed messages, then {@code alsoInTransaction} (the roll-up deltas, the consumer's offsets), in
     * one transaction; no roll-ups in memory and nothing on this instance's live stream, which the feed fills from
     * the topic. Throws {@link UnknownMessage} (nothing written) when a progress update matches no stored message.
     */
    void writeFeed(List<MessageRow> inserted, List<MessageRow> updated, Writes alsoInTransaction) {
        if (!inserted.isEmpty()) {
            sql.inConnection(c -> {
                partitions.ensureFor(c, inserted);
                return null;
            });
        }
        MessageParties.Registration registration = inserted.isEmpty() ? MessageParties.Registration.NONE
                : parties.registration(inserted);
        sql.inTransaction(c -> {
            registration.write(c);
            if (!inserted.isEmpty()) {
                insertRows(c, inserted);
            }
            int missing = updateRows(c, updated);
            if (missing > 0) {
                throw new UnknownMessage(missing);
            }
            alsoInTransaction.run(c);
            return null;
        });
        registration.committed();
    }

    private void write(List<MessageRow> rows, boolean inserted, Writes writes) {
        MessageParties.Registration registration = inserted ? parties.registration(rows)
                : MessageParties.Registration.NONE;
        Rollups.Hold hold = rollups.hold(rows);
        boolean committed = false;
        try {
            sql.inTransaction(c -> {
                registration.write(c);
                writes.run(c);
                hold.persist(c);
                return null;
            });
            committed = true;
            registration.committed();
            afterCommit(rows, inserted);
        } finally {
            hold.release(committed);
        }
        rollups.flushIfBehind();
    }

    /**
     * Inserts inside the caller's transaction (a redelivery, with its audit entry); the caller calls
     * {@link #afterCommit} with the same rows once it commits.
     */
    void insert(Connection c, List<MessageRow> rows) throws SQLException {
        Rollups.Hold hold = rollups.hold(rows);
        hold.persist(c);
        for (MessageRow r : rows) {
            holds.put(r, hold);
        }
        parties.register(rows);
        insertRows(c, rows);
    }

    private void insertRows(Connection c, List<MessageRow> rows) throws SQLException {
        partitions.ensureFor(c, rows);
        if (copy) {
            copyIn(c, rows);
            return;
        }
        try (PreparedStatement m = c.prepareStatement(INSERT_MESSAGE)) {
            for (MessageRow r : rows) {
                Sql.bind(m, values(r));
                m.addBatch();
            }
            m.executeBatch();
        }
    }

    private static Object[] values(MessageRow r) {
        return new Object[] {r.id, r.conversationId, r.interaction, r.pattern.code(), r.fromAsid, r.toAsid,
                r.fromPartyKey, r.toPartyKey, r.fromOds, r.toOds, r.site, r.status.code(), r.attempts, r.sizeBytes,
                r.latencyMs, r.errorCode, r.errorDescription, r.redeliveryOf, r.createdAt, r.updatedAt, r.endpointId,
                r.signature(), r.redeliveryJobId, r.nextAttemptAt, r.version, Timeline.encode(r.newEvents), r.injected};
    }

    /** The rows as PostgreSQL's CSV COPY input (also what a benchmark copies bare, to compare). */
    static String csv(List<MessageRow> rows) {
        StringBuilder messages = new StringBuilder(rows.size() * 900);
        for (MessageRow r : rows) {
            Csv.row(messages, values(r));
        }
        return messages.toString();
    }

    private static void copyIn(Connection c, List<MessageRow> rows) throws SQLException {
        copyCsv(c, csv(rows));
    }

    /**
     * Copies rows made by {@link #csv} into the message table (also how a benchmark copies bare). The text goes as its
     * UTF-8 bytes in one write: through a {@code Reader} the driver re-encodes it 64 kB at a time, a tenth of the
     * writers' time at ingest.
     */
    static void copyCsv(Connection c, String csv) throws SQLException {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_MESSAGE);
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
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
                    timestamp(out, instant);
                } else {
                    quoted(out, v.toString());
                }
            }
            out.append('\n');
        }

        /** Text in quotes, a quote inside it doubled; nearly no text has one, so the rest is one bulk copy. */
        private static void quoted(StringBuilder out, String text) {
            out.append('"');
            int from = 0;
            for (int q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) {
                out.append(text, from, q + 1).append('"');
                from = q + 1;
            }
            out.append(text, from, text.length()).append('"');
        }

        /**
         * An instant as ISO-8601 UTC to the microsecond, as {@code timestamptz} reads it, e.g.
         * {@code 2026-12-07T16:36:12.123456Z}: by hand, a tenth of the cost of {@code Instant.toString}'s formatter,
         * which was a sixth of the writers' time at ingest.
         */
        static void timestamp(StringBuilder out, Instant instant) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
            int year = t.getYear();
            if (year < 1000 || year > 9999) {  // outside what four digits hold: the formatter's own form
                out.append(instant.truncatedTo(ChronoUnit.MICROS));
                return;
            }
            out.append(year).append('-');
            twoDigits(out, t.getMonthValue()).append('-');
            twoDigits(out, t.getDayOfMonth()).append('T');
            twoDigits(out, t.getHour()).append(':');
            twoDigits(out, t.getMinute()).append(':');
            twoDigits(out, t.getSecond()).append('.');
            int micros = instant.getNano() / 1_000;
            for (int unit = 100_000; unit > 0; unit /= 10) {
                out.append((char) ('0' + micros / unit % 10));
            }
            out.append('Z');
        }

        private static StringBuilder twoDigits(StringBuilder out, int value) {
            return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }

    /** Counts the rows in the roll-ups and publishes their status changes on the live stream. */
    void afterCommit(List<MessageRow> rows, boolean inserted) {
        List<StreamHub.Entry> changes = new ArrayList<>();
        for (MessageRow r : rows) {
            Rollups.Hold hold = holds.remove(r);
            if (hold != null) {
                hold.release(true);
            }
            if (inserted) {
                rollups.received(r);
            } else if (r.becameFinal) {
                rollups.finished(r);
            }
            rollups.backlog().record(r);
            streamEntries(r, inserted, changes);
            r.storedEvents += r.newEvents.size();
            r.newEvents.clear();
            r.becameFinal = false;
        }
        stream.publish(changes);
    }

    /** The live stream's entries for a row's new events; the first event of a new message is marked new. */
    static void streamEntries(MessageRow r, boolean inserted, List<StreamHub.Entry> into) {
        boolean first = inserted;
        for (MessageEvent ev : r.newEvents) {
            into.add(new StreamHub.Entry(0, r.summaryAt(ev.status(), ev.at()), first));
            first = false;
        }
    }
}
