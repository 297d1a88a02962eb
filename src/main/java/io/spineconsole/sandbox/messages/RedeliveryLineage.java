package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.Coded;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.RedeliveryCopy;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A message's redelivery family: the original it descends from and every copy made from it, at any
 * depth ({@code redelivery_of} links, read through its index). Redelivering any member while another is
 * in flight or was delivered would send the same content twice; {@link Redelivery} refuses it, and jobs
 * skip it, unless forced.
 */
public final class RedeliveryLineage {
    /** Deeper than any real family: a guard against a loop in bad data, not a limit anyone meets. */
    private static final int MAX_DEPTH = 32;
    private static final String COLUMNS = "message_id, redelivery_of, status, created_at, redelivery_job_id";

    private final Sql sql;

    public RedeliveryLineage(Sql sql) {
        this.sql = sql;
    }

    /** The other members of {@code messageId}'s family, oldest first; empty when it has none (or is unknown). */
    public List<RedeliveryCopy> of(UUID messageId) {
        return sql.inTransaction(c -> family(c, messageId));
    }

    /** The original {@code messageId} descends from (itself when it is not a copy). */
    static UUID root(Connection c, UUID messageId) throws SQLException {
        UUID at = messageId;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Optional<UUID> parent = Sql.list(c, "SELECT redelivery_of FROM message WHERE message_id = ?",
                    r -> r.getObject(1, UUID.class), at).stream().filter(p -> p != null).findFirst();
            if (parent.isEmpty()) {
                return at;
            }
            at = parent.get();
        }
        return at;
    }

    static List<RedeliveryCopy> family(Connection c, UUID messageId) throws SQLException {
        UUID root = root(c, messageId);
        List<RedeliveryCopy> all = new ArrayList<>(Sql.list(c, "SELECT " + COLUMNS + " FROM message WHERE message_id = ?",
                RedeliveryLineage::copy, root));
        List<UUID> frontier = List.of(root);
        for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
            List<RedeliveryCopy> children = Sql.list(c, "SELECT " + COLUMNS + " FROM message WHERE redelivery_of IN ("
                    + String.join(", ", Collections.nCopies(frontier.size(), "?")) + ")", RedeliveryLineage::copy,
                    frontier.toArray());
            all.addAll(children);
            frontier = children.stream().map(RedeliveryCopy::messageId).toList();
        }
        return all.stream().filter(m -> !m.messageId().equals(messageId))
                .sorted(Comparator.comparing(RedeliveryCopy::receivedAt).thenComparing(RedeliveryCopy::messageId))
                .toList();
    }

    /** The members that stand in the way of redelivering: in flight or delivered. */
    static List<RedeliveryCopy> blocking(List<RedeliveryCopy> family) {
        return family.stream().filter(RedeliveryCopy::blocksRedelivery).toList();
    }

    private static RedeliveryCopy copy(java.sql.ResultSet r) throws SQLException {
        return new RedeliveryCopy(r.getObject("message_id", UUID.class), r.getObject("redelivery_of", UUID.class),
                Coded.fromCode(MessageStatus.class, r.getString("status")), Sql.instant(r, "created_at"),
                r.getObject("redelivery_job_id", UUID.class));
    }
}
