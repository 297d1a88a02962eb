package io.spineconsole.sandbox.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertAction;
import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerts: listed newest first (unresolved, and resolved since a time), and written as the evaluator
 * finds them (opened, evidence refreshed, notified again, resolved). At most one unresolved alert per
 * rule and subject: the {@code active_key} constraint keeps it so even if two rounds raced. A person's
 * acknowledgement and snooze are {@link AlertActions}'.
 */
public final class AlertStore {
    static final Duration RECENT = Duration.ofDays(7);
    /** Resolved alerts are kept this long, then removed (the audit log keeps what people did to them). */
    static final Duration KEEP_RESOLVED = Duration.ofDays(90);
    static final String COLUMNS = "id, rule_id, rule_name, rule_kind, subject_kind, subject_id, subject_ods, "
            + "subject_name, state, opened_at, updated_at, evidence, ack_by, ack_at, ack_note, snoozed_by, snoozed_at, "
            + "snooze_note, snoozed_until, resolved_at, last_notified_at, notifications, version";
    private static final TypeReference<List<AlertEvidence>> EVIDENCE = new TypeReference<>() {
    };

    private final SandboxContext context;

    AlertStore(SandboxContext context) {
        this.context = context;
    }

    /** Unresolved alerts and those resolved since {@code resolvedSince} (null: the last 7 days), newest first. */
    public Page<Alert> list(AlertQuery q, PageCursor cursor, int limit) {
        Instant since = q.resolvedSince() != null ? q.resolvedSince() : context.clock().instant().minus(RECENT);
        List<String> where = new ArrayList<>(List.of("(resolved_at IS NULL OR resolved_at >= ?)"));
        List<Object> params = new ArrayList<>(List.of(since));
        if (!q.states().isEmpty()) {
            where.add("state IN (" + String.join(", ", q.states().stream().map(s -> "?").toList()) + ")");
            q.states().forEach(s -> params.add(s.code()));
        }
        if (q.ruleId() != null) {
            where.add("rule_id = ?");
            params.add(q.ruleId());
        }
        if (q.kind() != null) {
            where.add("rule_kind = ?");
            params.add(q.kind().code());
        }
        if (q.subject() != null) {
            where.add("(subject_id = ? OR subject_ods = ?)");
            params.add(q.subject());
            params.add(q.subject());
        }
        String search = String.join("|", "alerts", q.states().toString(), String.valueOf(q.ruleId()),
                String.valueOf(q.kind()), String.valueOf(q.subject()), String.valueOf(q.resolvedSince()));
        long total = context.sql().count("SELECT COUNT(*) FROM alert WHERE " + String.join(" AND ", where),
                params.toArray());
        if (cursor != null) {
            List<Object> last = cursor.lastKeyFor(search, k -> {
                if (k.size() != 2) {
                    throw new IllegalArgumentException("not an alert key");
                }
                return List.of(Instant.parse(k.get(0)), UUID.fromString(k.get(1)));
            });
            where.add("(opened_at < ? OR (opened_at = ? AND id < ?))");
            params.addAll(List.of(last.get(0), last.get(0), last.get(1)));
        }
        List<Alert> rows = context.sql().list("SELECT " + COLUMNS + " FROM alert WHERE " + String.join(" AND ", where)
                + " ORDER BY opened_at DESC, id DESC FETCH FIRST " + (limit + 1) + " ROWS ONLY", this::row,
                params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Alert last = rows.get(rows.size() - 1);
            next = PageCursor.after(search, List.of(last.openedAt().toString(), last.id().toString())).encode();
        }
        return new Page<>(rows, next, total, true);
    }

    public Alert get(UUID id) {
        return find(id).orElseThrow(() -> new NotFound("Alert " + id));
    }

    Optional<Alert> find(UUID id) {
        return context.sql().one("SELECT " + COLUMNS + " FROM alert WHERE id = ?", this::row, id);
    }

