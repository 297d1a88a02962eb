package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.spineconsole.sandbox.Sql;

/**
 * Asks the store how it would run a statement, without running it: PostgreSQL's
 * {@code EXPLAIN (FORMAT JSON)} (the planner's tree, with its row estimates) and H2's {@code EXPLAIN}
 * (the statement rewritten with the index it chose in a comment). Shared by the search's
 * approximate count and the search plan.
 */
final class Explain {
    private Explain() {
    }

    /** PostgreSQL: the top plan node of {@code q}, or a missing node when the plan could not be read. */
    static JsonNode postgres(Sql sql, ObjectMapper mapper, MessageQuery.Statement q) {
        String plan = sql.one("EXPLAIN (FORMAT JSON) " + q.sql(), r -> r.getString(1), q.params()).orElse("[]");
        try {
            return mapper.readTree(plan).path(0).path("Plan");
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    /** PostgreSQL: the planner's estimate of the rows {@code q} returns (0 when it cannot say). */
    static long postgresRows(Sql sql, ObjectMapper mapper, MessageQuery.Statement q) {
        return postgres(sql, mapper, q).path("Plan Rows").asLong(0);
    }

    /** H2: the plan text of {@code q}. */
    static String h2(Sql sql, MessageQuery.Statement q) {
        return sql.one("EXPLAIN " + q.sql(), r -> r.getString(1), q.params()).orElse("");
    }
}
