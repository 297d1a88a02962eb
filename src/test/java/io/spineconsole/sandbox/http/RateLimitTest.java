package io.spineconsole.sandbox.http;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-token request limit: 429 with Retry-After past it, per token, and the console's client waits it out. */
class RateLimitTest {
    private static final RateLimit TIGHT = new RateLimit(2, 5);
    private static SandboxBackbone sandbox;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = SandboxBackbone.start(new SandboxBackbone.Config("jdbc:h2:mem:limit-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", null, null, "127.0.0.1", 0, SandboxFixture.TINY, "sandbox", TIGHT),
                Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> me(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTokenOverItsLimitIsToldWhenToComeBackAndOthersAreServed() throws Exception {
        String busy = sandbox.tokens().create("busy.script", Role.VIEWER);
        String other = sandbox.tokens().create("someone.else", Role.VIEWER);
        int served = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            HttpResponse<String> r = me(busy);
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertEquals(200, r.statusCode(), r.body());
                served++;
            }
        }
        assertTrue(refused != null, "the limit holds");
        assertTrue(served >= TIGHT.burst() && served < 20, "a burst is served first: " + served);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(refused.body().contains("\"TOO_MANY_REQUESTS\""), refused.body());
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 1, "whole seconds until there is room: " + retryAfter);

        assertEquals(200, me(other).statusCode(), "another token has its own bucket");
        Thread.sleep(retryAfter * 1000);
        assertEquals(200, me(busy).statusCode(), "served again after Retry-After");
    }

    @Test
    void theConsolesClientWaitsOutA429AndGetsItsAnswer() throws Exception {
        String token = sandbox.tokens().create("console.user", Role.VIEWER);
        while (me(token).statusCode() != 429) {
            // use up the bucket
        }
        try (BackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), () -> token,
                HttpBackboneApi.HttpClientOptions.defaults())) {
            assertEquals("console.user", api.me().join().name());
        }
    }

    @Test
    void aLimitNeedsBothARateAndABurst() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimit(5, 0));
        assertTrue(RateLimit.NONE.unlimited());
    }
}
