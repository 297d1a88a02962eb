package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * How long messages are kept, and their expiry. A message expires once its UTC day is more than
 * {@code days} days before today: everything received before {@link #cutoff} goes, in one piece
 * per day. On PostgreSQL that is dropping the day's partition (no row is read); on H2 a delete by
 * time range through the time index, a chunk at a time, in the background. Roll-ups before the
 * cutoff go the same way (a range of their primary key).
 *
 * <p>Defaults: 7 days on the desktop (the embedded sandbox), 30 on a team server; the system
 * property {@code spineconsole.retentionDays} or the environment variable
 * {@code SPINE_SANDBOX_RETENTION_DAYS} sets another (1 to 3,650).
 */
public final class MessageRetention {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRetention.class);
    public static final int DESKTOP_DAYS = 7;
    public static final int SERVER_DAYS = 30;
    private static final int CHUNK = 5_000;

    private final int days;

    public MessageRetention(int days) {
        if (days < 1 || days > 3_650) {
            throw new IllegalArgumentException("Message retention must be 1 to 3650 days, not " + days);
        }
        this.days = days;
    }

    /** The retention for a server mode ({@code sandbox}: desktop, {@code server}: team server), unless configured. */
    public static MessageRetention forMode(String mode) {
        String configured = System.getProperty("spineconsole.retentionDays", System.getenv("SPINE_SANDBOX_RETENTION_DAYS"));
        if (configured != null && !configured.isBlank()) {
            try {
                return new MessageRetention(Integer.parseInt(configured.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Message retention must be a number of days, not '" + configured + "'");
            }
        }
        return new MessageRetention("server".equals(mode) ? SERVER_DAYS : DESKTOP_DAYS);
    }

    public int days() {
        return days;
    }

    /** Messages received before this instant have expired at {@code now}: the start of the UTC day {@code days} ago. */
    Instant cutoff(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** What one expiry removed. */
    record Expired(Instant cutoff, List<LocalDate> partitionsDropped, long rowsDeleted, long rollupsDeleted) {
    }

    /** Removes what has expired at {@code now}. */
    Expired expire(Sql sql, MessagePartitions partitions, boolean postgres, Instant now) {
        Instant cutoff = cutoff(now);
        List<LocalDate> dropped = partitions.dropBefore(LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
        long rows = postgres ? 0 : deleteInChunks(sql, "DELETE FROM message WHERE created_at < ?", cutoff);
        long rollups = 0;
        for (String group : Rollups.GROUPS) {
            rollups += postgres
                    ? sql.update("DELETE FROM message_rollup WHERE group_by = ? AND minute_start < ?", group, cutoff)
                    : deleteInChunks(sql, "DELETE FROM message_rollup WHERE group_by = ? AND minute_start < ?", group, cutoff);
        }
        if (!dropped.isEmpty() || rows > 0 || rollups > 0) {
            LOG.info("Message retention ({} days): removed messages received before {} ({} partitions, {} rows) "
                    + "and {} roll-up rows", days, cutoff, dropped.size(), rows, rollups);
        }
        return new Expired(cutoff, dropped, rows, rollups);
    }

    /** H2: deletes a chunk at a time, so no transaction grows with the store. */
    private static long deleteInChunks(Sql sql, String delete, Object... params) {
        long total = 0;
        while (true) {
            int n = sql.update(delete + " FETCH FIRST " + CHUNK + " ROWS ONLY", params);
            total += n;
            if (n < CHUNK) {
                return total;
            }
        }
    }
}
