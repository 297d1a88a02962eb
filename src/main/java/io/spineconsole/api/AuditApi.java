package io.spineconsole.api;

/**
 * The audit operations of the admin API (see openapi.yaml, tag "audit"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface AuditApi {
}
