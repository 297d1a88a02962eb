package io.spineconsole.domain.migration;


import java.time.Instant;

/** One state change of a component: who moved it, when and why. */
public record ComponentTransition(ComponentState from, ComponentState to, String reason, String by, Instant at) {
}
