package io.spineconsole.domain.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An alert list: unresolved alerts and those resolved since {@code resolvedSince} (null: the last
 * 7 days), newest first, a page at a time. Every filter optional.
 *
 * @param states  only these (empty: all)
 * @param subject only alerts about this endpoint id, ODS code or component code
 */
public record AlertQuery(List<AlertState> states, UUID ruleId, AlertRuleKind kind, String subject,
                         Instant resolvedSince, Integer limit, String cursor) {
    public AlertQuery {
        states = states == null ? List.of() : List.copyOf(states);
    }

    /** Open and recent alerts, the first page. */
    public static AlertQuery openAndRecent() {
        return new AlertQuery(List.of(), null, null, null, null, null, null);
    }

    /** Unresolved alerts only. */
    public static AlertQuery active() {
        return new AlertQuery(AlertState.ACTIVE, null, null, null, null, null, null);
    }

    public AlertQuery withCursor(String next) {
        return new AlertQuery(states, ruleId, kind, subject, resolvedSince, limit, next);
    }
}
