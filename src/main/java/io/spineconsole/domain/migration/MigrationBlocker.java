package io.spineconsole.domain.migration;


/** A component that blocks a transition or a sign-off; {@code site} is the data centre concerned, if any. */
public record MigrationBlocker(String component, ComponentState state, String site, String reason) {
}
