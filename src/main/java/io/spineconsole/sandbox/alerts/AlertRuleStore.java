package io.spineconsole.sandbox.alerts;

import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.RuleCode;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertRuleValidation;
import io.spineconsole.domain.alerts.AlertScope;
import io.spineconsole.domain.alerts.AlertThresholds;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.NotFound;
import io.spineconsole.sandbox.outcome.Version;
import io.spineconsole.sandbox.paging.PageCursor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alert rules: listed by name, created, replaced (with the version the edit was based on) and deleted by
 * admins, each change audited (entity {@code alert-rule}). A rule is judged whole by
 * {@link AlertRuleValidation} (the console's form uses the same rules) and its target must be registered;
 * anything wrong refuses it with every field issue, and nothing is written.
 */
public final class AlertRuleStore {
    static final String ENTITY = "alert-rule";
    private static final String COLUMNS = "id, name, kind, scope, target, error_rate_percent, recovery_rate_percent, "
            + "window_minutes, min_volume, max_in_flight, max_oldest_waiting_minutes, dead_letter_growth, "
            + "expiring_within_days, enabled, quiet_period_minutes, version, created_at, created_by, updated_at, "
            + "updated_by";
    private static final String SEARCH = "alert-rules";

    private final SandboxContext context;
    private final AlertTargets targets;

    AlertRuleStore(SandboxContext context, AlertTargets targets) {
        this.context = context;
        this.targets = targets;
    }

    public Page<AlertRule> list(PageCursor cursor, int limit) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (cursor != null) {
            List<Object> last = cursor.lastKeyFor(SEARCH, k -> {
                if (k.size() != 2) {
                    throw new IllegalArgumentException("not an alert rule key");
                }
                return List.of(k.get(0), UUID.fromString(k.get(1)));
            });
            where = " WHERE (name > ? OR (name = ? AND id > ?))";
            params.addAll(List.of(last.get(0), last.get(0), last.get(1)));
        }
        long total = context.sql().count("SELECT COUNT(*) FROM alert_rule");
        List<AlertRule> rows = context.sql().list("SELECT " + COLUMNS + " FROM alert_rule" + where
                + " ORDER BY name, id FETCH FIRST " + (limit + 1) + " ROWS ONLY", AlertRuleStore::row, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            AlertRule last = rows.get(rows.size() - 1);
            next = PageCursor.after(SEARCH, List.of(last.name(), last.id().toString())).encode();
        }
        return new Page<>(rows, next, total, true);
    }

    public AlertRule get(UUID id) {
        return find(id).orElseThrow(() -> new NotFound("Alert rule " + id));
    }

    Optional<AlertRule> find(UUID id) {
        return context.sql().one("SELECT " + COLUMNS + " FROM alert_rule WHERE id = ?", AlertRuleStore::row, id);
    }

    /** The rules the evaluator runs. */
    List<AlertRule> enabled() {
        return context.sql().list("SELECT " + COLUMNS + " FROM alert_rule WHERE enabled = TRUE ORDER BY name, id",
                AlertRuleStore::row);
    }

    public AlertRule create(Actor actor, AlertRuleDraft draft) {
        AlertRuleDraft d = judged(draft);
        Instant now = now();
        AlertRule rule = new AlertRule(UUID.randomUUID(), d.name(), d.kind(), d.scope(), d.target(), d.thresholds(),
                d.enabled(), d.quietPeriodMinutes(), 1, now, actor.name(), now, actor.name());
        return context.sql().inTransaction(c -> {
            AlertThresholds t = rule.thresholds();
            Sql.update(c, "INSERT INTO alert_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?)", rule.id(), rule.name(), rule.kind().code(), rule.scope().code(),
                    rule.target(), t.errorRatePercent(), t.recoveryRatePercent(), t.windowMinutes(), t.minVolume(),
                    t.maxInFlight(), t.maxOldestWaitingMinutes(), t.deadLetterGrowth(), t.expiringWithinDays(),
                    rule.enabled(), rule.quietPeriodMinutes(), rule.version(), now, actor.name(), now, actor.name());
            context.audit().record(c, actor, "create", ENTITY, rule.id().toString(), null, null, rule);
            return rule;
        });
    }

    public AlertRule update(Actor actor, UUID id, Version version, AlertRuleDraft draft) {
        AlertRuleDraft d = judged(draft);
        return context.sql().inTransaction(c -> {
            AlertRule before = locked(c, id);
            version.check(before.version(), before);
            Instant now = now();
            AlertRule after = new AlertRule(id, d.name(), d.kind(), d.scope(), d.target(), d.thresholds(), d.enabled(),
                    d.quietPeriodMinutes(), before.version() + 1, before.createdAt(), before.createdBy(), now,
                    actor.name());
            AlertThresholds t = after.thresholds();
            Sql.update(c, "UPDATE alert_rule SET name = ?, kind = ?, scope = ?, target = ?, error_rate_percent = ?, "
                            + "recovery_rate_percent = ?, window_minutes = ?, min_volume = ?, max_in_flight = ?, "
                            + "max_oldest_waiting_minutes = ?, dead_letter_growth = ?, expiring_within_days = ?, "
                            + "enabled = ?, quiet_period_minutes = ?, version = ?, updated_at = ?, updated_by = ? "
                            + "WHERE id = ?", after.name(), after.kind().code(), after.scope().code(), after.target(),
                    t.errorRatePercent(), t.recoveryRatePercent(), t.windowMinutes(), t.minVolume(), t.maxInFlight(),
                    t.maxOldestWaitingMinutes(), t.deadLetterGrowth(), t.expiringWithinDays(), after.enabled(),
                    after.quietPeriodMinutes(), after.version(), now, actor.name(), id);
            context.audit().record(c, actor, "update", ENTITY, id.toString(), null, before, after);
            return after;
        });
    }

    /** Deletes a rule; the caller resolves its alerts in the same transaction ({@code andThen}). */
    public AlertRule delete(Actor actor, UUID id, Version version, Sql.Work<Void> andThen) {
        return context.sql().inTransaction(c -> {
            AlertRule before = locked(c, id);
            version.check(before.version(), before);
            Sql.update(c, "DELETE FROM alert_rule WHERE id = ?", id);
            context.audit().record(c, actor, "delete", ENTITY, id.toString(), null, before, null);
            andThen.run(c);
            return before;
        });
    }

    private AlertRule locked(Connection c, UUID id) throws SQLException {
        return Sql.list(c, "SELECT " + COLUMNS + " FROM alert_rule WHERE id = ? FOR UPDATE", AlertRuleStore::row, id)
                .stream().findFirst().orElseThrow(() -> new NotFound("Alert rule " + id));
    }

    /** The draft as it will be saved, or Invalid with every issue (the domain's, then whether the target is registered). */
    private AlertRuleDraft judged(AlertRuleDraft draft) {
        List<FieldRuleIssue> found = new ArrayList<>(AlertRuleValidation.errors(draft));
        AlertRuleDraft d = AlertRuleValidation.normalised(draft);
        if (found.isEmpty() && d.scope().needsTarget() && !targets.exists(d.scope(), d.target())) {
            found.add(FieldRuleIssue.of("/target", "UNKNOWN_REFERENCE", RuleCode.ALERT_TARGET_UNKNOWN, d.target()));
        }
        Issues.of(found).throwIfAny();
        return d;
    }

    private Instant now() {
        return context.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    static AlertRule row(ResultSet r) throws SQLException {
        AlertThresholds t = new AlertThresholds(number(r, "error_rate_percent"), number(r, "recovery_rate_percent"),
                integer(r, "window_minutes"), integer(r, "min_volume"), integer(r, "max_in_flight"),
                integer(r, "max_oldest_waiting_minutes"), integer(r, "dead_letter_growth"),
                integer(r, "expiring_within_days"));
        return new AlertRule(r.getObject("id", UUID.class), r.getString("name"),
                Coded.fromCode(AlertRuleKind.class, r.getString("kind")),
                Coded.fromCode(AlertScope.class, r.getString("scope")), r.getString("target"), t,
                r.getBoolean("enabled"), r.getInt("quiet_period_minutes"), r.getLong("version"),
                Sql.instant(r, "created_at"), r.getString("created_by"), Sql.instant(r, "updated_at"),
                r.getString("updated_by"));
    }

    private static Double number(ResultSet r, String column) throws SQLException {
        double v = r.getDouble(column);
        return r.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet r, String column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }
}
