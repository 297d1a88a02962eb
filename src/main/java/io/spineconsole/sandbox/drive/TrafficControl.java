package io.spineconsole.sandbox.drive;

import io.spineconsole.domain.sandbox.TrafficChange;
import io.spineconsole.domain.sandbox.TrafficSetting;
import io.spineconsole.sandbox.Actor;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.messages.TrafficSimulator;
import io.spineconsole.sandbox.outcome.Invalid;

/** Reads and sets a sandbox's live traffic rate; every change is audited. */
public final class TrafficControl {
    static final String ENTITY = "sandbox-traffic";
    private final SandboxContext context;
    private final TrafficSimulator simulator;

    public TrafficControl(SandboxContext context, TrafficSimulator simulator) {
        this.context = context;
        this.simulator = simulator;
    }

    public TrafficSetting setting() {
        return new TrafficSetting(simulator.isRunning() ? simulator.rate() : 0,
                simulator.effectiveRate(context.clock().instant()), TrafficSimulator.MAX_RATE);
    }

    /** Sets the rate (0 stops traffic); refused with nothing changed when it is out of range. */
    public TrafficSetting change(Actor actor, TrafficChange change) {
        Integer rate = change.ratePerSecond();
        if (rate == null) {
            throw Invalid.field("/ratePerSecond", "REQUIRED", "ratePerSecond is required: 0 (off) to "
                    + TrafficSimulator.MAX_RATE + " messages a second.");
        }
        if (rate < 0 || rate > TrafficSimulator.MAX_RATE) {
            throw Invalid.field("/ratePerSecond", "OUT_OF_RANGE", "ratePerSecond must be 0 (off) to "
                    + TrafficSimulator.MAX_RATE + " messages a second.");
        }
        synchronized (this) {
            TrafficSetting before = setting();
            if (rate == 0) {
                simulator.stop();
            } else {
                simulator.start(rate);
            }
            TrafficSetting after = setting();
            context.sql().inTransaction(c -> {
                context.audit().record(c, actor, "update", ENTITY, "traffic", null, before, after);
                return null;
            });
            return after;
        }
    }
}
