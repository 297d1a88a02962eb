package io.spineconsole.domain.migration;


import java.util.List;

/** Move a component to {@code to}; {@code hostedAt}, when given, replaces its hosting sites. */
public record ComponentTransitionRequest(ComponentState to, String reason, List<String> hostedAt) {
}
