package io.spineconsole.sandbox.messages;

import io.spineconsole.domain.messages.MessageSearch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads H2's {@code EXPLAIN} of one search statement into a {@link BranchPlan}. H2 writes the index it
 * chose, and the conditions it reads it by, in a comment after the table
 * ({@code /* PUBLIC.MESSAGE_BY_FROM_ODS: FROM_ODS = ?1 AND CREATED_AT >= ?2 ... *}{@code /}, or
 * {@code /* PUBLIC.MESSAGE.tableScan *}{@code /}), and {@code /* index sorted *}{@code /} when it reads
 * in the page's order and can stop at the limit. It gives no row counts, so they come from
 * {@link H2Statistics}: the rows in the range read are the table's rows × the window's share (when
 * the index is read by time) × one value's share of each column read by equality; the matches are the
 * rows in the window × the branch's value share × the share of each further filter, taken as
 * independent (the way a planner guesses).
 */
final class H2PlanReader {
    private static final Pattern ACCESS = Pattern.compile("/\\* \\w+\\.(\\w+)(\\.tableScan)?(?::(.*?))?\\s*\\*/",
            Pattern.DOTALL);
    private static final Pattern EQUALS = Pattern.compile("\"?(\\w+)\"? = \\?");

    private final io.spineconsole.sandbox.Sql sql;
    private final H2Statistics statistics;

    H2PlanReader(io.spineconsole.sandbox.Sql sql) {
        this.sql = sql;
        this.statistics = new H2Statistics(sql);
    }

    BranchPlan read(MessageQuery.Statement statement, MessageQuery.Branch branch, MessageSearch search, Instant from,
                    Instant to) {
        String plan = Explain.h2(sql, statement);
        Matcher m = ACCESS.matcher(plan);
        boolean found = m.find();
        boolean scan = !found || m.group(2) != null;
        String index = found && !scan ? m.group(1).toLowerCase(Locale.ROOT) : null;
        String conditions = found && m.group(3) != null ? m.group(3) : "";
        double rows = statistics.rows();
        double window = statistics.windowShare(from, to);
        double range = rows;
        if (!scan) {
            if (conditions.contains("CREATED_AT")) {
                range *= window;
            }
            Matcher eq = EQUALS.matcher(conditions);
            while (eq.find()) {
                range *= statistics.valueShare(eq.group(1));
            }
        }
        double matching = rows * window * (branch.column() == null ? 1 : statistics.valueShare(branch.column()))
                * furtherFilters(search);
        if (search.messageId() != null) {
            matching = Math.min(matching, 1);
        }
        String read = index == null ? BranchPlan.TABLE : index.startsWith("primary_key") ? "message_pk" : index;
        return new BranchPlan(Map.of(read, range), plan.contains("/* index sorted"), Math.max(range, matching), matching,
                Set.of(), 0);
    }

    /**
     * The share of rows the filters after the one that drives the search keep. The order is the one
     * {@link MessageQuery#branches} picks the driving filter in; a party, ASID or endpoint filter
     * beyond the driving one is taken to keep its organisation's rows.
     */
    private double furtherFilters(MessageSearch s) {
        List<Double> shares = new ArrayList<>();
        boolean[] driving = {s.messageId() != null, s.conversationId() != null, s.signature() != null,
                s.partyKey() != null, s.asid() != null, s.endpointId() != null};
        int given = 0;
        for (boolean d : driving) {
            given += d ? 1 : 0;
        }
        if (s.ods() != null) {
            shares.add(Math.min(1, 2 * statistics.valueShare("from_ods")));
        }
        if (s.interaction() != null) {
            shares.add(statistics.valueShare("interaction_id"));
        }
        if (!s.statuses().isEmpty()) {
            shares.add(Math.min(1, s.statuses().size() * statistics.valueShare("status")));
        }
        if (s.site() != null) {
            shares.add(statistics.valueShare("site_code"));
        }
        // Without an id, signature or party filter, the first of these drives the search: its share is the branch's.
        if (given == 0 && !shares.isEmpty()) {
            shares.remove(0);
        }
        double share = 1;
        for (double x : shares) {
            share *= x;
        }
        return share;
    }
}
