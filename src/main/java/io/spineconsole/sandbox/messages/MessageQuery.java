package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessageSearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a message search into keyset SQL that reads a page straight off an index. One filter
 * drives: the most selective one given, in a fixed order. A filter that matches the sender or the
 * recipient (ODS, and through the party map ASID, party key, endpoint) or several statuses becomes
 * several branches, each an indexed range (equality column, created_at DESC, message_id DESC)
 * ordered by the index's own columns; the branches' pages are merged. Every other filter is a
 * residual condition on the same rows.
 */
final class MessageQuery {
    static final String COLUMNS = "message_id, conversation_id, interaction_id, messaging_pattern, from_asid, to_asid, "
            + "from_party_key, to_party_key, from_ods, to_ods, site_code, status, attempts, size_bytes, latency_ms, "
            + "error_code, error_description, redelivery_of, created_at, updated_at, endpoint_id";

    /** One indexed range: {@code column = value}, or the whole time index when column is null. */
    record Branch(String column, Object value) {
    }

    /** The keyset position after the last row served. */
    record After(Instant createdAt, UUID messageId) {
    }

    /** One SQL statement and its parameters, in order. */
    record Statement(String sql, Object[] params) {
    }

    private final MessageSearch search;
    private final Instant from;
    private final Instant to;
    private final List<String> residual = new ArrayList<>();
    private final List<Object> residualParams = new ArrayList<>();

    MessageQuery(MessageSearch search, Instant from, Instant to) {
        this.search = search;
        this.from = from;
        this.to = to;
        eq("message_id", search.messageId());
        eq("conversation_id", search.conversationId());
        either("from_ods", "to_ods", search.ods());
        either("from_asid", "to_asid", search.asid());
        either("from_party_key", "to_party_key", search.partyKey());
        eq("interaction_id", search.interaction());
        eq("site_code", search.site());
        eq("endpoint_id", search.endpointId());
        signature(search.signature());
        if (!search.statuses().isEmpty()) {
            residual.add("status IN (" + String.join(", ", search.statuses().stream().map(s -> "?").toList()) + ")");
            search.statuses().forEach(s -> residualParams.add(s.code()));
        }
        if (from != null) {
            residual.add("created_at >= ?");
            residualParams.add(from);
        }
        if (to != null) {
            residual.add("created_at < ?");
            residualParams.add(to);
        }
    }

    private void eq(String column, Object value) {
        if (value != null) {
            residual.add(column + " = ?");
            residualParams.add(value);
        }
    }

    /**
     * A failure group's messages: a group's signature (status|code|To party key) is those three columns; a
     * stored message's signature (with the interaction too) is its own column.
     */
    private void signature(String signature) {
        String[] cause = cause(signature);
        if (cause == null) {
            eq("signature", signature);
            return;
        }
        eq("status", cause[0]);
        nullOrEq("error_code", cause[1]);
        nullOrEq("to_party_key", cause[2]);
        residual.add("signature IS NOT NULL");
    }

    /** The parts of a group's signature (status, code, party key), or null for any other signature. */
    private static String[] cause(String signature) {
        if (signature == null) {
            return null;
        }
        String[] parts = signature.split("\\|", -1);
        return parts.length == 3 ? parts : null;
    }

    private void nullOrEq(String column, String value) {
        if (value.isEmpty()) {
            residual.add(column + " IS NULL");
        } else {
            eq(column, value);
        }
    }

    private void either(String a, String b, Object value) {
        if (value != null) {
            residual.add("(" + a + " = ? OR " + b + " = ?)");
            residualParams.add(value);
            residualParams.add(value);
        }
    }

    /** Adds a condition every row must meet (for example, that a redelivered copy exists). */
    MessageQuery require(String condition, Object... params) {
        residual.add(condition);
        residualParams.addAll(List.of(params));
        return this;
    }

