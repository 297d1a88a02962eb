package io.spineconsole.sandbox.drive;

import io.spineconsole.testing.MovableClock;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.InteractionCatalogue;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import io.spineconsole.sandbox.StoreContract;
import io.spineconsole.sandbox.TestStore;
import io.spineconsole.sandbox.migration.ComponentStore;
import io.spineconsole.sandbox.outcome.Invalid;
import io.spineconsole.sandbox.outcome.Version;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A scenario's "migration component blocked" step, on a clock the test moves, on both stores: the
 * component is blocked from the step's start (its transition says which scenario did it), stays
 * blocked until the step's end and then goes back to the state it was in; stopping the run restores
 * it at once; a sandbox that stopped mid-drill restores it when it starts again; a component a
 * trainee unblocked meanwhile is left where they put it; a scenario naming no such component is
 * refused and starts nothing.
 */
abstract class MigrationBlockedScenarioContract extends StoreContract {
    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    private static final Actor TRAINER = new Actor(new Principal("trainer", Role.ADMIN, 1), "req-1");
    private static final String DRILL = "scenario: Blocked drill\nat 10m for 30m: migration-blocked component=PDS\n";
    private final MovableClock clock = new MovableClock(T0);
    private SandboxFixture sandbox;
    private SandboxContext context;
    private ScenarioRuns runs;
    private ComponentStore components;


    MigrationBlockedScenarioContract(TestStore store) {
        super(store);
    }

    @BeforeAll
    void start() {
        sandbox = store.startSandbox(SandboxFixture.TINY);
        sandbox.backbone().drive().close();  // its own clock's beat stays out of the way of this test's clock
        var mapper = WireJson.strictMapper();
        context = new SandboxContext(new Sql(sandbox.backbone().database().dataSource()), clock,
                new AuditLog(mapper, clock), mapper, store.product(), InteractionCatalogue.load());
        runs = new ScenarioRuns(context);
        components = new ComponentStore(context);
    }

    @AfterEach
    void endRuns() {
        runs.stopAll();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private void at(Duration sinceT0) {
        clock.now = T0.plus(sinceT0);
        runs.applyBlocks();
    }

    private ComponentState pds() {
        return components.get("PDS").state();
    }

    @Test
    void theComponentIsBlockedAtTheStepsStartLabelledAsInjectedAndRestoredAtItsEnd() {
        ComponentState before = pds();
        assertTrue(before != ComponentState.BLOCKED, "seeded unblocked: " + before);
        clock.now = T0;
        runs.start(TRAINER, new ScenarioStart(null, DRILL));

        at(Duration.ofMinutes(10).minusSeconds(1));
        assertEquals(before, pds(), "not blocked before the step's start");

        at(Duration.ofMinutes(10));
        Component blocked = components.get("PDS");
        assertEquals(ComponentState.BLOCKED, blocked.state(), "blocked from the step's start");
        assertEquals("Blocked drill", blocked.lastTransition().injected(), "the block is labelled as injected");
        assertEquals(before, blocked.lastTransition().from());
        assertEquals(T0.plus(Duration.ofMinutes(10)), blocked.lastTransition().at());
        assertEquals("trainer", blocked.lastTransition().by(), "under the trainer who started the scenario");
        try (HttpBackboneApi client = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken,
                sandbox.clientOptions(HttpBackboneApi.HttpClientOptions.defaults()))) {
            Component read = client.migration().getComponent("PDS").join();
            assertEquals(ComponentState.BLOCKED, read.state());
            assertEquals("Blocked drill", read.lastTransition().injected(), "the client reads the field off the wire");
        }

        at(Duration.ofMinutes(40).minusSeconds(1));
        assertEquals(ComponentState.BLOCKED, pds(), "blocked until the step's end");

        at(Duration.ofMinutes(40));
        Component restored = components.get("PDS");
        assertEquals(before, restored.state(), "back to the state it was in");
        assertEquals("Blocked drill", restored.lastTransition().injected(), "the restoring is the scenario's too");
        assertEquals(blocked.version() + 1, restored.version(), "each move is a new version of the component");
    }

    @Test
    void stoppingTheRunRestoresTheComponentAtOnce() {
        ComponentState before = pds();
        clock.now = T0.plus(Duration.ofHours(1));
        ScenarioRun run = runs.start(TRAINER, new ScenarioStart(null,
                "scenario: Blocked drill\nat 0m for 1h: migration-blocked component=PDS\n"));
        assertEquals(ComponentState.BLOCKED, pds(), "a step starting at 0m blocks at once");
        clock.now = clock.now.plusSeconds(300);
        runs.stop(TRAINER, run.runId());
        assertEquals(before, pds(), "restored when the run is stopped");
    }

    @Test
    void aSandboxStoppedMidDrillRestoresTheComponentWhenItStartsAgain() {
        ComponentState before = pds();
        clock.now = T0.plus(Duration.ofHours(2));
        runs.start(TRAINER, new ScenarioStart(null,
                "scenario: Blocked drill\nat 0m for 1h: migration-blocked component=PDS\n"));
        assertEquals(ComponentState.BLOCKED, pds());

        new ScenarioRuns(context).applyBlocks();  // a new sandbox process: no runs, the block still in the store
        assertEquals(before, pds(), "restored by the first beat of the sandbox that starts next");
        assertEquals("Blocked drill", components.get("PDS").lastTransition().injected(), "the restoring is labelled");
    }

    @Test
    void aComponentATraineeUnblockedMeanwhileIsLeftWhereTheyPutIt() {
        clock.now = T0.plus(Duration.ofHours(3));
        runs.start(TRAINER, new ScenarioStart(null,
                "scenario: Blocked drill\nat 0m for 1h: migration-blocked component=PDS\n"));
        Component blocked = components.get("PDS");
        assertEquals(ComponentState.BLOCKED, blocked.state());
        components.transition(TRAINER, "PDS", new Version(blocked.version()),
                new ComponentTransitionRequest(ComponentState.PLANNED, "Trainee unblocked it", null));

        at(Duration.ofHours(4));
        assertEquals(ComponentState.PLANNED, pds(), "not moved back over the trainee's change");
        assertNull(components.get("PDS").lastTransition().injected(), "the last change is the trainee's own");
    }

    @Test
    void aScenarioNamingNoSuchComponentIsRefusedAndStartsNothing() {
        int before = runs.list().size();
        Invalid refused = assertThrows(Invalid.class, () -> runs.start(TRAINER, new ScenarioStart(null,
                "scenario: Blocked drill\nat 0m for 1h: migration-blocked component=NOPE\n")));
        assertTrue(refused.getMessage().contains("NOPE"), refused.getMessage());
        assertEquals(before, runs.list().size(), "nothing started");
        assertEquals(List.of(), runs.list().stream().filter(r -> ScenarioRun.RUNNING.equals(r.state())).toList());
    }
}
