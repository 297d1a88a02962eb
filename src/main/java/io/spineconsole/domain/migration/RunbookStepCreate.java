package io.spineconsole.domain.migration;

/** A new runbook step; null {@code seq} appends, null {@code required} means required, null status is todo. */
public record RunbookStepCreate(Integer seq, RunbookPhase phase, String title, String owner, Boolean required,
                                RunbookStepStatus status, String evidence, String notes) {
}
