package io.spineconsole.sandbox.drive;

import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.TrafficSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What lets a trainer drive a sandbox: its traffic rate and its incident scenarios, laid over the
 * live traffic simulator. The routes ({@code sandbox.http.drive}) take their parts from here. A beat
 * once a second starts and ends the scenario steps that change records rather than traffic (a
 * migration component blocked); the first beat restores what a sandbox stopped mid-drill left blocked.
 */
public final class DriveModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DriveModule.class);
    static final long BEAT_MILLIS = 1_000;
    private final TrafficControl traffic;
    private final ScenarioRuns scenarios;
    private final TrafficSimulator simulator;
    private final ScheduledExecutorService beat;

    public DriveModule(SandboxContext context, TrafficSimulator simulator) {
        this.simulator = simulator;
        this.traffic = new TrafficControl(context, simulator);
        this.scenarios = new ScenarioRuns(context);
        simulator.conditions(scenarios);
        this.beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scenario-clock");
            t.setDaemon(true);
            return t;
        });
        beat.scheduleWithFixedDelay(this::beat, 0, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            scenarios.applyBlocks();
        } catch (RuntimeException e) {
            LOG.warn("Applying the scenarios' migration blocks failed; trying again at the next beat", e);
        }
    }

    public TrafficControl traffic() {
        return traffic;
    }

    public ScenarioRuns scenarios() {
        return scenarios;
    }

    /** Stops the beat (its last one waited for), ends the scenarios (restoring what they blocked) and stops live traffic. */
    @Override
    public void close() {
        beat.shutdown();
        try {
            if (!beat.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The scenario clock's last beat did not finish within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scenarios.stopAll();
        simulator.stop();
    }
}
