package io.spineconsole.domain.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * A saved alert rule. {@code version} goes back as {@code If-Match} on an update or delete, so two
 * people editing the same rule cannot overwrite each other unseen.
 */
public record AlertRule(UUID id, String name, AlertRuleKind kind, AlertScope scope, String target,
                        AlertThresholds thresholds, boolean enabled, int quietPeriodMinutes, long version,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
