package io.spineconsole.sandbox;

import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.contract.ContractRecorder;

import io.spineconsole.sandbox.http.server.SandboxBackbone;
import java.time.Clock;

/**
 * A small sandbox backbone on a private in-memory H2 database, for tests. Clients made with
 * {@link #clientOptions} report every exchange to the fixture's {@link ContractRecorder}; closing
 * the fixture fails if any answer broke openapi.yaml, so every suite that uses it checks the contract.
 * Its alert rules are evaluated only when a test asks ({@code backbone().alerts().evaluateNow()}): no
 * round on a timer changes the store under a test.
 */
public final class SandboxFixture implements AutoCloseable {
    public static final SeedData.Scale SMALL = new SeedData.Scale(60, 2_000);
    /** Just enough of everything, for suites that read the whole store often (the contract suites). */
    public static final SeedData.Scale TINY = new SeedData.Scale(20, 400);
    private final SandboxBackbone backbone;
    private final String adminToken;
    private final ContractRecorder contract = new ContractRecorder();

    private SandboxFixture(SandboxBackbone backbone) {
        this.backbone = backbone;
        this.adminToken = backbone.issueEmbeddedConsoleToken();
    }

    /** On a private in-memory H2 database. */
    public static SandboxFixture start() {
        return TestStore.H2.startSandbox();
    }

    /**
     * On a fresh database of the embedded PostgreSQL server. A suite that checks behaviour on both
     * stores is a {@link StoreContract} instead.
     */
    public static SandboxFixture startOnPostgres() {
        return TestStore.POSTGRES.startSandbox();
    }

    public static SandboxFixture start(String jdbcUrl) {
        return start(jdbcUrl, SMALL);
    }

    /** On a private in-memory H2 database seeded at {@link #TINY} scale. */
    public static SandboxFixture startTiny() {
        return TestStore.H2.startSandbox(TINY);
    }

    public static SandboxFixture start(String jdbcUrl, SeedData.Scale scale) {
        return new SandboxFixture(SandboxBackbone.start(
                new SandboxBackbone.Config(jdbcUrl, null, null, "127.0.0.1", 0, scale, "sandbox").withoutRateLimit()
                        .withAlertInterval(java.time.Duration.ZERO), Clock.systemUTC()));
    }

    /**
     * On a private in-memory H2 database at {@link #TINY} scale, accepting single sign-on access tokens as
     * {@code oidc} says, beside API tokens.
     */
    public static SandboxFixture startWithOidc(io.spineconsole.sandbox.sso.OidcSettings oidc) {
        return startWithOidc(oidc, TestStore.H2);
    }

    /** The same, on a fresh database of {@code store}. */
    public static SandboxFixture startWithOidc(io.spineconsole.sandbox.sso.OidcSettings oidc, TestStore store) {
        return new SandboxFixture(SandboxBackbone.start(new SandboxBackbone.Config(store.newDatabase(), null,
                null, "127.0.0.1", 0, TINY, "sandbox").withoutRateLimit().withOidc(oidc)
                .withAlertInterval(java.time.Duration.ZERO), Clock.systemUTC()));
    }

    public SandboxBackbone backbone() {
        return backbone;
    }

    public String baseUrl() {
        return backbone.baseUrl();
    }

    public String adminToken() {
        return adminToken;
    }

    /** Checks every exchange of the clients made with {@link #clientOptions}. */
    public ContractRecorder contract() {
        return contract;
    }

    /** {@code base} with this fixture's contract recorder on it. */
    public HttpClientOptions clientOptions(HttpClientOptions base) {
        return base.withInterceptor(contract);
    }

    @Override
    public void close() {
        backbone.close();
        if (!contract.violations().isEmpty()) {
            throw new AssertionError("Answers that break openapi.yaml: " + contract.report());
        }
    }
}
