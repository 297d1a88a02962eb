package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import io.spineconsole.api.AlertsApi;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.SnoozeRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link AlertsApi} over HTTP. */
final class HttpAlertsApi implements AlertsApi {
    private static final String RULES = "api/v1/alert-rules";
    private static final String ALERTS = "api/v1/alerts";
    private final HttpTransport http;

    HttpAlertsApi(HttpTransport http) {
        this.http = http;
    }

    private JavaType type(Class<?> c) {
        return http.types().constructType(c);
    }

    private JavaType pageOf(Class<?> c) {
        return http.types().constructParametricType(Page.class, c);
    }

    @Override
    public CompletableFuture<Page<AlertRule>> listRules(Integer limit, String cursor) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("limit", limit);
        query.put("cursor", cursor);
        return http.get(RULES, query, pageOf(AlertRule.class));
    }

    @Override
    public CompletableFuture<AlertRule> getRule(UUID ruleId) {
        return http.get(RULES + "/" + ruleId, null, AlertRule.class);
    }

    @Override
    public CompletableFuture<AlertRule> createRule(AlertRuleDraft rule) {
        return http.post(RULES, null, rule, type(AlertRule.class));
    }

    @Override
    public CompletableFuture<AlertRule> updateRule(UUID ruleId, AlertRuleDraft rule, long version) {
        return http.send("PUT", RULES + "/" + ruleId, rule, version, type(AlertRule.class));
    }

    @Override
    public CompletableFuture<Void> deleteRule(UUID ruleId, long version) {
        return http.send("DELETE", RULES + "/" + ruleId, null, version, type(Void.class));
    }

    @Override
    public CompletableFuture<Page<Alert>> alerts(AlertQuery q) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("state", q.states().stream().map(Coded::code).toList());
        query.put("ruleId", q.ruleId());
        query.put("kind", q.kind() == null ? null : q.kind().code());
        query.put("subject", q.subject());
        query.put("resolvedSince", q.resolvedSince());
        query.put("limit", q.limit());
        query.put("cursor", q.cursor());
        return http.get(ALERTS, query, pageOf(Alert.class));
    }

    @Override
    public CompletableFuture<Alert> alert(UUID alertId) {
        return http.get(ALERTS + "/" + alertId, null, Alert.class);
    }

    @Override
    public CompletableFuture<Alert> acknowledge(UUID alertId, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (note != null) {
            body.put("note", note);
        }
        return http.post(ALERTS + "/" + alertId + "/acknowledge", null, body, type(Alert.class));
    }

    @Override
    public CompletableFuture<Alert> snooze(UUID alertId, SnoozeRequest request) {
        return http.post(ALERTS + "/" + alertId + "/snooze", null, request, type(Alert.class));
    }

    @Override
    public LiveStream changes(int bufferCapacity) {
        return HttpLiveStream.open(http, http.url("api/v1/messages/stream", Map.of("include", "alerts")), bufferCapacity);
    }
}
