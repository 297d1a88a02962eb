package io.spineconsole.testing;

import io.spineconsole.api.SandboxApi;
import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficSetting;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link SandboxApi} for tests: override the calls a test needs; every other call goes to the API
 * it was made over, or, made with no API, fails the test at once as not faked.
 */
public class FakeSandboxApi implements SandboxApi {
    private final SandboxApi real;

    public FakeSandboxApi() {
        this(NotFaked.port(SandboxApi.class));
    }

    public FakeSandboxApi(SandboxApi real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<TrafficSetting> traffic() {
        return real.traffic();
    }

    @Override
    public CompletableFuture<TrafficSetting> setTraffic(int ratePerSecond) {
        return real.setTraffic(ratePerSecond);
    }

    @Override
    public CompletableFuture<List<ScenarioInfo>> scenarios() {
        return real.scenarios();
    }

    @Override
    public CompletableFuture<List<ScenarioRun>> runs() {
        return real.runs();
    }

    @Override
    public CompletableFuture<ScenarioRun> start(ScenarioStart start) {
        return real.start(start);
    }

    @Override
    public CompletableFuture<ScenarioRun> stop(UUID runId) {
        return real.stop(runId);
    }
}
