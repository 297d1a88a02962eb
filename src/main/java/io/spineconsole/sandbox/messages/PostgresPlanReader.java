package io.spineconsole.sandbox.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.sandbox.Sql;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL's {@code EXPLAIN (FORMAT JSON)} of one search statement into a {@link BranchPlan}.
 * Under the {@code Limit}, the node's "Plan Rows" is the matches; each leaf is a partition's scan: an
 * index scan reads about its own "Plan Rows", a bitmap scan what its index scans found, a sequential
 * scan the whole partition ({@code pg_class.reltuples}, the count the planner itself used). A
 * {@code Sort} above the leaves means every match is read before the first row comes back. A
 * partition's index is named by the partitioned index it belongs to.
 */
final class PostgresPlanReader {
    private final Sql sql;
    private final ObjectMapper mapper;

    PostgresPlanReader(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    BranchPlan read(MessageQuery.Statement statement) {
        JsonNode top = Explain.postgres(sql, mapper, statement);
        JsonNode body = "Limit".equals(top.path("Node Type").asText()) ? top.path("Plans").path(0) : top;
        Walk walk = new Walk();
        walk.visit(body);
        Map<String, Double> reads = new LinkedHashMap<>();
        Map<String, String> parents = parentIndexes(walk.indexes.keySet());
        walk.indexes.forEach((index, rows) -> reads.merge(parents.getOrDefault(index, index), rows, Double::sum));
        Map<String, Double> tuples = relationRows(walk.seqScans.keySet());
        for (Map.Entry<String, Double> seq : walk.seqScans.entrySet()) {
            double counted = tuples.getOrDefault(seq.getKey(), -1.0);
            reads.merge(BranchPlan.TABLE, counted >= 0 ? counted : seq.getValue(), Double::sum);
        }
        double range = reads.values().stream().mapToDouble(Double::doubleValue).sum();
        double matching = body.path("Plan Rows").asDouble(0);
        return new BranchPlan(reads, walk.ordered, Math.max(range, matching), matching, walk.relations, walk.removed);
    }

    /** What one walk down the plan tree collects. */
    private static final class Walk {
        /** Rows read through each partition's index. */
        final Map<String, Double> indexes = new LinkedHashMap<>();
        final Set<String> relations = new LinkedHashSet<>();
        final Map<String, Double> seqScans = new HashMap<>();
        boolean ordered = true;
        int removed;

        void visit(JsonNode node) {
            String type = node.path("Node Type").asText();
            removed += node.path("Subplans Removed").asInt(0);
            switch (type) {
                case "Sort" -> {
                    ordered = false;
                    children(node);
                }
                case "Seq Scan" -> {
                    relations.add(node.path("Relation Name").asText());
                    seqScans.merge(node.path("Relation Name").asText(), node.path("Plan Rows").asDouble(0), Double::sum);
                }
                case "Index Scan", "Index Only Scan" -> {
                    relations.add(node.path("Relation Name").asText());
                    indexes.merge(node.path("Index Name").asText(), node.path("Plan Rows").asDouble(0), Double::sum);
                }
                case "Bitmap Heap Scan" -> {
                    ordered = false;
                    relations.add(node.path("Relation Name").asText());
                    bitmapRows(node);
                }
                default -> children(node);
            }
        }

        private void children(JsonNode node) {
            node.path("Plans").forEach(this::visit);
        }

        /**
         * The rows a bitmap's index scans found (an OR adds them up; an AND keeps the fewest); each index
         * is counted with the rows it found.
         */
        private double bitmapRows(JsonNode node) {
            double rows = 0;
            boolean and = "BitmapAnd".equals(node.path("Node Type").asText());
            boolean first = true;
            for (JsonNode child : node.path("Plans")) {
                double r = "Bitmap Index Scan".equals(child.path("Node Type").asText()) ? indexScan(child) : bitmapRows(child);
                rows = and ? (first ? r : Math.min(rows, r)) : rows + r;
                first = false;
            }
            return rows;
        }

        private double indexScan(JsonNode node) {
            double rows = node.path("Plan Rows").asDouble(0);
            indexes.merge(node.path("Index Name").asText(), rows, Double::sum);
            return rows;
        }
    }

    /** The planner's row counts of these relations (-1 where it has none yet). */
    private Map<String, Double> relationRows(Set<String> relations) {
        if (relations.isEmpty()) {
            return Map.of();
        }
        Map<String, Double> out = new HashMap<>();
        for (Object[] row : sql.list("SELECT relname, reltuples FROM pg_class WHERE relname IN ("
                + String.join(", ", Collections.nCopies(relations.size(), "?")) + ")",
                r -> new Object[] {r.getString(1), r.getDouble(2)}, relations.toArray())) {
            out.put((String) row[0], (Double) row[1]);
        }
        return out;
    }

    /** Each partition's index by the name of the partitioned index it is part of. */
    private Map<String, String> parentIndexes(Set<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        List<String[]> rows = sql.list("SELECT child.relname, parent.relname FROM pg_inherits i JOIN pg_class child ON "
                + "child.oid = i.inhrelid JOIN pg_class parent ON parent.oid = i.inhparent WHERE child.relname IN ("
                + String.join(", ", Collections.nCopies(names.size(), "?")) + ")",
                r -> new String[] {r.getString(1), r.getString(2)}, names.toArray());
        rows.forEach(r -> out.put(r[0], r[1]));
        return out;
    }
}
