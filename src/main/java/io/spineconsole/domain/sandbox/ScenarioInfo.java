package io.spineconsole.domain.sandbox;

import java.util.List;

/** A scenario a sandbox offers: its name, what it rehearses, how long it lasts, and its steps. */
public record ScenarioInfo(String name, String description, long durationSeconds, List<ScenarioStep> steps) {
    public ScenarioInfo {
        steps = List.copyOf(steps);
    }

    public static ScenarioInfo of(Scenario s) {
        return new ScenarioInfo(s.name(), s.description(), s.durationSeconds(), s.steps());
    }
}
