package io.spineconsole.sandbox.registrations;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.registrations.RegistrationFilter;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        static Key text(String expression, String resultColumn) {
            return new Key(expression, resultColumn, KeyType.TEXT);
        }
    }

    /** A named sort of a list: {@code ods-code}, {@code -updated-at}, ... */
    record Sort(String code, List<Key> keys, boolean descending) {
        static Map<String, Sort> both(String code, Key... keys) {
            return Map.of(code, new Sort(code, List.of(keys), false), "-" + code, new Sort("-" + code, List.of(keys), true));
        }
    }

    /** A row's sort key, as the cursor carries it (text; an empty string for NULL). */
    record RowKey(List<String> values) {
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

        /** {@code alias.status IN (...)} when the filter names statuses. */
        Where statuses(String alias, RegistrationFilter f) {
            if (!f.statuses().isEmpty()) {
                and(alias + ".status IN (" + String.join(", ", f.statuses().stream().map(s -> "?").toList()) + ")",
                        f.statuses().stream().map(Coded::code).toArray());
            }
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

    /** The sorts of one list, both ways each. */
    @SafeVarargs
    static Map<String, Sort> sorts(Map<String, Sort>... groups) {
        Map<String, Sort> out = new LinkedHashMap<>();
        for (Map<String, Sort> g : groups) {
            out.putAll(g);
        }
        return out;
    }

    /** The sort {@code code} names (the list's default when null); a sort the list does not offer is a bad parameter. */
    static Sort sort(Map<String, Sort> sorts, String code, String defaultCode) {
        String wanted = code == null ? defaultCode : code;
        Sort sort = sorts.get(wanted);
        if (sort == null) {
            throw Invalid.parameter("query.sort", "ENUM", "'" + wanted + "' is not a sort of this list. Use one of: "
                    + String.join(", ", sorts.keySet().stream().sorted().toList()) + ".");
        }
        return sort;
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
    static <T> Page<T> page(Connection c, String select, String countFrom, Where where, Sort sort, PageCursor cursor,
                            int limit, Sql.RowMapper<T> mapper, Enrich<T> enrich) throws SQLException {
        String scope = select + where.fingerprint() + sort.code();
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>(where.params());
        if (!where.sql().isEmpty()) {
            clauses.add(where.sql().substring(" WHERE ".length()));
        }
        if (cursor != null) {
            List<String> last = cursor.lastKeyFor(scope);
            if (last.size() != sort.keys().size()) {
                throw invalidCursor();
            }
            clauses.add(after(sort, last, params));
        }
        String sql = select + (clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses))
                + " ORDER BY " + orderBy(sort) + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
        List<RowKey> keys = new ArrayList<>();
        List<T> rows = Sql.list(c, sql, row -> {
            List<String> key = new ArrayList<>(sort.keys().size());
            for (Key k : sort.keys()) {
                Object value = switch (k.type()) {
                    case TEXT -> row.getString(k.resultColumn());
                    case LONG -> row.getLong(k.resultColumn());
                    case INSTANT -> Sql.instant(row, k.resultColumn());
                };
                key.add(value == null ? "" : value.toString());
            }
            keys.add(new RowKey(key));
            return mapper.map(row);
        }, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = PageCursor.after(scope, keys.get(limit - 1).values()).encode();
        }
        long total = Sql.list(c, "SELECT COUNT(*) FROM " + countFrom + where.sql(), r -> r.getLong(1),
                where.params().toArray()).get(0);
        return new Page<>(enrich.apply(rows), next, total, true);
    }

    /** The ORDER BY list of {@code sort}: its key expressions, each descending when the sort is. */
    static String orderBy(Sort sort) {
        return String.join(", ", sort.keys().stream().map(k -> k.expression() + (sort.descending() ? " DESC" : "")).toList());
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
            throw invalidCursor();
        }
    }

    private static Invalid invalidCursor() {
        return Invalid.parameter("query.cursor", "INVALID_CURSOR",
                "The cursor is not one this server issued. Pass nextCursor back unchanged.");
    }
}
