package io.spineconsole.domain.sandbox;

import java.util.Map;

/**
 * One timed condition of a scenario: from {@code offsetSeconds} after the start, for
 * {@code durationSeconds}, {@code condition} (one of {@link Scenario#CONDITIONS}) with its
 * parameters ({@code ods}, {@code interaction}, {@code failure}, {@code rate}, {@code component}).
 */
public record ScenarioStep(long offsetSeconds, long durationSeconds, String condition, Map<String, String> parameters) {
    public ScenarioStep {
        parameters = Map.copyOf(parameters);
    }

    public long endSeconds() {
        return offsetSeconds + durationSeconds;
    }
}
