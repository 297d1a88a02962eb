package io.spineconsole.sandbox.migration;

import io.spineconsole.api.Page;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging over a small table keyed by a text code: the page is ordered by one sort column and
 * then by the code, and the cursor carries the last row's pair. Never OFFSET.
 *
 * @param column the sort column (the code column itself for a sort by code), or null for the code alone
 * @param parse  turns a cursor's text back into the column's type
 */
record Keyset(String column, boolean descending, Function<String, Object> parse) {

    /** A filtered query: {@code from} holds FROM and joins, {@code where} conditions with their parameters. */
    record Filter(String from, String codeColumn, List<String> where, List<Object> params, String scope) {
    }

    /** One row of a page: its code, and its sort value as text (null when sorting by the code alone). */
    private record Row(String code, String sortValue) {
    }

    Page<String> page(Connection c, Filter filter, int limit, PageCursor cursor,
                      Sql.RowMapper<String> sortValue) throws SQLException {
        List<String> where = new ArrayList<>(filter.where());
        List<Object> params = new ArrayList<>(filter.params());
        String code = filter.codeColumn();
        String op = descending ? "<" : ">";
        if (cursor != null) {
            List<String> last = cursor.lastKeyFor(filter.scope());
            if (last.size() != 2) {
                throw notIssued();
            }
            if (column == null) {
                where.add(code + " " + op + " ?");
                params.add(last.get(1));
            } else {
                Object value;
                try {
                    value = last.get(0) == null ? null : parse.apply(last.get(0));
                } catch (RuntimeException e) {
                    throw notIssued();
                }
                where.add("(" + column + " " + op + " ? OR (" + column + " = ? AND " + code + " " + op + " ?))");
                params.add(value);
                params.add(value);
                params.add(last.get(1));
            }
        }
        String dir = descending ? " DESC" : "";
        String order = (column == null ? "" : column + dir + ", ") + code + dir;
        String whereSql = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        String select = "SELECT " + code + " AS page_code" + (column == null ? "" : ", " + column + " AS page_sort")
                + " FROM " + filter.from() + whereSql + " ORDER BY " + order + " FETCH FIRST " + (limit + 1) + " ROWS ONLY";
        List<Row> rows = Sql.list(c, select, r -> new Row(r.getString("page_code"),
                column == null ? null : sortValue.map(r)), params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row lastRow = rows.get(limit - 1);
            next = PageCursor.after(filter.scope(), java.util.Arrays.asList(lastRow.sortValue(), lastRow.code())).encode();
        }
        String countSql = "SELECT COUNT(*) FROM " + filter.from()
                + (filter.where().isEmpty() ? "" : " WHERE " + String.join(" AND ", filter.where()));
        long total = Sql.list(c, countSql, r -> r.getLong(1), filter.params().toArray()).get(0);
        return new Page<>(rows.stream().map(Row::code).toList(), next, total, true);
    }

    private static Invalid notIssued() {
        return Invalid.parameter("query.cursor", "INVALID_CURSOR", "The cursor is not one this server issued.");
    }
}
