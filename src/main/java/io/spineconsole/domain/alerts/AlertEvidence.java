package io.spineconsole.domain.alerts;

import java.util.Objects;

/** One figure behind an alert: what was measured, its value, and the rule's threshold for it (null: none). */
public record AlertEvidence(AlertMeasure measure, double value, Double threshold) {
    public AlertEvidence {
        Objects.requireNonNull(measure, "measure");
    }
}
