package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageEvent;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreJavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Flyway V10: the message store laid out for ingest at the national rate ({@link MessageSchema}):
 * timelines move into their message's row, the table is rebuilt with time-ordered partitions on
 * PostgreSQL and a few wider indexes instead of fifteen, the party map is filled from the stored
 * messages, and the roll-ups get their crash marker. Stored messages are kept: each is copied with
 * its events. A Java migration because the layout differs between the two stores and the timelines
 * are written by the same code as ingest writes them.
 */
public final class MessageStoreMigration extends StoreJavaMigration {
    private static final int BATCH = 1_000;

    public MessageStoreMigration() {
        super("10", "message store by time", 10_001);
    }

    @Override
    protected void migrate(Connection c, boolean postgres) throws SQLException {
        execute(c, MessageSchema.createTable("message_store", postgres));
        if (postgres) {
            Set<LocalDate> days = new TreeSet<>(Sql.list(c, "SELECT DISTINCT CAST(created_at AT TIME ZONE 'UTC' AS DATE) "
                    + "FROM message", r -> r.getObject(1, LocalDate.class)));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int i = 0; i <= MessagePartitions.AHEAD_DAYS; i++) {
                days.add(today.plusDays(i));
            }
            for (LocalDate d : days) {
                execute(c, MessageSchema.createPartition("message_store", d));
            }
        }
        copyMessages(c);
        execute(c, "DROP TABLE message_event");
        execute(c, "DROP TABLE message");
        execute(c, "ALTER TABLE message_store RENAME TO message");
        for (String index : MessageSchema.createIndexes(postgres)) {
            execute(c, index);
        }
        execute(c, "CREATE TABLE message_party (kind VARCHAR(8) NOT NULL, party VARCHAR(40) NOT NULL, "
                + "ods_code VARCHAR(9) NOT NULL, PRIMARY KEY (kind, party, ods_code))");
        execute(c, "INSERT INTO message_party (kind, party, ods_code) "
                + "SELECT 'asid', from_asid, from_ods FROM message UNION SELECT 'asid', to_asid, to_ods FROM message "
                + "UNION SELECT 'party', from_party_key, from_ods FROM message WHERE from_party_key IS NOT NULL "
                + "UNION SELECT 'party', to_party_key, to_ods FROM message WHERE to_party_key IS NOT NULL "
                + "UNION SELECT 'endpoint', CAST(endpoint_id AS VARCHAR(36)), to_ods FROM message WHERE endpoint_id IS NOT NULL");
        execute(c, "CREATE TABLE message_rollup_state (id INTEGER PRIMARY KEY, dirty_from TIMESTAMP WITH TIME ZONE)");
        execute(c, "INSERT INTO message_rollup_state (id, dirty_from) VALUES (1, NULL)");
    }

    /** Copies every message with its events (both read in message id order and merged), a batch at a time. */
    private static void copyMessages(Connection c) throws SQLException {
        String columns = MessageSchema.INSERT_COLUMNS.replace(", timeline", "");
        try (PreparedStatement messages = c.prepareStatement("SELECT " + columns + " FROM message ORDER BY message_id");
             PreparedStatement events = c.prepareStatement("SELECT message_id, seq, status, code, description, site_code, "
                     + "occurred_at, attempt FROM message_event ORDER BY message_id, seq");
             PreparedStatement insert = c.prepareStatement("INSERT INTO message_store (" + MessageSchema.INSERT_COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            messages.setFetchSize(BATCH);
            events.setFetchSize(BATCH * 4);
            int width = columns.split(",").length;
            try (ResultSet m = messages.executeQuery(); ResultSet e = events.executeQuery()) {
                boolean moreEvents = e.next();
                int pending = 0;
                while (m.next()) {
                    UUID id = m.getObject(1, UUID.class);
                    List<MessageEvent> timeline = new ArrayList<>();
                    // Events of messages that sort before this one have no message: skipped.
                    while (moreEvents && before(e.getObject(1, UUID.class), id)) {
                        moreEvents = e.next();
                    }
                    while (moreEvents && e.getObject(1, UUID.class).equals(id)) {
                        timeline.add(new MessageEvent(e.getInt(2), Coded.fromCode(MessageStatus.class, e.getString(3)),
                                e.getString(4), e.getString(5), e.getString(6), Sql.instant(e, "occurred_at"), e.getInt(8)));
                        moreEvents = e.next();
                    }
                    for (int i = 1; i <= width; i++) {
                        insert.setObject(i, m.getObject(i));
                    }
                    insert.setString(width + 1, Timeline.encode(timeline));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** True when {@code a} sorts before {@code b} as both stores order UUIDs (unsigned, byte by byte). */
    private static boolean before(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        if (c == 0) {
            c = Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }
        return c < 0;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
