package io.spineconsole.domain.migration;

/** How many runbook steps a component has, and how many are done. */
public record RunbookCounts(int total, int done) {
}
