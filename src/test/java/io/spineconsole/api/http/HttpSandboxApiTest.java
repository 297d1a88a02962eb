package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.SandboxApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every sandbox operation of the client against the real sandbox on loopback, answers checked against openapi.yaml. */
class HttpSandboxApiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi adminApi;
    private static HttpBackboneApi operatorApi;
    private static SandboxApi api;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        adminApi = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()));
        String operator = sandbox.backbone().tokens().create("support.operator", Role.OPERATOR);
        operatorApi = new HttpBackboneApi(sandbox.baseUrl(), () -> operator, sandbox.clientOptions(HttpClientOptions.defaults()));
        api = adminApi.sandbox();
    }

    @AfterAll
    static void stop() {
        adminApi.close();
        operatorApi.close();
        sandbox.close();
    }

    private static ApiException failure(CompletableFuture<?> call) {
        return ApiException.unwrap(assertThrows(CompletionException.class, call::join));
    }

    @Test
    void healthSaysSandboxAndTheRateIsReadAndSet() {
        assertTrue(adminApi.health().join().offersSandboxControls());
        assertEquals(0, api.traffic().join().ratePerSecond());
        assertEquals(120, api.setTraffic(120).join().ratePerSecond());
        assertEquals(0, api.setTraffic(0).join().ratePerSecond());
        assertEquals("ACCESS_DENIED", failure(operatorApi.sandbox().setTraffic(50)).code());
        assertEquals("VALIDATION_FAILED", failure(api.setTraffic(5_000)).code());
    }

    @Test
    void aBuiltInScenarioStartsIsListedAndStops() {
        List<String> names = api.scenarios().join().stream().map(s -> s.name()).toList();
        assertEquals(List.of("Monday morning GP2GP outage", "Certificate expiry at a trust", "National peak"), names);
        ScenarioRun run = api.start(new ScenarioStart("National peak", null)).join();
        assertEquals(ScenarioRun.RUNNING, run.state());
        assertEquals(4, run.timeline().size());
        assertTrue(api.runs().join().stream().anyMatch(r -> r.runId().equals(run.runId())));
        assertEquals(ScenarioRun.STOPPED, api.stop(run.runId()).join().state());
        ApiException bad = failure(api.start(new ScenarioStart(null, "scenario: x\nat 0m for 1m: burst\n")));
        assertEquals("VALIDATION_FAILED", bad.code());
        assertTrue(bad.getMessage().contains("Line 2"), bad.getMessage());
    }
}
