package io.spineconsole.api.http;

import io.spineconsole.api.AuditApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link AuditApi} over HTTP. */
final class HttpAuditApi implements AuditApi {
    private final HttpTransport http;

    HttpAuditApi(HttpTransport http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> entries(AuditQuery q, String cursor, int limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("entityType", q.entityType());
        query.put("entityId", q.entityId());
        query.put("actor", q.actor());
        query.put("action", q.action());
        query.put("from", q.from());
        query.put("to", q.to());
        query.put("sort", q.oldestFirst() ? "at" : null);
        query.put("limit", limit);
        query.put("cursor", cursor);
        return http.get("/api/v1/audit", query, http.types().constructParametricType(Page.class, AuditEntry.class));
    }
}
