package io.spineconsole.domain.alerts;

import java.time.Instant;

/** Snooze an alert until a time (in the future, at most {@link AlertRuleValidation#MAX_SNOOZE_DAYS} away), with a note. */
public record SnoozeRequest(Instant until, String note) {
}
