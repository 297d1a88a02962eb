package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.JobState;
import io.spineconsole.domain.messages.MessageFilter;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.RedeliveryProgress;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** How redelivery jobs and their items are stored: the columns, and a row read back as the domain's record. */
final class RedeliveryJobRows {
    static final String JOB_COLUMNS = "id, reason, dry_run, rate_per_sec, max_messages, id_count, filter_json, "
            + "truncated, state, total, done, failed, skipped, already_redelivered, started_at, finished_at, "
            + "cancelled_by, error, version, created_at, created_by, updated_at, updated_by, from_dry_run, "
            + "created_by_token, created_by_role";
    /** A job with the dry run's real run, if any (one that is not cancelled or failed). */
    static final String SELECT_JOB = "SELECT " + JOB_COLUMNS + ", (SELECT r.id FROM redelivery_job r "
            + "WHERE r.from_dry_run = redelivery_job.id AND r.state NOT IN ('cancelled', 'failed') "
            + "ORDER BY r.created_at DESC FETCH FIRST 1 ROWS ONLY) AS real_run FROM redelivery_job";
    static final String ITEM_COLUMNS = "seq, original_id, new_id, outcome, detail, at, earlier_copy_id, earlier_copy_of, "
            + "earlier_copy_status, earlier_copy_at, earlier_copy_job";

    private final ObjectMapper mapper;

    RedeliveryJobRows(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    Optional<RedeliveryJob> job(Connection c, UUID id) throws SQLException {
        return Sql.list(c, SELECT_JOB + " WHERE id = ?", this::job, id).stream().findFirst();
    }

    RedeliveryJob job(ResultSet r) throws SQLException {
        MessageFilter filter = null;
        String filterJson = r.getString("filter_json");
        if (filterJson != null) {
            try {
                filter = mapper.readValue(filterJson, MessageFilter.class);
            } catch (JsonProcessingException e) {
                throw new SQLException("Unreadable stored filter", e);
            }
        }
        return new RedeliveryJob(r.getObject("id", UUID.class), r.getString("reason"), r.getBoolean("dry_run"),
                r.getInt("rate_per_sec"), r.getInt("max_messages"),
                r.getObject("id_count") == null ? null : r.getInt("id_count"), filter, r.getBoolean("truncated"),
                new RedeliveryProgress(Coded.fromCode(JobState.class, r.getString("state")), r.getInt("total"),
                        r.getInt("done"), r.getInt("failed"), r.getInt("skipped"), r.getInt("already_redelivered")),
                Sql.instant(r, "started_at"), Sql.instant(r, "finished_at"), r.getString("cancelled_by"),
                r.getString("error"), r.getLong("version"), Sql.instant(r, "created_at"), r.getString("created_by"),
                Sql.instant(r, "updated_at"), r.getString("updated_by"), r.getObject("from_dry_run", UUID.class),
                r.getObject("real_run", UUID.class));
    }

    static RedeliveryJobItem item(ResultSet r) throws SQLException {
        UUID earlier = r.getObject("earlier_copy_id", UUID.class);
        RedeliveryCopy copy = earlier == null ? null : new RedeliveryCopy(earlier, r.getObject("earlier_copy_of", UUID.class),
                Coded.fromCode(MessageStatus.class, r.getString("earlier_copy_status")), Sql.instant(r, "earlier_copy_at"),
                r.getObject("earlier_copy_job", UUID.class));
        return new RedeliveryJobItem(r.getObject("original_id", UUID.class), r.getObject("new_id", UUID.class),
                Coded.fromCode(RedeliveryItemOutcome.class, r.getString("outcome")), r.getString("detail"),
                Sql.instant(r, "at"), copy);
    }

    /** Sets an item's outcome; {@code earlier} is the copy that made it "already redelivered", or null. */
    static void settle(Connection c, UUID job, int seq, RedeliveryItemOutcome outcome, UUID newId, String detail,
                       java.time.Instant at, RedeliveryCopy earlier) throws SQLException {
        Sql.update(c, "UPDATE redelivery_job_item SET outcome = ?, new_id = ?, detail = ?, at = ?, earlier_copy_id = ?, "
                        + "earlier_copy_of = ?, earlier_copy_status = ?, earlier_copy_at = ?, earlier_copy_job = ? "
                        + "WHERE job_id = ? AND seq = ?", outcome.code(), newId, detail, at,
                earlier == null ? null : earlier.messageId(), earlier == null ? null : earlier.redeliveryOf(),
                earlier == null ? null : earlier.status().code(), earlier == null ? null : earlier.receivedAt(),
                earlier == null ? null : earlier.redeliveryJobId(), job, seq);
    }

    /** The sentence an item skipped for its earlier copy carries. */
    static String alreadyRedelivered(RedeliveryCopy earlier) {
        return "Already redelivered as " + earlier.messageId().toString().toUpperCase() + ", which is "
                + earlier.status().code() + ".";
    }

    String json(Object value) {
        try {
            return value == null ? null : mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
