package io.spineconsole.domain.migration;


import java.time.Instant;
import java.util.List;

/** A backbone component being migrated, with its hosting, dependencies and last state change. */
public record Component(String code, String name, String description, String owner, Integer wave,
                        List<String> hostedAt, List<String> dependsOn, ComponentState state, boolean onPremisesOnly,
                        List<String> dependents, RunbookCounts runbook, ComponentTransition lastTransition,
                        long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
