package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.messages.AlertSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Evaluates every enabled rule against the figures ingest keeps, a round at a time, and moves each
 * alert through its states with hysteresis:
 * <ul>
 *   <li>a subject that trips and has no unresolved alert opens one (notified);</li>
 *   <li>while it trips or holds (between the trip and recovery figures) the alert stays, its evidence
 *       updated in place; it is notified again only once the rule's quiet period has passed since the
 *       last notification (an open alert still tripping) or when a snooze ends (still holding);</li>
 *   <li>an acknowledged alert is not notified again; once the figure is under the recovery figure (or
 *       the rule stops covering the subject: disabled, aimed elsewhere) it resolves.</li>
 * </ul>
 * So however many messages fail at once, and however the rate wobbles, a rule and subject make one
 * alert until it resolves; and however many subjects trip at once, a rule opens only a handful of alerts in
 * a round ({@link FloodGuard}). Time comes from the injected clock; nothing sleeps.
 */
public final class AlertEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    /** Fresh evidence is written (and sent to consoles) at most this often per alert: figures move every round. */
    static final Duration EVIDENCE_EVERY = Duration.ofMinutes(1);
    /** How often old resolved alerts are removed. */
    static final Duration EXPIRE_EVERY = Duration.ofHours(1);

    private final Sql sql;
    private final AlertSignals signals;
    private final AlertRuleStore rules;
    private final AlertStore alerts;
    private final Clock clock;
    private final Consumer<List<AlertChanged>> publish;
    private Instant expired = Instant.MIN;

    AlertEvaluator(Sql sql, AlertSignals signals, AlertRuleStore rules, AlertStore alerts, Clock clock,
                   Consumer<List<AlertChanged>> publish) {
        this.sql = sql;
        this.signals = signals;
        this.rules = rules;
        this.alerts = alerts;
        this.clock = clock;
        this.publish = publish;
    }

    /** One round at the clock's time; answers (and publishes) what changed. */
    public synchronized List<AlertChanged> evaluate() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Signals round = new Signals(sql, signals, now);
        Map<UUID, Map<String, Alert>> active = new HashMap<>();
        for (Alert a : alerts.active()) {
            active.computeIfAbsent(a.ruleId(), k -> new HashMap<>()).put(a.subject().key(), a);
        }
        List<AlertChanged> changes = new ArrayList<>();
        for (AlertRule rule : rules.enabled()) {
            Map<String, Alert> open = active.getOrDefault(rule.id(), new HashMap<>());
            active.remove(rule.id());
            try {
                List<Reading> readings = FloodGuard.guard(Readings.of(rule, round, open.keySet()), open.keySet(),
                        ods -> Readings.organisation(ods, round));
                for (Reading r : readings) {
                    Alert alert = open.remove(r.subject().key());
                    if (alert == null) {
                        if (r.verdict() == Reading.Verdict.TRIP) {
                            alerts.open(rule, r.subject(), r.evidence(), now)
                                    .ifPresent(a -> changes.add(new AlertChanged(AlertChange.OPENED, a)));
                        }
                    } else {
                        decide(rule, alert, r, now).ifPresent(changes::add);
                    }
                }
            } catch (RuntimeException e) {
                // One rule's trouble (a store hiccup) must not stop the others: it is tried again next round.
                LOG.warn("Alert rule {} ({}) could not be evaluated; will retry", rule.name(), rule.id(), e);
                continue;
            }
            // Unresolved alerts with no reading: the subject cleared, or left the rule's scope.
            open.values().forEach(a -> resolve(a, a.evidence(), now).ifPresent(changes::add));
        }
        // Alerts of rules no longer enabled (disabled since; deleted ones were resolved with the rule).
        active.values().forEach(byRule -> byRule.values()
                .forEach(a -> resolve(a, a.evidence(), now).ifPresent(changes::add)));
        if (!changes.isEmpty()) {
            publish.accept(changes);
        }
        if (!now.isBefore(expired.plus(EXPIRE_EVERY))) {
            alerts.expire(now);
            expired = now;
        }
        return changes;
    }

    private Optional<AlertChanged> decide(AlertRule rule, Alert a, Reading r, Instant now) {
        if (r.verdict() == Reading.Verdict.CLEAR) {
            return resolve(a, r.evidence(), now);
        }
        if (a.state() == AlertState.SNOOZED && a.snoozedUntil() != null && !now.isBefore(a.snoozedUntil())) {
            return alerts.advance(a, AlertState.OPEN, r.evidence(), true, now)
                    .map(x -> new AlertChanged(AlertChange.RENOTIFIED, x));
        }
        Duration quiet = Duration.ofMinutes(rule.quietPeriodMinutes());
        if (a.state() == AlertState.OPEN && r.verdict() == Reading.Verdict.TRIP
                && !now.isBefore(a.lastNotifiedAt().plus(quiet))) {
            return alerts.advance(a, AlertState.OPEN, r.evidence(), true, now)
                    .map(x -> new AlertChanged(AlertChange.RENOTIFIED, x));
        }
        if (!r.evidence().equals(a.evidence()) && !now.isBefore(a.updatedAt().plus(EVIDENCE_EVERY))) {
            return alerts.advance(a, a.state(), r.evidence(), false, now)
                    .map(x -> new AlertChanged(AlertChange.UPDATED, x));
        }
        return Optional.empty();
    }

    private Optional<AlertChanged> resolve(Alert a, List<AlertEvidence> evidence,
                                           Instant now) {
        return alerts.advance(a, AlertState.RESOLVED, evidence, false, now)
                .map(x -> new AlertChanged(AlertChange.RESOLVED, x));
    }
}
