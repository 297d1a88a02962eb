package io.spineconsole.api;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.SnoozeRequest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The alerts operations of the admin API (see openapi.yaml, tag "alerts"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}. Anyone signed in reads
 * rules and alerts; operators acknowledge and snooze; admins create, change and delete rules. A
 * refused rule is an {@code INVALID} answer whose field errors are those of
 * {@link io.spineconsole.domain.alerts.AlertRuleValidation}; updates and deletes take the version
 * the edit was based on (sent as {@code If-Match}).
 */
public interface AlertsApi {

    CompletableFuture<Page<AlertRule>> listRules(Integer limit, String cursor);

    CompletableFuture<AlertRule> getRule(UUID ruleId);

    /** Creates a rule (admin), once however often it is sent. */
    CompletableFuture<AlertRule> createRule(AlertRuleDraft rule);

    /** Replaces a rule (admin); refused as stale when it changed since {@code version}. */
    CompletableFuture<AlertRule> updateRule(UUID ruleId, AlertRuleDraft rule, long version);

    /** Deletes a rule (admin) and resolves its unresolved alerts; refused as stale when it changed since {@code version}. */
    CompletableFuture<Void> deleteRule(UUID ruleId, long version);

    /** Unresolved and recently resolved alerts, newest first, a page at a time. */
    CompletableFuture<Page<Alert>> alerts(AlertQuery query);

    CompletableFuture<Alert> alert(UUID alertId);

    /** Acknowledges an unresolved alert (operator), with an optional note; audited. */
    CompletableFuture<Alert> acknowledge(UUID alertId, String note);

    /** Snoozes an unresolved alert (operator) until a time, with an optional note; audited. */
    CompletableFuture<Alert> snooze(UUID alertId, SnoozeRequest request);

    /**
     * Opens the live stream for alert changes only (no messages): {@link LiveStream#drainAlerts}
     * gives them. It reconnects by itself and keeps at most {@code bufferCapacity} changes until drained.
     */
    LiveStream changes(int bufferCapacity);
}
