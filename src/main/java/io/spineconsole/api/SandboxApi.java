package io.spineconsole.api;

import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficSetting;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Driving a sandbox backbone (openapi.yaml, tag "sandbox"; admin only): its live traffic rate and
 * its incident scenarios. Only a server whose health says {@code sandbox} serves it. Every method is
 * asynchronous; failures complete the future with an {@link ApiException}.
 */
public interface SandboxApi {
    CompletableFuture<TrafficSetting> traffic();

    /** Sets the rate in messages a second; 0 turns live traffic off. */
    CompletableFuture<TrafficSetting> setTraffic(int ratePerSecond);

    /** The built-in scenarios. */
    CompletableFuture<List<ScenarioInfo>> scenarios();

    /** Running scenarios, then those ended lately. */
    CompletableFuture<List<ScenarioRun>> runs();

    CompletableFuture<ScenarioRun> start(ScenarioStart start);

    CompletableFuture<ScenarioRun> stop(UUID runId);
}
