package io.spineconsole.api;

import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.ServerHealth;

import java.util.concurrent.CompletableFuture;

/**
 * The admin API as the console sees it. Every call is asynchronous and never blocks the caller;
 * a failed call completes exceptionally with an {@link ApiException}.
 */
public interface BackboneApi extends AutoCloseable {

    /** Where this API lives, for display (for example {@code http://127.0.0.1:51234}). */
    String baseUrl();

    CompletableFuture<ServerHealth> health();

    CompletableFuture<Principal> me();

    CompletableFuture<RegistrationSummary> registrationSummary();

    CompletableFuture<MessageFlowSummary> messageFlowSummary();

    CompletableFuture<MigrationSummary> migrationSummary();

    RegistrationsApi registrations();

    MessagesApi messages();

    MigrationApi migration();

    AuditApi audit();

    /** Alert rules and the alerts they raise. */
    AlertsApi alerts();

    /** Token administration (admin only). */
    TokensApi tokens();

    /** Driving a sandbox: traffic rate and incident scenarios (admin only; only where health says sandbox). */
    SandboxApi sandbox();

    /**
     * The connection state, updated by every call's outcome and, while offline or degraded, by a
     * background health check that brings it back to online by itself when the server recovers.
     */
    ConnectionMonitor connection();

    /** Cancels calls in flight and releases connections and threads. */
    @Override
    void close();
}
