package io.spineconsole.testing;

import io.spineconsole.api.AlertsApi;
import io.spineconsole.api.AuditApi;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.TokensApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.ServerHealth;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.registrations.RegistrationSummary;

import java.util.concurrent.CompletableFuture;

/**
 * The one fake {@link BackboneApi} of the tests and benchmarks. In memory it answers at once: the
 * health, the signed-in principal and the summaries from its fields, messages from a
 * {@link FakeMessagesApi}, and the other areas from their {@code Fake…Api} parts, which answer what
 * a test overrides and fail the test on any other call. Made {@link #over} a real API (the sandbox
 * on loopback), it forwards everything and a test swaps in a part that records or changes the calls
 * it cares about on their way. It counts nothing but whether it was closed.
 */
public class FakeBackboneApi implements BackboneApi {
    public volatile ServerHealth health = new ServerHealth("ok", "1", "v1", "sandbox", "h2");
    public volatile Principal principal;
    public volatile RegistrationSummary registrationSummary = new RegistrationSummary(10, 20, 30, 4, 1);
    public volatile MessageFlowSummary messageFlowSummary = new MessageFlowSummary(100, 5, 3, 2);
    public volatile MigrationSummary migrationSummary = new MigrationSummary(12, 7, 3, 1, 1, 4, 2);
    public volatile boolean closed;

    private final BackboneApi real;
    private final ConnectionMonitor connection;
    private volatile RegistrationsApi registrations;
    private volatile MessagesApi messages;
    private volatile MigrationApi migration;
    private volatile AuditApi audit;
    private volatile AlertsApi alerts;
    private volatile TokensApi tokens;
    private volatile io.spineconsole.api.SandboxApi sandbox;

    /** In memory, signed in as a tester with {@code role}; messages from a fresh {@link FakeMessagesApi}. */
    public FakeBackboneApi(Role role) {
        this(role, new FakeMessagesApi());
    }

    /** In memory, signed in as a tester with {@code role}, with the test's own messages part. */
    public FakeBackboneApi(Role role, MessagesApi messages) {
        this.real = null;
        this.principal = new Principal("Tester", role, 1);
        this.connection = new ConnectionMonitor();
        this.registrations = messages instanceof FakeMessagesApi ? ((FakeMessagesApi) messages).receivers()
                : new FakeRegistrationsApi();
        this.messages = messages;
        this.migration = new FakeMigrationApi();
        this.audit = new FakeAuditApi();
        this.alerts = new FakeAlertsApi();
        this.tokens = new FakeTokensApi();
        this.sandbox = new FakeSandboxApi();
    }

    private FakeBackboneApi(BackboneApi real) {
        this.real = real;
        this.connection = real.connection();
        this.registrations = real.registrations();
        this.messages = real.messages();
        this.migration = real.migration();
        this.audit = real.audit();
        this.alerts = real.alerts();
        this.tokens = real.tokens();
        this.sandbox = real.sandbox();
    }

    /**
     * Forwards every call to {@code real}, but for the parts a test swaps in with the
     * {@code with…} methods. Closing the fake leaves {@code real} open: its owner closes it.
     */
    public static FakeBackboneApi over(BackboneApi real) {
        return new FakeBackboneApi(real);
    }

    public FakeBackboneApi withRegistrations(RegistrationsApi part) {
        registrations = part;
        return this;
    }

    public FakeBackboneApi withMessages(MessagesApi part) {
        messages = part;
        return this;
    }

    public FakeBackboneApi withMigration(MigrationApi part) {
        migration = part;
        return this;
    }

    public FakeBackboneApi withAudit(AuditApi part) {
        audit = part;
        return this;
    }

    public FakeBackboneApi withAlerts(AlertsApi part) {
        alerts = part;
        return this;
    }

    public FakeBackboneApi withTokens(TokensApi part) {
        tokens = part;
        return this;
    }

    public FakeBackboneApi withSandbox(io.spineconsole.api.SandboxApi part) {
        sandbox = part;
        return this;
    }

    @Override
    public String baseUrl() {
        return real != null ? real.baseUrl() : "http://fake";
    }

    @Override
    public CompletableFuture<ServerHealth> health() {
        return real != null ? real.health() : CompletableFuture.completedFuture(health);
    }

    @Override
    public CompletableFuture<Principal> me() {
        return real != null ? real.me() : CompletableFuture.completedFuture(principal);
    }

    @Override
    public CompletableFuture<RegistrationSummary> registrationSummary() {
        return real != null ? real.registrationSummary() : CompletableFuture.completedFuture(registrationSummary);
    }

    @Override
    public CompletableFuture<MessageFlowSummary> messageFlowSummary() {
        return real != null ? real.messageFlowSummary() : CompletableFuture.completedFuture(messageFlowSummary);
    }

    @Override
    public CompletableFuture<MigrationSummary> migrationSummary() {
        return real != null ? real.migrationSummary() : CompletableFuture.completedFuture(migrationSummary);
    }

    @Override
    public RegistrationsApi registrations() {
        return registrations;
    }

    @Override
    public MessagesApi messages() {
        return messages;
    }

    @Override
    public MigrationApi migration() {
        return migration;
    }

    @Override
    public AuditApi audit() {
        return audit;
    }

    @Override
    public AlertsApi alerts() {
        return alerts;
    }

    @Override
    public TokensApi tokens() {
        return tokens;
    }

    @Override
    public io.spineconsole.api.SandboxApi sandbox() {
        return sandbox;
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
