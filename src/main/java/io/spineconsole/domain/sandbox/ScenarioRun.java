package io.spineconsole.domain.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scenario started on a sandbox: when, by whom, until when, and each step's window on the
 * clock. {@code state} is {@code running}, {@code finished} (its last step ended) or
 * {@code stopped} (by an admin, at {@code stoppedAt}).
 */
public record ScenarioRun(UUID runId, String scenario, String description, String state, Instant startedAt,
                          Instant endsAt, Instant stoppedAt, String startedBy, List<Window> timeline) {
    public static final String RUNNING = "running";
    public static final String FINISHED = "finished";
    public static final String STOPPED = "stopped";

    public ScenarioRun {
        timeline = List.copyOf(timeline);
    }

    /** One step on the clock: {@code state} is {@code pending}, {@code active} or {@code done}. */
    public record Window(Instant from, Instant until, String condition, java.util.Map<String, String> parameters,
                         String state) {
        public Window {
            parameters = java.util.Map.copyOf(parameters);
        }
    }
}
