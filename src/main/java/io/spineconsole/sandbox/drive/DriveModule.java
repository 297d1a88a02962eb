package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.TrafficSimulator;

/**
 * What lets a trainer drive a sandbox: its traffic rate and its incident scenarios, laid over the
 * live traffic simulator. The routes ({@code sandbox.http.drive}) take their parts from here.
 */
public final class DriveModule implements AutoCloseable {
    private final TrafficControl traffic;
    private final ScenarioRuns scenarios;
    private final TrafficSimulator simulator;

    public DriveModule(SandboxContext context, TrafficSimulator simulator) {
        this.simulator = simulator;
        this.traffic = new TrafficControl(context, simulator);
        this.scenarios = new ScenarioRuns(context);
        simulator.conditions(scenarios);
    }

    public TrafficControl traffic() {
        return traffic;
    }

    public ScenarioRuns scenarios() {
        return scenarios;
    }

    /** Ends the scenarios and stops live traffic (its last tick waited for). */
    @Override
    public void close() {
        scenarios.stopAll();
        simulator.stop();
    }
}
