package io.spineconsole.sandbox.registrations;

import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The interaction lists of accredited systems ({@code system_interaction}) and endpoints
 * ({@code endpoint_interaction}): one row per interaction, in the order given, each id once.
 */
final class InteractionLists {
    /** One listed interaction of one record. */
    private record Listed(String owner, String interactionId) {
    }

    private InteractionLists() {
    }

    /** Replaces the owner's list with {@code interactions} (repeats dropped, order kept). */
    static void write(Connection c, String table, String ownerColumn, Object owner, List<String> interactions)
            throws SQLException {
        Sql.update(c, "DELETE FROM " + table + " WHERE " + ownerColumn + " = ?", owner);
        if (interactions == null || interactions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + ownerColumn
                + ", position, interaction_id) VALUES (?, ?, ?)")) {
            int position = 0;
            for (String id : interactions.stream().distinct().toList()) {
                Sql.bind(ps, owner, position++, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The lists of the records {@code keys}, by owner key as text: {@code select} returns (owner, interaction id)
     * and ends with {@code IN }; {@code order} orders the rows by owner and position.
     */
    static Map<String, List<String>> read(Connection c, String select, String order, List<?> keys) throws SQLException {
        String in = "(" + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        Map<String, List<String>> out = new HashMap<>();
        for (Listed row : Sql.list(c, select + in + order, r -> new Listed(r.getString(1).trim(), r.getString(2)),
                keys.toArray())) {
            out.computeIfAbsent(row.owner(), k -> new ArrayList<>()).add(row.interactionId());
        }
        return out;
    }

    /** Copies the interaction catalogue into its table, for the checks that compare patterns in SQL terms. */
    static void mirrorCatalogue(Connection c, InteractionCatalogue catalogue) throws SQLException {
        Sql.update(c, "DELETE FROM interaction_catalogue");
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO interaction_catalogue (interaction_id, messaging_pattern) VALUES (?, ?)")) {
            for (InteractionCatalogue.Interaction i : catalogue.all()) {
                Sql.bind(ps, i.id(), i.pattern().code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
