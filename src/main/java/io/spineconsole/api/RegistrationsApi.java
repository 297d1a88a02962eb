package io.spineconsole.api;

/**
 * The registrations operations of the admin API (see openapi.yaml, tag "registrations"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface RegistrationsApi {
}
