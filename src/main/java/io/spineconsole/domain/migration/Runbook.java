package io.spineconsole.domain.migration;

import java.util.List;

/** A component's runbook steps in order. */
public record Runbook(String componentCode, List<RunbookStep> items) {
}
