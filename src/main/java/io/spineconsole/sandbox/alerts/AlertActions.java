package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertRuleValidation;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.outcome.Issues;
import io.spineconsole.sandbox.outcome.Refused;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a person does to an alert: acknowledge it (taken on; no more notifications) or snooze it until a
 * time. Both are audited (entity {@code alert}) and published to every console; a resolved alert is
 * refused ({@code ALERT_RESOLVED}).
 */
public final class AlertActions {
    static final String ENTITY = "alert";
    private final SandboxContext context;
    private final AlertStore alerts;
    private final Consumer<List<AlertChanged>> publish;

    AlertActions(SandboxContext context, AlertStore alerts, Consumer<List<AlertChanged>> publish) {
        this.context = context;
        this.alerts = alerts;
        this.publish = publish;
    }

    public Alert acknowledge(Actor actor, UUID id, String note) {
        refuseIfAny(AlertRuleValidation.noteErrors(note));
        Instant now = now();
        return act(actor, id, "acknowledge", note, AlertChange.ACKNOWLEDGED, (c, before) -> Sql.update(c,
                "UPDATE alert SET state = ?, ack_by = ?, ack_at = ?, ack_note = ?, snoozed_until = NULL, "
                        + "updated_at = ?, version = version + 1 WHERE id = ?", AlertState.ACKNOWLEDGED.code(),
                actor.name(), now, note, now, id));
    }

    public Alert snooze(Actor actor, UUID id, SnoozeRequest request) {
        Instant now = now();
        refuseIfAny(AlertRuleValidation.snoozeErrors(request, now));
        return act(actor, id, "snooze", request.note(), AlertChange.SNOOZED, (c, before) -> Sql.update(c,
                "UPDATE alert SET state = ?, snoozed_by = ?, snoozed_at = ?, snooze_note = ?, snoozed_until = ?, "
                        + "updated_at = ?, version = version + 1 WHERE id = ?", AlertState.SNOOZED.code(),
                actor.name(), now, request.note(), request.until(), now, id));
    }

    private interface Change {
        void apply(java.sql.Connection c, Alert before) throws java.sql.SQLException;
    }

    private Alert act(Actor actor, UUID id, String action, String note, AlertChange change, Change write) {
        Alert after = context.sql().inTransaction(c -> {
            Alert before = alerts.locked(c, id);
            if (!before.state().active()) {
                throw Refused.transition("ALERT_RESOLVED", "The alert was resolved at " + before.resolvedAt()
                        + ": there is nothing left to " + action + ".");
            }
            write.apply(c, before);
            Alert now = alerts.locked(c, id);
            context.audit().record(c, actor, action, ENTITY, id.toString(), note, before, now);
            return now;
        });
        publish.accept(List.of(new AlertChanged(change, after)));
        return after;
    }

    private static void refuseIfAny(List<FieldRuleIssue> found) {
        Issues.of(found).throwIfAny();
    }

    private Instant now() {
        return context.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }
}
