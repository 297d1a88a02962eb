package io.spineconsole.contract;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A digest of every row of every table of the sandbox's store, to prove a refused request changed
 * nothing. Every table counts, audit and idempotency tables included: a refused request writes no
 * audit entry and stores no answer. The one column left out is {@code api_token.last_used_at},
 * which authentication itself keeps (to the minute) on any request, refused or not.
 */
public final class StoreDigest {
    private static final Set<String> IGNORED_COLUMNS = Set.of("api_token.last_used_at");

    private StoreDigest() {
    }

    /** Table name → digest of its rows (order-independent). */
    public static Map<String, String> of(DataSource dataSource) {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : tables(c)) {
                out.put(table, digest(c, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The tables whose digest differs between two snapshots. */
    public static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        Set<String> all = new java.util.TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String t : all) {
            if (!java.util.Objects.equals(before.get(t), after.get(t))) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData meta = c.getMetaData();
        String schema = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2") ? "PUBLIC" : "public";
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                out.add(rs.getString("TABLE_NAME"));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("No tables found to digest");
        }
        return out;
    }

    private static String digest(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = (table + "." + meta.getColumnName(i)).toLowerCase(Locale.ROOT);
                    if (!IGNORED_COLUMNS.contains(column)) {
                        row.append(column).append('=').append(rs.getString(i)).append('\u0001');
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> sha.update(r.getBytes(StandardCharsets.UTF_8)));
            return rows.size() + ":" + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
