package io.spineconsole.api;

/**
 * The migration operations of the admin API (see openapi.yaml, tag "migration"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface MigrationApi {
}
