package io.spineconsole.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import io.spineconsole.api.SandboxApi;
import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficChange;
import io.spineconsole.domain.sandbox.TrafficSetting;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** {@link SandboxApi} over HTTP. */
final class HttpSandboxApi implements SandboxApi {
    private static final String BASE = "api/v1/sandbox";
    private static final MediaType JSON = MediaType.get("application/json");
    private final HttpTransport http;

    HttpSandboxApi(HttpTransport http) {
        this.http = http;
    }

    /** A list answer's {@code items}. */
    record Items<T>(List<T> items) {
    }

    @Override
    public CompletableFuture<TrafficSetting> traffic() {
        return http.get(BASE + "/traffic", null, TrafficSetting.class);
    }

    @Override
    public CompletableFuture<TrafficSetting> setTraffic(int ratePerSecond) {
        byte[] body;
        try {
            body = http.mapper().writeValueAsBytes(new TrafficChange(ratePerSecond));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        // Setting a rate twice leaves it as once: safe to retry.
        Request request = new Request.Builder().url(http.url(BASE + "/traffic", null))
                .put(RequestBody.create(body, JSON)).header("Accept", "application/json").build();
        return http.call(request, http.types().constructType(TrafficSetting.class), true);
    }

    @Override
    public CompletableFuture<List<ScenarioInfo>> scenarios() {
        return http.<Items<ScenarioInfo>>get(BASE + "/scenarios", null, items(ScenarioInfo.class))
                .thenApply(Items::items);
    }

    @Override
    public CompletableFuture<List<ScenarioRun>> runs() {
        return http.<Items<ScenarioRun>>get(BASE + "/scenario-runs", null, items(ScenarioRun.class))
                .thenApply(Items::items);
    }

    @Override
    public CompletableFuture<ScenarioRun> start(ScenarioStart start) {
        return http.post(BASE + "/scenario-runs", null, start, http.types().constructType(ScenarioRun.class));
    }

    @Override
    public CompletableFuture<ScenarioRun> stop(UUID runId) {
        Request request = new Request.Builder().url(http.url(BASE + "/scenario-runs/" + runId + "/stop", null))
                .post(RequestBody.create(new byte[0]))
                .header("Accept", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString()).build();
        return http.call(request, http.types().constructType(ScenarioRun.class), true);
    }

    private JavaType items(Class<?> type) {
        return http.types().constructParametricType(Items.class, type);
    }
}
