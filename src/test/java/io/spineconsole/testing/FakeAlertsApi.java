package io.spineconsole.testing;

import io.spineconsole.api.AlertsApi;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.Page;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertAction;
import io.spineconsole.domain.alerts.AlertChange;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.alerts.AlertEvidence;
import io.spineconsole.domain.alerts.AlertMeasure;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertRuleValidation;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.AlertSubject;
import io.spineconsole.domain.alerts.AlertSubjectKind;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.domain.registrations.FieldRuleIssue;
import io.spineconsole.sandbox.outcome.RuleWords;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The alerts part of {@link FakeBackboneApi}: an in-memory {@link AlertsApi} for view-model tests.
 * It holds rules (judged by {@link AlertRuleValidation}, as the server judges them, versioned) and
 * alerts a test puts in or raises with {@link #raise}, acknowledges and snoozes them as the server
 * would, records what it was asked, and hands out a live stream the test feeds by hand
 * ({@link #raise} feeds it too).
 */
public class FakeAlertsApi implements AlertsApi {
    public final List<AlertRule> rules = Collections.synchronizedList(new ArrayList<>());
    /** The alerts the server holds, in the order raised; listed newest first. */
    public final List<Alert> alertList = Collections.synchronizedList(new ArrayList<>());
    public final List<AlertQuery> queries = Collections.synchronizedList(new ArrayList<>());
    /** Acknowledgements and snoozes asked for, in order, as "ack:<id>" or "snooze:<id>". */
    public final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    /** When set, answers {@link #alerts} (a slow or failing server); null: from {@link #alertList}. */
    public Function<AlertQuery, CompletableFuture<Page<Alert>>> onAlerts;
    /** Who the fake's person is, for updatedBy and acknowledgements. */
    public String who = "Tester";
    public FakeMessagesApi.FakeLiveStream stream = new FakeMessagesApi.FakeLiveStream();
    public int streamsOpened;

    /** An endpoint-failing alert on endpoint {@code endpointId} of organisation {@code ods}, open since {@link FakeMessagesApi#NOW}. */
    public static Alert failing(UUID endpointId, String ods) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), "Endpoint failing", AlertRuleKind.ENDPOINT_FAILING,
                new AlertSubject(AlertSubjectKind.ENDPOINT, endpointId.toString(), ods, ods + " endpoint"),
                AlertState.OPEN, FakeMessagesApi.NOW, FakeMessagesApi.NOW,
                List.of(new AlertEvidence(AlertMeasure.ERROR_RATE_PERCENT, 64.0, 20.0),
                        new AlertEvidence(AlertMeasure.MESSAGES, 120, 20.0)),
                null, null, null, null, FakeMessagesApi.NOW, 1, 1);
    }

    /** Holds {@code alert} and pushes it on the live stream as {@code change}. */
    public Alert raise(Alert alert, AlertChange change) {
        synchronized (alertList) {
            alertList.removeIf(a -> a.id().equals(alert.id()));
            alertList.add(alert);
        }
        stream.pushAlerts(new AlertChanged(change, alert));
        return alert;
    }

    public static ApiException notFound() {
        return new ApiException(ApiException.Kind.NOT_FOUND, 404, "NO_RECORD_FOUND", "No such record.", "404",
                List.of(), null);
    }

    @Override
    public CompletableFuture<Page<AlertRule>> listRules(Integer limit, String cursor) {
        List<AlertRule> all = List.copyOf(rules);
        return CompletableFuture.completedFuture(new Page<>(all, null, all.size(), true));
    }

    @Override
    public CompletableFuture<AlertRule> getRule(UUID ruleId) {
        return rule(ruleId).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(notFound()));
    }

    @Override
    public CompletableFuture<AlertRule> createRule(AlertRuleDraft draft) {
        return saved(UUID.randomUUID(), draft, 1, null);
    }

    @Override
    public CompletableFuture<AlertRule> updateRule(UUID ruleId, AlertRuleDraft draft, long version) {
        var current = rule(ruleId);
        if (current.isEmpty()) {
            return CompletableFuture.failedFuture(notFound());
        }
        if (current.get().version() != version) {
            return CompletableFuture.failedFuture(stale(current.get()));
        }
        return saved(ruleId, draft, version + 1, current.get());
    }

    @Override
    public CompletableFuture<Void> deleteRule(UUID ruleId, long version) {
        var current = rule(ruleId);
        if (current.isEmpty()) {
            return CompletableFuture.failedFuture(notFound());
        }
        if (current.get().version() != version) {
            return CompletableFuture.failedFuture(stale(current.get()));
        }
        rules.remove(current.get());
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Page<Alert>> alerts(AlertQuery query) {
        queries.add(query);
        if (onAlerts != null) {
            return onAlerts.apply(query);
        }
        List<Alert> found = List.copyOf(alertList).stream()
                .filter(a -> query.states().isEmpty() || query.states().contains(a.state()))
                .filter(a -> query.kind() == null || query.kind() == a.ruleKind())
                .filter(a -> query.ruleId() == null || query.ruleId().equals(a.ruleId()))
                .filter(a -> query.subject() == null || query.subject().equals(a.subject().id()))
                .sorted(Comparator.comparing(Alert::openedAt).reversed()).toList();
        return CompletableFuture.completedFuture(new Page<>(found, null, found.size(), true));
    }

    @Override
    public CompletableFuture<Alert> alert(UUID alertId) {
        return find(alertId).map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(notFound()));
    }

    @Override
    public CompletableFuture<Alert> acknowledge(UUID alertId, String note) {
        actions.add("ack:" + alertId);
        return act(alertId, AlertRuleValidation.noteErrors(note), a -> new Alert(a.id(), a.ruleId(), a.ruleName(),
                a.ruleKind(), a.subject(), AlertState.ACKNOWLEDGED, a.openedAt(), FakeMessagesApi.NOW, a.evidence(),
                new AlertAction(who, FakeMessagesApi.NOW, note), a.snoozed(), null, a.resolvedAt(), a.lastNotifiedAt(),
                a.notifications(), a.version() + 1), AlertChange.ACKNOWLEDGED);
    }

    @Override
    public CompletableFuture<Alert> snooze(UUID alertId, SnoozeRequest request) {
        actions.add("snooze:" + alertId);
        return act(alertId, AlertRuleValidation.snoozeErrors(request, FakeMessagesApi.NOW), a -> new Alert(a.id(),
                a.ruleId(), a.ruleName(), a.ruleKind(), a.subject(), AlertState.SNOOZED, a.openedAt(),
                FakeMessagesApi.NOW, a.evidence(), a.acknowledged(), new AlertAction(who, FakeMessagesApi.NOW,
                request.note()), request.until(), a.resolvedAt(), a.lastNotifiedAt(), a.notifications(),
                a.version() + 1), AlertChange.SNOOZED);
    }

    @Override
    public LiveStream changes(int bufferCapacity) {
        streamsOpened++;
        return stream;
    }

    private CompletableFuture<Alert> act(UUID alertId, List<FieldRuleIssue> issues, Function<Alert, Alert> change,
                                         AlertChange kind) {
        if (!issues.isEmpty()) {
            return CompletableFuture.failedFuture(invalid(issues));
        }
        var current = find(alertId);
        if (current.isEmpty()) {
            return CompletableFuture.failedFuture(notFound());
        }
        if (!current.get().state().active()) {
            return CompletableFuture.failedFuture(new ApiException(ApiException.Kind.CONFLICT, 409,
                    "TRANSITION_REFUSED", "The alert is resolved.", "409", List.of(), null));
        }
        return CompletableFuture.completedFuture(raise(change.apply(current.get()), kind));
    }

    private CompletableFuture<AlertRule> saved(UUID id, AlertRuleDraft draft, long version, AlertRule before) {
        List<FieldRuleIssue> issues = AlertRuleValidation.errors(draft);
        if (!issues.isEmpty()) {
            return CompletableFuture.failedFuture(invalid(issues));
        }
        AlertRuleDraft d = AlertRuleValidation.normalised(draft);
        AlertRule rule = new AlertRule(id, d.name(), d.kind(), d.scope(), d.target(), d.thresholds(), d.enabled(),
                d.quietPeriodMinutes(), version, before == null ? FakeMessagesApi.NOW : before.createdAt(),
                before == null ? who : before.createdBy(), FakeMessagesApi.NOW, who);
        synchronized (rules) {
            rules.removeIf(r -> r.id().equals(id));
            rules.add(rule);
        }
        return CompletableFuture.completedFuture(rule);
    }

    private java.util.Optional<AlertRule> rule(UUID id) {
        return List.copyOf(rules).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private java.util.Optional<Alert> find(UUID id) {
        return List.copyOf(alertList).stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private static ApiException invalid(List<FieldRuleIssue> issues) {
        List<ApiException.FieldError> errors = RuleWords.of(issues).stream()
                .map(i -> new ApiException.FieldError(i.field(), i.code(), i.message())).toList();
        return new ApiException(ApiException.Kind.VALIDATION, 422, "VALIDATION_FAILED", errors.get(0).message(),
                "422", errors, null);
    }

    private static ApiException stale(AlertRule current) {
        return new ApiException(ApiException.Kind.CONFLICT, 412, "PRECONDITION_FAILED",
                "The rule was changed by someone else.", "412", List.of(), current, null);
    }
}
