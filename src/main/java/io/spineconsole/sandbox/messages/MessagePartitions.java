package io.spineconsole.sandbox.messages;

import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The message table's daily partitions on PostgreSQL (UTC days of {@code created_at}): made a few
 * days ahead so live traffic never waits for one, made on demand for a batch of older messages
 * (seeded history), and dropped whole when they expire. Does nothing on H2, whose table is one.
 */
final class MessagePartitions {
    /** Partitions are kept this many days ahead of today. */
    static final int AHEAD_DAYS = 2;

    private final Sql sql;
    private final boolean postgres;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    MessagePartitions(Sql sql, boolean postgres) {
        this.sql = sql;
        this.postgres = postgres;
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** The days stored messages may fall on: the partitions that exist (oldest first). */
    List<LocalDate> days() {
        if (!postgres) {
            return List.of();
        }
        return sql.inConnection(MessagePartitions::existing);
    }

    private static List<LocalDate> existing(Connection c) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        for (String name : Sql.list(c, "SELECT child.relname FROM pg_inherits i JOIN pg_class child ON child.oid = "
                + "i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent WHERE parent.relname = 'message'",
                r -> r.getString(1))) {
            LocalDate d = MessageSchema.dayOf(name);
            if (d != null) {
                days.add(d);
            }
        }
        return new ArrayList<>(days);
    }

    /** Makes sure a partition exists for each row's day, on {@code c} (in its transaction, if it has one). */
    void ensureFor(Connection c, List<MessageRow> rows) throws SQLException {
        if (!postgres) {
            return;
        }
        Set<LocalDate> missing = new TreeSet<>();
        for (MessageRow r : rows) {
            LocalDate d = day(r.createdAt);
            if (!known.contains(d)) {
                missing.add(d);
            }
        }
        if (!missing.isEmpty()) {
            ensure(c, missing);
        }
    }

    /** Makes sure partitions exist from today to {@link #AHEAD_DAYS} ahead. */
    void createAhead(Instant now) {
        if (!postgres) {
            return;
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i <= AHEAD_DAYS; i++) {
            days.add(day(now).plusDays(i));
        }
        sql.inConnection(c -> {
            ensure(c, days);
            return null;
        });
    }

    private synchronized void ensure(Connection c, Collection<LocalDate> days) throws SQLException {
        if (!loaded) {
            known.addAll(existing(c));
            loaded = true;
        }
        for (LocalDate d : days) {
            if (known.contains(d)) {
                continue;
            }
            try {
                Sql.update(c, MessageSchema.createPartition("message", d));
            } catch (SQLException e) {
                // Another instance may have made it at the same moment: fine if it is there now.
                if (!existing(c).contains(d)) {
                    throw e;
                }
            }
            known.add(d);
        }
    }

    /** Drops every partition of a day before {@code day}; returns the days dropped. */
    synchronized List<LocalDate> dropBefore(LocalDate day) {
        if (!postgres) {
            return List.of();
        }
        return sql.inConnection(c -> {
            List<LocalDate> dropped = new ArrayList<>();
            for (LocalDate d : existing(c)) {
                if (d.isBefore(day)) {
                    Sql.update(c, "DROP TABLE IF EXISTS " + MessageSchema.partition(d));
                    known.remove(d);
                    dropped.add(d);
                }
            }
            return dropped;
        });
    }
}
