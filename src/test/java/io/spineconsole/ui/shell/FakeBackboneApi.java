package io.spineconsole.ui.shell;

import io.spineconsole.api.AuditApi;
import io.spineconsole.api.TokensApi;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.ServerHealth;

import java.util.concurrent.CompletableFuture;

/** An in-memory {@link BackboneApi} for view-model tests: answers at once, counts closes. */
public class FakeBackboneApi implements BackboneApi {
    private final ConnectionMonitor connection = new ConnectionMonitor();
    private final Role role;
    public volatile RegistrationSummary registrations = new RegistrationSummary(10, 20, 30, 4, 1);
    public volatile boolean closed;

    public FakeBackboneApi(Role role) {
        this.role = role;
    }

    @Override
    public String baseUrl() {
        return "http://fake";
    }

    @Override
    public CompletableFuture<ServerHealth> health() {
        return CompletableFuture.completedFuture(new ServerHealth("ok", "1", "v1", "sandbox", "h2"));
    }

    @Override
    public CompletableFuture<Principal> me() {
        return CompletableFuture.completedFuture(new Principal("Tester", role, 1));
    }

    @Override
    public CompletableFuture<RegistrationSummary> registrationSummary() {
        return CompletableFuture.completedFuture(registrations);
    }

    @Override
    public CompletableFuture<MessageFlowSummary> messageFlowSummary() {
        return CompletableFuture.completedFuture(new MessageFlowSummary(100, 5, 3, 2));
    }

    @Override
    public CompletableFuture<MigrationSummary> migrationSummary() {
        return CompletableFuture.completedFuture(new MigrationSummary(12, 7, 3, 1, 1, 4, 2));
    }

    @Override
    public RegistrationsApi registrations() {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public MessagesApi messages() {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public MigrationApi migration() {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public AuditApi audit() {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public TokensApi tokens() {
        throw new UnsupportedOperationException("not faked");
    }

    @Override
    public ConnectionMonitor connection() {
        return connection;
    }

    @Override
    public void close() {
        closed = true;
    }
}
