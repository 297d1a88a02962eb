package io.spineconsole.sandbox.alerts;

import io.spineconsole.testing.MovableClock;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.AlertSignals;
import io.spineconsole.sandbox.messages.SimulatedTraffic;
import io.spineconsole.sandbox.outcome.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A sandbox on a clock the test moves, for alert tests that run through minutes of traffic in seconds: live
 * traffic at simulated time ({@link SimulatedTraffic}), scenarios on the same clock, and the evaluator run
 * only when asked (its own timer off), so nothing sleeps and every round's time is known.
 */
public final class SimulatedAlerts implements AutoCloseable {
    public static final Actor ADMIN = new Actor(new Principal("Ada Admin", Role.ADMIN, 1), "req-alerts");
    public static final Duration ROUND = Duration.ofSeconds(15);


    public final MovableClock clock;
    public final SandboxBackbone backbone;
    final SimulatedTraffic traffic;
    final Sql sql;
    /** Messages a second of simulated traffic. */
    double rate = 15;

    public SimulatedAlerts() {
        this(TestStore.H2);
    }

    public SimulatedAlerts(TestStore store) {
        clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.HOURS));
        backbone = SandboxBackbone.start(new SandboxBackbone.Config(store.newDatabase(), null, null, "127.0.0.1",
                0, SandboxFixture.TINY, "sandbox").withoutRateLimit().withAlertInterval(Duration.ZERO), clock);
        traffic = new SimulatedTraffic(backbone, at -> clock.now = at);
        sql = new Sql(backbone.database().dataSource());
    }

    public Instant now() {
        return clock.now;
    }

    /** Traffic for {@code span} from now, in 5-second slices; the clock ends at its end. */
    public void run(Duration span) {
        traffic.run(clock.now, span, rate, Duration.ofSeconds(5));
    }

    /** Traffic for {@code span}, an evaluation round every {@link #ROUND}; every change, in order. */
    public List<AlertChanged> runAndEvaluate(Duration span) {
        List<AlertChanged> changes = new ArrayList<>();
        for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plus(ROUND)) {
            run(ROUND);
            changes.addAll(evaluate());
        }
        return changes;
    }

    public List<AlertChanged> evaluate() {
        return backbone.alerts().evaluateNow();
    }

    /** The organisation whose endpoints receive the most, after some traffic. */
    public String busiestOrganisation() {
        Map<UUID, AlertSignals.Flow> flow = backbone.messages().signals().flow(clock.now.minus(Duration.ofHours(1)),
                clock.now.plusSeconds(60));
        Map<UUID, AlertSignals.Endpoint> endpoints = backbone.messages().signals().endpoints();
        // Busy, and no endpoint with a certificate the seed lets end within two days (deliveries to it fail their
        // handshake, so "healthy traffic" would trip).
        Map<String, Long> received = new HashMap<>();
        Set<String> expiring = new HashSet<>();
        Instant soon = clock.now.plus(Duration.ofDays(2));
        endpoints.forEach((id, e) -> {
            if (e.certNotAfter() != null && e.certNotAfter().isBefore(soon)) {
                expiring.add(e.ods());
            }
            AlertSignals.Flow f = flow.get(id);
            if (f != null) {
                received.merge(e.ods(), f.received(), Long::sum);
            }
        });
        return received.entrySet().stream().filter(e -> !expiring.contains(e.getKey()))
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    public ScenarioRun scenario(String definition) {
        return backbone.drive().scenarios().start(ADMIN, new ScenarioStart(null, definition));
    }

    public void stop(ScenarioRun run) {
        backbone.drive().scenarios().stop(ADMIN, run.runId());
    }

    /** Replaces every rule with {@code rules}: a test judges only its own. */
    List<AlertRule> onlyRules(AlertRuleDraft... rules) {
        AlertRuleStore store = backbone.alerts().rules();
        for (AlertRule r : store.list(null, 500).items()) {
            backbone.alerts().deleteRule(ADMIN, r.id(), new Version(r.version()));
        }
        List<AlertRule> out = new ArrayList<>();
        for (AlertRuleDraft d : rules) {
            out.add(store.create(ADMIN, d));
        }
        return out;
    }

    /** Every alert of {@code rule}, newest first. */
    List<Alert> alerts(AlertRule rule) {
        return backbone.alerts().alerts().list(new AlertQuery(List.of(), rule.id(), null, null, Instant.EPOCH, null,
                null), null, 500).items();
    }

    @Override
    public void close() {
        backbone.close();
    }
}
