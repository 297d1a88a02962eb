package io.spineconsole.testing;

import io.spineconsole.api.AuditApi;
import io.spineconsole.api.Page;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.audit.AuditQuery;

import java.util.concurrent.CompletableFuture;

/**
 * An {@link AuditApi} for tests: override the calls a test needs; every other call goes to the API
 * it was made over, or, made with no API, fails the test at once as not faked.
 */
public class FakeAuditApi implements AuditApi {
    private final AuditApi real;

    /** Answers only what a subclass overrides. */
    public FakeAuditApi() {
        this(NotFaked.port(AuditApi.class));
    }

    /** Forwards what a subclass does not override to {@code real}. */
    public FakeAuditApi(AuditApi real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> search(AuditQuery query) {
        return real.search(query);
    }

    @Override
    public CompletableFuture<io.spineconsole.domain.messages.ExportResult> export(AuditQuery query, int maxRows,
                                                                                 java.nio.file.Path target) {
        return real.export(query, maxRows, target);
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> componentHistory(String componentCode, String action, Integer limit,
                                                                String cursor) {
        return real.componentHistory(componentCode, action, limit, cursor);
    }

    @Override
    public CompletableFuture<Page<AuditEntry>> siteHistory(String siteCode, String action, Integer limit,
                                                           String cursor) {
        return real.siteHistory(siteCode, action, limit, cursor);
    }
}
