package io.spineconsole.api;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;

import java.util.concurrent.CompletableFuture;

/**
 * The audit operations of the admin API (see openapi.yaml, tag "audit"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface AuditApi {

    /** Audit entries matching {@code query} (any role), a page at a time. */
    CompletableFuture<Page<AuditEntry>> entries(AuditQuery query, String cursor, int limit);
}
