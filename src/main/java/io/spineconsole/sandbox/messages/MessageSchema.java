package io.spineconsole.sandbox.messages;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The message table as both stores hold it (see docs/MESSAGE_STORE.md). One row per message, its
 * timeline in the row ({@link Timeline}); time-ordered ids; a few indexes, each chosen by the
 * searches it serves and ending in the keyset columns {@code (created_at DESC, message_id DESC)} so
 * a newest-first page is read straight off it (H2 sorts every match otherwise):
 * <ul>
 * <li>primary key: by id (PostgreSQL: with {@code created_at}, the partition key);</li>
 * <li>{@code message_by_time}: unfiltered pages, retention on H2, the newest message;</li>
 * <li>{@code message_by_status}: status searches, dead letters, failure groups, due retries;</li>
 * <li>{@code message_by_site}, {@code message_by_interaction}, {@code message_by_conversation};</li>
 * <li>{@code message_by_from_ods}, {@code message_by_to_ods}: ODS searches, and through the party map
 * ({@code message_party}) ASID, party key and endpoint searches;</li>
 * <li>{@code message_by_signature}, {@code message_by_redelivery_of} (partial on PostgreSQL).</li>
 * </ul>
 * Only the two ODS indexes take new rows at random places; every other one grows at its right edge
 * (time-ordered keys, or a few leading values), which is what keeps ingest cheap.
 *
 * <p>On PostgreSQL the table is partitioned by day of {@code created_at} (UTC): retention drops
 * whole partitions, and a search's time window prunes the partitions it cannot touch.
 */
final class MessageSchema {
    static final String COLUMNS = "message_id UUID NOT NULL, conversation_id UUID NOT NULL, "
            + "interaction_id VARCHAR(120) NOT NULL, messaging_pattern VARCHAR(20) NOT NULL, from_asid CHAR(12) NOT NULL, "
            + "to_asid CHAR(12) NOT NULL, from_party_key VARCHAR(19), to_party_key VARCHAR(19), from_ods VARCHAR(9) NOT NULL, "
            + "to_ods VARCHAR(9) NOT NULL, site_code VARCHAR(20) NOT NULL, status VARCHAR(24) NOT NULL, "
            + "attempts INTEGER NOT NULL, size_bytes INTEGER NOT NULL, latency_ms INTEGER, error_code VARCHAR(20), "
            + "error_description VARCHAR(300), redelivery_of UUID, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "updated_at TIMESTAMP WITH TIME ZONE NOT NULL, endpoint_id UUID, signature VARCHAR(300), "
            + "redelivery_job_id UUID, next_attempt_at TIMESTAMP WITH TIME ZONE, version BIGINT DEFAULT 1 NOT NULL, "
            + "timeline VARCHAR(1000000) DEFAULT '' NOT NULL";
    /** The columns in the order ingest writes them. */
    static final String INSERT_COLUMNS = "message_id, conversation_id, interaction_id, messaging_pattern, from_asid, "
            + "to_asid, from_party_key, to_party_key, from_ods, to_ods, site_code, status, attempts, size_bytes, latency_ms, "
            + "error_code, error_description, redelivery_of, created_at, updated_at, endpoint_id, signature, "
            + "redelivery_job_id, next_attempt_at, version, timeline";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private MessageSchema() {
    }

    static String createTable(String name, boolean postgres) {
        return postgres
                ? "CREATE TABLE " + name + " (" + COLUMNS + ", CONSTRAINT message_pk PRIMARY KEY (message_id, created_at)) "
                        + "PARTITION BY RANGE (created_at)"
                : "CREATE TABLE " + name + " (" + COLUMNS + ", CONSTRAINT message_pk PRIMARY KEY (message_id))";
    }

    static List<String> createIndexes(boolean postgres) {
        String keyset = "created_at DESC, message_id DESC)";
        List<String> out = new ArrayList<>();
        out.add("CREATE INDEX message_by_time ON message (" + keyset);
        for (String[] i : new String[][] {{"status", "status"}, {"site", "site_code"}, {"interaction", "interaction_id"},
                {"conversation", "conversation_id"}, {"from_ods", "from_ods"}, {"to_ods", "to_ods"}}) {
            out.add("CREATE INDEX message_by_" + i[0] + " ON message (" + i[1] + ", " + keyset);
        }
        out.add("CREATE INDEX message_by_signature ON message (signature, " + keyset
                + (postgres ? " WHERE signature IS NOT NULL" : ""));
        out.add("CREATE INDEX message_by_redelivery_of ON message (redelivery_of, created_at, message_id)"
                + (postgres ? " WHERE redelivery_of IS NOT NULL" : ""));
        return out;
    }

    /** The name of the partition holding {@code day}'s messages (PostgreSQL). */
    static String partition(LocalDate day) {
        return "message_p" + DAY.format(day);
    }

    /** The day a partition name stands for, or null when it is not one of ours. */
    static LocalDate dayOf(String partition) {
        if (!partition.startsWith("message_p") || partition.length() != "message_p".length() + 8) {
            return null;
        }
        try {
            return LocalDate.parse(partition.substring("message_p".length()), DAY);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String createPartition(String parent, LocalDate day) {
        return "CREATE TABLE IF NOT EXISTS " + partition(day) + " PARTITION OF " + parent + " FOR VALUES FROM ('"
                + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')";
    }
}
