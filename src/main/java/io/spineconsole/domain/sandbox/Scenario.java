package io.spineconsole.domain.sandbox;

import java.util.List;

/**
 * A named, timed script of conditions a sandbox plays out for training: endpoints failing, a
 * certificate ending, an organisation going silent, a burst, dead letters piling up, a migration
 * component blocked. Written in
 * the scenario file format ({@link ScenarioParser}, docs/SCENARIOS.md). A migration component blocked
 * for a while is the one condition that changes a record rather than live traffic.
 */
public record Scenario(String name, String description, List<ScenarioStep> steps) {
    public static final String ENDPOINT_FAILING = "endpoint-failing";
    public static final String CERTIFICATE_EXPIRED = "certificate-expired";
    public static final String ORGANISATION_SILENT = "organisation-silent";
    public static final String BURST = "burst";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String MIGRATION_BLOCKED = "migration-blocked";
    public static final List<String> CONDITIONS = List.of(ENDPOINT_FAILING, CERTIFICATE_EXPIRED, ORGANISATION_SILENT,
            BURST, DEAD_LETTERS, MIGRATION_BLOCKED);
    /** How an endpoint fails: no answer in 30 s, HTTP 503, a NACK, or the TLS handshake refused. */
    public static final List<String> FAILURES = List.of("timeout", "http-503", "nack", "tls-refused");

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Seconds from the start to the end of the last step. */
    public long durationSeconds() {
        return steps.stream().mapToLong(ScenarioStep::endSeconds).max().orElse(0);
    }
}
