package io.spineconsole.domain.alerts;

import java.time.Instant;

/** A person's acknowledgement or snooze of an alert: who, when and their note. */
public record AlertAction(String by, Instant at, String note) {
}
