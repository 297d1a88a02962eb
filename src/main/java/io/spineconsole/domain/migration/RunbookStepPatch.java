package io.spineconsole.domain.migration;

/**
 * A partial change to a runbook step: a null member is left unchanged; a blank text member
 * ({@code owner}, {@code evidence}, {@code notes}) is cleared.
 */
public record RunbookStepPatch(Integer seq, RunbookPhase phase, String title, String owner, Boolean required,
                               RunbookStepStatus status, String evidence, String notes) {
}
