package io.spineconsole.ui.migration;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.Page;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentQuery;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMigrationApi;
import io.spineconsole.testing.TestUiThread;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;

import java.time.Clock;
import java.util.List;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The migration view models on a real sandbox over HTTP, without a toolkit: one thread plays the UI
 * thread (as Platform::runLater would), so the view models see their answers one at a time, in order.
 * Typing pauses pass at once unless a test brings its own debouncer; every component query the
 * view models send is recorded (through the shared fake, over the real API), and can be made to fail
 * as if the server were unreachable.
 */
final class VmHarness implements AutoCloseable {
    private final TestUiThread uiThread = new TestUiThread();
    final HttpBackboneApi api;
    final MigrationViewModel model;
    final ViewMemory memory;
    final WorkspaceContext context;
    /** Every component query sent to the server, in order. */
    final List<ComponentQuery> componentQueries = new CopyOnWriteArrayList<>();
    /** While set, component queries fail as if the server could not be reached. */
    volatile boolean componentsUnreachable;

    VmHarness(SandboxFixture sandbox, String token) {
        this(sandbox, token, ViewMemory.inMemory());
    }

    VmHarness(SandboxFixture sandbox, String token, ViewMemory memory) {
        this(sandbox, token, memory, Debouncer::immediate);
    }

    VmHarness(SandboxFixture sandbox, String token, ViewMemory memory, Debouncer.Factory debouncers) {
        this.api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, HttpBackboneApi.HttpClientOptions.defaults());
        this.memory = memory;
        Principal me = api.me().join();
        this.context = new WorkspaceContext(recording(api), me, "test", "Sandbox", EnvironmentKind.SANDBOX);
        I18n i18n = new I18n(Locale.UK);
        this.model = call(() -> new MigrationViewModel(uiThread.executor(), i18n, memory,
                new io.spineconsole.ui.common.TimeText(Clock.system(ZoneOffset.UTC), i18n, ZoneOffset.UTC), debouncers));
    }

    /** The real API, with its migration calls' component queries recorded on the way. */
    private BackboneApi recording(BackboneApi real) {
        return FakeBackboneApi.over(real).withMigration(new FakeMigrationApi(real.migration()) {
            @Override
            public CompletableFuture<Page<Component>> listComponents(ComponentQuery query) {
                componentQueries.add(query);
                if (componentsUnreachable) {
                    return CompletableFuture.failedFuture(new ApiException(ApiException.Kind.OFFLINE, 0, null,
                            "connection refused", "GET /api/v1/migration/components: connection refused", List.of(), null));
                }
                return super.listComponents(query);
            }
        });
    }

    void connect() {
        run(() -> model.connect(context));
    }

    <T> T call(Callable<T> work) {
        return uiThread.call(work);
    }

    void run(Runnable work) {
        uiThread.run(work);
    }

    /** Waits (up to 20 s) until {@code condition}, checked on the UI thread, holds. */
    void await(String what, BooleanSupplier condition) {
        uiThread.await(what, condition);
    }

    @Override
    public void close() {
        run(model::dispose);
        uiThread.close();
        api.close();
    }
}