    Alert locked(Connection c, UUID id) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM alert WHERE id = ? FOR UPDATE", this::row, id).stream()
                .findFirst().orElseThrow(() -> new NotFound("Alert " + id));
    }

    /** Every unresolved alert, for the evaluator. */
    List<Alert> active() {
        return context.sql().list("SELECT " + COLUMNS + " FROM alert WHERE active_key IS NOT NULL", this::row);
    }

    /** Opens an alert for {@code rule} about {@code subject}; empty when one is already unresolved (a race lost). */
    Optional<Alert> open(AlertRule rule, AlertSubject subject, List<AlertEvidence> evidence, Instant now) {
        UUID id = UUID.randomUUID();
        try {
            context.sql().update("INSERT INTO alert (" + COLUMNS + ", active_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, ?, 1, 1, ?)", id, rule.id(),
                    rule.name(), rule.kind().code(), subject.kind().code(), subject.id(), subject.odsCode(),
                    clip(subject.displayName(), 300), AlertState.OPEN.code(), now, now, json(evidence), now,
                    activeKey(rule.id(), subject));
        } catch (Sql.StoreException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isDuplicateKey(sql)) {
                return Optional.empty();
            }
            throw e;
        }
        return find(id);
    }

    /**
     * Writes what the evaluator decided for an unresolved alert, unless someone changed it since it was read
     * (then empty: the next round sees the change). {@code notify} counts a notification now; {@code resolve}
     * closes it.
     */
    Optional<Alert> advance(Alert a, AlertState state, List<AlertEvidence> evidence, boolean notify, Instant now) {
        boolean resolve = state == AlertState.RESOLVED;
        int n = context.sql().update("UPDATE alert SET state = ?, evidence = ?, updated_at = ?, "
                        + "snoozed_until = ?, resolved_at = ?, active_key = " + (resolve ? "NULL" : "active_key")
                        + ", last_notified_at = ?, notifications = ?, version = ? WHERE id = ? AND version = ?",
                state.code(), json(evidence), now, state == AlertState.SNOOZED ? a.snoozedUntil() : null,
                resolve ? now : null, notify ? now : a.lastNotifiedAt(), a.notifications() + (notify ? 1 : 0),
                a.version() + 1, a.id(), a.version());
        return n == 1 ? find(a.id()) : Optional.empty();
    }

    /** Resolves every unresolved alert of a deleted rule, in the deletion's transaction. */
    void resolveAll(Connection c, UUID ruleId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE alert SET state = ?, resolved_at = ?, updated_at = ?, active_key = NULL, "
                + "snoozed_until = NULL, version = version + 1 WHERE rule_id = ? AND active_key IS NOT NULL",
                AlertState.RESOLVED.code(), now, now, ruleId);
    }

    /** The alerts of {@code ruleId} changed at {@code at} (the ones a deletion just resolved). */
    List<Alert> resolvedAt(UUID ruleId, Instant at) {
        return context.sql().list("SELECT " + COLUMNS + " FROM alert WHERE rule_id = ? AND resolved_at = ?", this::row,
                ruleId, at);
    }

    /** Removes alerts resolved more than {@link #KEEP_RESOLVED} before {@code now}; answers how many. */
    int expire(Instant now) {
        return context.sql().update("DELETE FROM alert WHERE resolved_at < ?", now.minus(KEEP_RESOLVED));
    }

    static String activeKey(UUID ruleId, AlertSubject subject) {
        return ruleId + "|" + clip(subject.key(), 80);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    String json(List<AlertEvidence> evidence) {
        try {
            return context.mapper().writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an alert's evidence", e);
        }
    }

    Alert row(ResultSet r) throws SQLException {
        List<AlertEvidence> evidence;
        try {
            evidence = context.mapper().readValue(r.getString("evidence"), EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable evidence of alert " + r.getString("id"), e);
        }
        String ackBy = r.getString("ack_by");
        String snoozedBy = r.getString("snoozed_by");
        return new Alert(r.getObject("id", UUID.class), r.getObject("rule_id", UUID.class), r.getString("rule_name"),
                Coded.fromCode(AlertRuleKind.class, r.getString("rule_kind")),
                new AlertSubject(Coded.fromCode(AlertSubjectKind.class, r.getString("subject_kind")),
                        r.getString("subject_id"), r.getString("subject_ods"), r.getString("subject_name")),
                Coded.fromCode(AlertState.class, r.getString("state")), Sql.instant(r, "opened_at"),
                Sql.instant(r, "updated_at"), evidence,
                ackBy == null ? null : new AlertAction(ackBy, Sql.instant(r, "ack_at"), r.getString("ack_note")),
                snoozedBy == null ? null : new AlertAction(snoozedBy, Sql.instant(r, "snoozed_at"),
                        r.getString("snooze_note")),
                Sql.instant(r, "snoozed_until"), Sql.instant(r, "resolved_at"), Sql.instant(r, "last_notified_at"),
                r.getInt("notifications"), r.getLong("version"));
    }
}
