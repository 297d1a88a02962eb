package io.spineconsole.domain.sandbox;

/** What to start: a built-in scenario by {@code name}, or a trainer's own {@code definition} (the file's text). */
public record ScenarioStart(String name, String definition) {
}
