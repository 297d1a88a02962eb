package io.spineconsole.api;

/**
 * The messages operations of the admin API (see openapi.yaml, tag "messages"). Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface MessagesApi {
}
