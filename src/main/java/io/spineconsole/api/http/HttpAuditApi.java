package io.spineconsole.api.http;

import io.spineconsole.api.AuditApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link AuditApi} over HTTP. */
final class HttpAuditApi implements AuditApi {
    private final HttpTransport http;

    HttpAuditApi(HttpTransport http) {
        this.http = http;
    }

    private com.fasterxml.jackson.databind.JavaType page() {
        return http.types().constructParametricType(Page.class, AuditEntry.class);
    }

    private static String seg(String value) {
        return okhttp3.HttpUrl.parse("http://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> search(AuditQuery q) {
        Map<String, Object> query = filters(q);
        query.put("limit", q.limit());
        query.put("cursor", q.cursor());
        return http.get("api/v1/audit", query, page());
    }

    @Override
    public CompletableFuture<io.spineconsole.domain.messages.ExportResult> export(AuditQuery q, int maxRows,
                                                                                 java.nio.file.Path target) {
        Map<String, Object> query = filters(q);
        query.put("format", "ndjson");
        query.put("maxRows", maxRows);
        okhttp3.Request request = new okhttp3.Request.Builder().url(http.url("api/v1/audit/export", query)).get()
                .header("Accept", "application/x-ndjson").build();
        return Downloads.toFile(http, request, target);
    }

    /** The search's filters as query parameters, shared by search and export. */
    private static Map<String, Object> filters(AuditQuery q) {
        Map<String, Object> query = new HashMap<>();
        query.put("entityType", q.entityType());
        query.put("entityId", q.entityId());
        query.put("actor", q.actor());
        query.put("action", q.action());
        query.put("from", q.from());
        query.put("to", q.to());
        query.put("sort", q.oldestFirst() ? "at" : null);
        return query;
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> componentHistory(String componentCode, String action, Integer limit,
                                                                String cursor) {
        return http.get("api/v1/migration/components/" + seg(componentCode) + "/history",
                historyQuery(action, limit, cursor), page());
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> siteHistory(String siteCode, String action, Integer limit, String cursor) {
        return http.get("api/v1/migration/sites/" + seg(siteCode) + "/history", historyQuery(action, limit, cursor),
                page());
    }

    private static Map<String, Object> historyQuery(String action, Integer limit, String cursor) {
        Map<String, Object> query = new HashMap<>();
        query.put("action", action);
        query.put("limit", limit);
        query.put("cursor", cursor);
        return query;
    }
}
