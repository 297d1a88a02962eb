package io.spineconsole.domain.migration;

import java.time.Instant;

/** One step of a component's runbook. */
public record RunbookStep(int seq, RunbookPhase phase, String title, String owner, boolean required,
                          RunbookStepStatus status, String evidence, String notes, long id, String componentCode,
                          String completedBy, Instant completedAt,
                          long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
