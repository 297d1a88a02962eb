package io.spineconsole.domain.migration;


import java.time.Instant;

/**
 * One state change of a component: who moved it, when and why. {@code injected} names the training
 * scenario that made the change (a component it held blocked, and its restoring); null for a real one.
 */
public record ComponentTransition(ComponentState from, ComponentState to, String reason, String by, Instant at,
                                  String injected) {

    /** A real change, no scenario's. */
    public ComponentTransition(ComponentState from, ComponentState to, String reason, String by, Instant at) {
        this(from, to, reason, by, at, null);
    }
}
