package io.spineconsole.sandbox.messages;

import io.spineconsole.testing.MovableClock;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.drive.ScenarioRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario makes the failures it promises at the times it promises, on a clock the test moves:
 * nothing before a step, every matching delivery failing (its {@code injected} field naming the scenario) while it is in
 * force, nothing after it or after the run is stopped; a silent organisation sends nothing; a burst
 * raises the rate for its window only.
 */
class ScenarioTimingTest {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static SandboxFixture sandbox;
    private static TrafficSimulator simulator;
    private static ScenarioRuns runs;
    private static final MovableClock CLOCK = new MovableClock(T0);
    private static final Actor TRAINER = new Actor(new Principal("trainer", Role.ADMIN, 1), "req-1");


    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        simulator = sandbox.backbone().traffic();
        var mapper = WireJson.strictMapper();
        SandboxContext context = new SandboxContext(new Sql(sandbox.backbone().database().dataSource()), CLOCK,
                new AuditLog(mapper, CLOCK), mapper, "h2", InteractionCatalogue.load());
        runs = new ScenarioRuns(context);
        simulator.conditions(runs);
    }

    @AfterEach
    void stopRuns() {
        runs.stopAll();
    }

    @AfterAll
    static void stop() {
        simulator.conditions(TrafficConditions.NONE);
        sandbox.close();
    }

    private static ScenarioRun startAt(Instant at, String definition) {
        CLOCK.now = at;
        return runs.start(TRAINER, new ScenarioStart(null, definition));
    }

    /** Messages made at {@code at} that carry the scenario's name as injected. */
    private static List<MessageRow> injected(List<MessageRow> rows) {
        return rows.stream().filter(r -> "Timing drill".equals(r.injected)).toList();
    }

    @Test
    void anEndpointFailsFromItsStepsStartUntilItsEndAndNotAfterAStop() {
        startAt(T0, "scenario: Timing drill\nat 10m for 20m: endpoint-failing interaction=urn failure=http-503\n");

        List<MessageRow> before = simulator.generate(1_000, T0.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertEquals(List.of(), injected(before), "nothing is injected before the step's start");

        List<MessageRow> during = simulator.generate(1_000, T0.plus(Duration.ofMinutes(10)));
        List<MessageRow> delivered = during.stream().filter(r -> r.endpointId != null).toList();
        assertEquals(delivered.size(), injected(during).size(), "every routed message fails while the step is in force");
        assertTrue(delivered.stream().allMatch(r -> "HTTP_503".equals(r.errorCode)), "with the failure promised");
        assertTrue(during.stream().noneMatch(r -> r.errorDescription != null && r.errorDescription.startsWith("[")),
                "real in form: no label in the text, the field says it was injected");
        assertTrue(before.stream().allMatch(r -> r.injected == null), "real messages carry no scenario");

        List<MessageRow> after = simulator.generate(1_000, T0.plus(Duration.ofMinutes(30)));
        assertEquals(List.of(), injected(after), "nothing is injected from the step's end");

        ScenarioRun run = startAt(T0.plus(Duration.ofHours(2)),
                "scenario: Timing drill\nat 0m for 1h: endpoint-failing interaction=urn failure=nack\n");
        assertFalse(injected(simulator.generate(200, CLOCK.now.plusSeconds(60))).isEmpty());
        CLOCK.now = CLOCK.now.plusSeconds(120);
        ScenarioRun stopped = runs.stop(TRAINER, run.runId());
        assertEquals(ScenarioRun.STOPPED, stopped.state());
        assertEquals(List.of(), injected(simulator.generate(1_000, CLOCK.now.plusSeconds(1))),
                "a stopped scenario injects nothing more");
    }

    @Test
    void aSilentOrganisationSendsNothingForItsWindowAndABurstRaisesTheRateForItsOwn() {
        Map<String, Long> senders = simulator.generate(3_000, T0).stream()
                .collect(Collectors.groupingBy(r -> r.fromOds, Collectors.counting()));
        String busiest = senders.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        startAt(T0, "scenario: Timing drill\nat 5m for 10m: organisation-silent ods=" + busiest
                + "\nat 20m for 5m: burst rate=900\n");
        Function<Instant, Long> sent = at -> simulator.generate(3_000, at).stream()
                .filter(r -> r.fromOds.equals(busiest)).count();
        assertTrue(sent.apply(T0.plus(Duration.ofMinutes(4))) > 0, "sends before");
        assertEquals(0L, sent.apply(T0.plus(Duration.ofMinutes(5))), "silent from the step's start");
        assertEquals(0L, sent.apply(T0.plus(Duration.ofMinutes(15)).minusSeconds(1)), "silent until its end");
        assertTrue(sent.apply(T0.plus(Duration.ofMinutes(15))) > 0, "sends again after");

        assertEquals(40, runs.rate(40, T0.plus(Duration.ofMinutes(20)).minusSeconds(1)));
        assertEquals(900, runs.rate(40, T0.plus(Duration.ofMinutes(20))));
        assertEquals(900, runs.rate(40, T0.plus(Duration.ofMinutes(25)).minusSeconds(1)));
        assertEquals(40, runs.rate(40, T0.plus(Duration.ofMinutes(25))));
    }
}
