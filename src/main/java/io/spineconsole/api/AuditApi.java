package io.spineconsole.api;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;

import java.util.concurrent.CompletableFuture;

/**
 * The audit operations of the admin API (see openapi.yaml, tag "audit"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface AuditApi {

    /** Searches the whole audit log (newest first unless asked otherwise). */
    CompletableFuture<Page<AuditEntry>> search(AuditQuery query);

    /**
     * A migration component's history, newest first: its changes and transitions and its runbook steps'.
     *
     * @param action only this kind of change ({@code transition}, ...), or null for all
     */
    CompletableFuture<Page<AuditEntry>> componentHistory(String componentCode, String action, Integer limit,
                                                         String cursor);

    /**
     * Downloads the entries {@code query} finds (its limit and cursor aside) to {@code target} as NDJSON, at
     * most {@code maxRows} of them; admins only, and audited by the server.
     */
    CompletableFuture<io.spineconsole.domain.messages.ExportResult> export(AuditQuery query, int maxRows,
                                                                          java.nio.file.Path target);

    /** A site's history, newest first: the site, its checklist and its items, and the sign-off. */
    CompletableFuture<Page<AuditEntry>> siteHistory(String siteCode, String action, Integer limit, String cursor);
}
