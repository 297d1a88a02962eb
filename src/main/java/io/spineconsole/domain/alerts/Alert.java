package io.spineconsole.domain.alerts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One alert: a rule tripped for one subject. There is at most one unresolved alert per rule and
 * subject; while it stays unresolved its evidence is updated in place ({@code updatedAt}), and it is
 * notified again only after the rule's quiet period ({@code lastNotifiedAt}, {@code notifications}).
 *
 * @param evidence       the figures that tripped it, as last measured
 * @param acknowledged   who acknowledged it, when, with what note; null when nobody has
 * @param snoozed        who snoozed it, when, with what note; null when nobody has
 * @param snoozedUntil   while {@link AlertState#SNOOZED}: when it wakes
 * @param resolvedAt     when the condition ended; null while unresolved
 */
public record Alert(UUID id, UUID ruleId, String ruleName, AlertRuleKind ruleKind, AlertSubject subject,
                    AlertState state, Instant openedAt, Instant updatedAt, List<AlertEvidence> evidence,
                    AlertAction acknowledged, AlertAction snoozed, Instant snoozedUntil, Instant resolvedAt,
                    Instant lastNotifiedAt, int notifications, long version) {
    public Alert {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
