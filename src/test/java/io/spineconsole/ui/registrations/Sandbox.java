package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.WorkspaceContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One small real sandbox for the view-model tests, with clients of each role (built through the
 * client's public constructor, as the console does).
 */
final class Sandbox implements AutoCloseable {
    final SandboxFixture fixture;
    private final List<BackboneApi> clients = new ArrayList<>();

    private static Sandbox shared;

    private Sandbox() {
        fixture = SandboxFixture.start();
    }

    /** One sandbox for every view-model test class in this run (each test makes its own records). */
    static synchronized Sandbox shared() {
        if (shared == null) {
            shared = new Sandbox();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-sandbox-stop"));
        }
        return shared;
    }

    BackboneApi client(Role role) {
        String token = role == Role.ADMIN ? fixture.adminToken()
                : fixture.backbone().tokens().create("test." + role.code(), role);
        BackboneApi api = new io.spineconsole.api.http.HttpBackboneApi(fixture.baseUrl(), () -> token,
                new io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(5),
                        Duration.ofSeconds(30), io.spineconsole.api.http.HttpTransport.RetryPolicy.none()));
        clients.add(api);
        return api;
    }

    WorkspaceContext context(Role role, EnvironmentKind environment) {
        BackboneApi api = client(role);
        Principal me = api.me().join();
        return new WorkspaceContext(api, me, "test-profile", "Test " + environment.name(), environment);
    }

    @Override
    public void close() {
        clients.forEach(BackboneApi::close);
        fixture.close();
    }
}
