package io.spineconsole.sandbox.alerts;

import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.outcome.Version;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Alerts, wired: rules, alerts, what people do to them, and the evaluator, run every {@link #INTERVAL}
 * on a timer of its own, its changes published on the live stream. Routes take their parts from here.
 */
public final class AlertsModule implements AutoCloseable {
    /** How often the rules are evaluated: an outage opens its alert within a window's end plus this. */
    public static final Duration INTERVAL = Duration.ofSeconds(15);

    private final SandboxContext context;
    private final AlertRuleStore rules;
    private final AlertStore alerts;
    private final AlertActions actions;
    private final AlertEvaluator evaluator;
    private final ScheduledExecutorService timer;
    private final Consumer<List<AlertChanged>> publish;

    /** Evaluating every {@link #INTERVAL}. */
    public AlertsModule(SandboxContext context, MessagesModule messages) {
        this(context, messages, INTERVAL);
    }

    /** Evaluating every {@code interval}; {@link Duration#ZERO} for never on its own (a test calls {@link #evaluateNow}). */
    public AlertsModule(SandboxContext context, MessagesModule messages, Duration interval) {
        this.context = context;
        Consumer<List<AlertChanged>> publish = changes -> messages.stream().publishAlerts(changes);
        this.rules = new AlertRuleStore(context, new AlertTargets(context.sql(), messages.signals()));
        this.alerts = new AlertStore(context);
        this.actions = new AlertActions(context, alerts, publish);
        this.evaluator = new AlertEvaluator(context.sql(), messages.signals(), rules, alerts, context.clock(), publish);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alert-evaluator");
            t.setDaemon(true);
            return t;
        });
        if (!interval.isZero()) {
            timer.scheduleWithFixedDelay(this::evaluateQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        this.publish = publish;
    }

    public AlertRuleStore rules() {
        return rules;
    }

    public AlertStore alerts() {
        return alerts;
    }

    public AlertActions actions() {
        return actions;
    }

    /** One evaluation round now, at the clock's time; answers what changed. */
    public List<AlertChanged> evaluateNow() {
        return evaluator.evaluate();
    }

    /** Deletes a rule (audited) and resolves its unresolved alerts with it, telling every console. */
    public void deleteRule(Actor actor, UUID id, Version version) {
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.MICROS);
        rules.delete(actor, id, version, c -> {
            alerts.resolveAll(c, id, now);
            return null;
        });
        List<AlertChanged> resolved = alerts.resolvedAt(id, now).stream()
                .map(a -> new AlertChanged(AlertChange.RESOLVED, a)).toList();
        if (!resolved.isEmpty()) {
            publish.accept(resolved);
        }
    }

    private void evaluateQuietly() {
        try {
            evaluator.evaluate();
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(AlertsModule.class).warn("Alert evaluation failed; will retry", e);
        }
    }

    /** Stops the timer, waiting for a round under way. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
