package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.http.Cursors;
import io.spineconsole.sandbox.http.ProblemException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keyset paging over one table: a sort is a list of key columns (the last one unique), the cursor
 * carries the last row's key, and the next page starts strictly after it. Never OFFSET.
 */
final class Keyset {
    enum KeyType { TEXT, INSTANT, LONG }

    /** One sort key column: the SQL expression (as in the matching index) and how to carry it in a cursor. */
    record Key(String expression, String resultColumn, KeyType type) {
    }

    /** A named sort of a list: {@code ods-code}, {@code -updated-at}, ... */
    record Sort(String code, List<Key> keys, boolean descending) {
        static Map<String, Sort> both(String code, Key... keys) {
            return Map.of(code, new Sort(code, List.of(keys), false), "-" + code, new Sort("-" + code, List.of(keys), true));
        }
    }

    /** The WHERE clause of a search, with its parameters in order. */
    static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();
        private final StringBuilder fingerprint = new StringBuilder();

        Where and(String clause, Object... values) {
            clauses.add(clause);
            params.addAll(List.of(values));
            fingerprint.append(clause).append(List.of(values)).append(';');
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        List<Object> params() {
            return params;
        }

        String fingerprint() {
            return fingerprint.toString();
        }
    }

    /** Completes a page's rows with what lives in other tables (interaction lists), in one query per page. */
    @FunctionalInterface
    interface Enrich<T> {
        List<T> apply(List<T> rows) throws SQLException;
    }

    private Keyset() {
    }

    /** A case-insensitive LIKE pattern that matches {@code text} literally at the start. */
    static String prefix(String text) {
        return escape(text) + "%";
    }

    static String contains(String text) {
        return "%" + escape(text) + "%";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Reads one page: {@code select} is {@code SELECT ... FROM table alias} without WHERE or ORDER BY;
     * rows are mapped in order and the next cursor is made from the last row's key columns.
     */
    static <T> Page<T> page(Connection c, String select, String countFrom, Where where, Sort sort, String cursor,
                            int limit, Sql.RowMapper<T> mapper, Enrich<T> enrich) throws SQLException {
        String scope = select + where.fingerprint() + sort.code();
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>(where.params());
        if (!where.sql().isEmpty()) {
            clauses.add(where.sql().substring(" WHERE ".length()));
        }
        if (cursor != null) {
            List<String> last = Cursors.decode(cursor, scope);
            if (last.size() != sort.keys().size()) {
                throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                        "The cursor is not one this server issued. Pass nextCursor back unchanged.");
            }
            clauses.add(after(sort, last, params));
        }
        String order = String.join(", ", sort.keys().stream()
                .map(k -> k.expression() + (sort.descending() ? " DESC" : "")).toList());
        String sql = select + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses))
                + " ORDER BY " + order + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
        List<Object[]> keys = new ArrayList<>();
        List<T> rows = Sql.list(c, sql, row -> {
            Object[] key = new Object[sort.keys().size()];
            for (int i = 0; i < key.length; i++) {
                Key k = sort.keys().get(i);
                key[i] = switch (k.type()) {
                    case TEXT -> row.getString(k.resultColumn());
                    case LONG -> row.getLong(k.resultColumn());
                    case INSTANT -> Sql.instant(row, k.resultColumn());
                };
            }
            keys.add(key);
            return mapper.map(row);
        }, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Object[] lastKey = keys.get(limit - 1);
            List<String> encoded = new ArrayList<>();
            for (Object v : lastKey) {
                encoded.add(v == null ? "" : v.toString());
            }
            next = Cursors.encode(scope, encoded);
        }
        long total = Sql.list(c, "SELECT COUNT(*) FROM " + countFrom + where.sql(), ResultSet -> ResultSet.getLong(1),
                where.params().toArray()).get(0);
        return new Page<>(enrich.apply(rows), next, total, true);
    }

    /** (a, b, c) strictly after (x, y, z) in the sort order, as nested OR/AND that both databases plan well. */
    private static String after(Sort sort, List<String> last, List<Object> params) {
        String op = sort.descending() ? " < " : " > ";
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < sort.keys().size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(sort.keys().get(j).expression() + " = ?");
                params.add(value(sort.keys().get(j), last.get(j)));
            }
            ands.add(sort.keys().get(i).expression() + op + "?");
            params.add(value(sort.keys().get(i), last.get(i)));
            ors.add("(" + String.join(" AND ", ands) + ")");
        }
        // The leading range on the first key lets the index seek; the ORs only refine within it.
        Key first = sort.keys().get(0);
        params.add(value(first, last.get(0)));
        return "(" + String.join(" OR ", ors) + ") AND " + first.expression() + (sort.descending() ? " <= ?" : " >= ?");
    }

    private static Object value(Key key, String text) {
        try {
            return switch (key.type()) {
                case TEXT -> text;
                case LONG -> Long.parseLong(text);
                case INSTANT -> Instant.parse(text);
            };
        } catch (RuntimeException e) {
            throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                    "The cursor is not one this server issued. Pass nextCursor back unchanged.");
        }
    }
}