    /**
     * The indexed ranges to read. A search by party key, ASID or endpoint reads the ODS indexes: the
     * ranges of each organisation the party appears with ({@code parties}), as sender and as
     * recipient (an endpoint only as recipient); the party itself is a residual condition. A party
     * that never appeared has no range: nothing matches.
     */
    List<Branch> branches(MessageParties parties) {
        if (search.messageId() != null) {
            return List.of(new Branch("message_id", search.messageId()));
        }
        if (search.conversationId() != null) {
            return List.of(new Branch("conversation_id", search.conversationId()));
        }
        if (search.signature() != null) {
            String[] cause = cause(search.signature());
            return cause == null ? List.of(new Branch("signature", search.signature()))
                    : !cause[2].isEmpty() ? List.of(new Branch("to_party_key", cause[2]))
                    : List.of(new Branch("status", cause[0]));
        }
        if (search.partyKey() != null) {
            return bothWays(parties.odsOf(MessageParties.PARTY_KEY, search.partyKey()));
        }
        if (search.asid() != null) {
            return bothWays(parties.odsOf(MessageParties.ASID, search.asid()));
        }
        if (search.endpointId() != null) {
            return parties.odsOfEndpoint(search.endpointId()).stream().map(o -> new Branch("to_ods", o)).toList();
        }
        if (search.ods() != null) {
            return bothWays(List.of(search.ods()));
        }
        if (search.interaction() != null) {
            return List.of(new Branch("interaction_id", search.interaction()));
        }
        if (!search.statuses().isEmpty()) {
            return search.statuses().stream().map((MessageStatus s) -> new Branch("status", s.code())).toList();
        }
        if (search.site() != null) {
            return List.of(new Branch("site_code", search.site()));
        }
        return List.of(new Branch(null, null));
    }

    private static List<Branch> bothWays(List<String> odsCodes) {
        List<Branch> out = new ArrayList<>();
        for (String ods : odsCodes) {
            out.add(new Branch("from_ods", ods));
            out.add(new Branch("to_ods", ods));
        }
        return out;
    }

    /** The SQL and parameters for one branch's page of {@code limit} rows after {@code after}. */
    Statement page(Branch branch, After after, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        if (branch.column() != null) {
            where.append(branch.column()).append(" = ? AND ");
            params.add(branch.value());
        }
        where.append(residual.isEmpty() ? "1 = 1" : String.join(" AND ", residual));
        params.addAll(residualParams);
        boolean desc = !search.oldestFirst();
        if (after != null) {
            String cmp = desc ? "<" : ">";
            where.append(" AND created_at ").append(cmp).append("= ? AND (created_at ").append(cmp)
                    .append(" ? OR message_id ").append(cmp).append(" ?)");
            params.add(after.createdAt());
            params.add(after.createdAt());
            params.add(after.messageId());
        }
        String dir = desc ? " DESC" : "";
        String order = " ORDER BY " + (branch.column() == null ? "" : branch.column() + ", ") + "created_at" + dir
                + ", message_id" + dir;
        params.add(limit);
        return new Statement("SELECT " + COLUMNS + " FROM message" + where + order + " LIMIT ?", params.toArray());
    }

    /** A count of one branch that stops reading after {@code cap} rows. */
    Statement cappedCount(Branch branch, int cap) {
        Statement page = page(branch, null, cap);
        String sql = page.sql().replace("SELECT " + COLUMNS, "SELECT 1");
        return new Statement("SELECT COUNT(*) FROM (" + sql + ") capped", page.params());
    }

    /** All filters as one statement, for the planner's row estimate. */
    Statement estimate() {
        return new Statement("SELECT 1 FROM message WHERE " + (residual.isEmpty() ? "1 = 1" : String.join(" AND ", residual)),
                residualParams.toArray());
    }

    /** Orders rows as the pages do: newest (or oldest) first, then by message id as the database compares UUIDs. */
    static int compare(Instant aAt, UUID aId, Instant bAt, UUID bId, boolean oldestFirst) {
        int c = aAt.compareTo(bAt);
        if (c == 0) {
            c = Long.compareUnsigned(aId.getMostSignificantBits(), bId.getMostSignificantBits());
            if (c == 0) {
                c = Long.compareUnsigned(aId.getLeastSignificantBits(), bId.getLeastSignificantBits());
            }
        }
        return oldestFirst ? c : -c;
    }
}
