package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.http.HttpTransport.RetryPolicy;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpBackboneApiTest {
    /** No retries: each fault test sees the fault itself. */
    private static final HttpClientOptions FAST = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(5), RetryPolicy.none());
    private static final HttpClientOptions RETRYING = new HttpClientOptions(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(10), new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)));
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static ApiException failureOf(CompletableFuture<?> call) {
        CompletionException e = assertThrows(CompletionException.class, call::join);
        ApiException api = ApiException.unwrap(e);
        assertNotNull(api, "expected an ApiException, got " + e.getCause());
        return api;
    }

    @Test
    void readsEverySkeletonOperationFromTheRealSandbox() {
        try (HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(FAST))) {
            assertEquals("ok", api.health().join().status());
            assertEquals(Role.ADMIN, api.me().join().role());
            assertEquals(SandboxFixture.SMALL.organisations(), api.registrationSummary().join().organisations());
            assertTrue(api.messageFlowSummary().join().messagesLastHour() > 0);
            assertEquals(4, api.migrationSummary().join().sites());
            assertEquals(ConnectionState.ONLINE, api.connection().state());
        }
    }

    @Test
    void aRefusedTokenIsTypedAndMarksTheConnectionUnauthorised() {
        try (HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), () -> "spc_wrong", sandbox.clientOptions(FAST))) {
            ApiException e = failureOf(api.me());
            assertEquals(ApiException.Kind.UNAUTHORISED, e.kind());
            assertEquals("UNAUTHORISED", e.code());
            assertEquals(ConnectionState.UNAUTHORISED, api.connection().state());
        }
    }

    @Test
    void sendsTheBearerTokenAndAcceptsJson() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"Ann\",\"role\":\"viewer\",\"tokenId\":3}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_abc", FAST)) {
                assertEquals(Role.VIEWER, api.me().join().role());
            }
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertEquals("Bearer spc_abc", request.getHeaders().get("Authorization"));
            assertEquals("/api/v1/me", request.getUrl().encodedPath());
        }
    }

    @Test
    void aServerErrorIsTypedWithTheProblemsDetailAndDegradesTheConnection() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Unavailable\",\"status\":503,\"code\":\"SERVICE_UNAVAILABLE\",\"detail\":\"Down for maintenance.\"}")
                    .build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                ApiException e = failureOf(api.registrationSummary());
                assertEquals(ApiException.Kind.SERVER_ERROR, e.kind());
                assertEquals("SERVICE_UNAVAILABLE", e.code());
                assertEquals("Down for maintenance.", e.getMessage());
                assertTrue(e.detail().contains("503"));
                assertEquals(ConnectionState.DEGRADED, api.connection().state());
            }
        }
    }

    @Test
    void aValidationProblemCarriesItsFieldErrors() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/problem+json")
                    .body("{\"title\":\"Bad\",\"status\":400,\"code\":\"INVALID_IDENTIFIER_VALUE\",\"detail\":\"Bad ASID.\","
                            + "\"errors\":[{\"field\":\"asid\",\"code\":\"FORMAT\",\"message\":\"12 digits\"}]}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                ApiException e = failureOf(api.me());
                assertEquals(ApiException.Kind.VALIDATION, e.kind());
                assertEquals("asid", e.fieldErrors().get(0).field());
            }
        }
    }

    @Test
    void garbageAndTruncatedBodiesAreUnreadableNotACrash() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                    .body("<html>proxy login</html>").build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"Ann\",\"ro").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                assertEquals(ApiException.Kind.SERVER_ERROR, failureOf(api.me()).kind());
                assertEquals(ApiException.Kind.SERVER_ERROR, failureOf(api.me()).kind());
            }
        }
    }

    @Test
    void aDroppedConnectionOrClosedPortIsOffline() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                ApiException e = failureOf(api.me());
                assertEquals(ApiException.Kind.OFFLINE, e.kind());
                assertEquals(ConnectionState.OFFLINE, api.connection().state());
            }
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpBackboneApi api = new HttpBackboneApi("http://127.0.0.1:" + closedPort, () -> "t", FAST)) {
            assertEquals(ApiException.Kind.OFFLINE, failureOf(api.health()).kind());
        }
    }

    @Test
    void aStalledServerTimesOutInsteadOfHangingTheCaller() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).body("{}").build());
            HttpClientOptions quick = new HttpClientOptions(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(1),
                    RetryPolicy.none());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", quick)) {
                long started = System.nanoTime();
                ApiException e = failureOf(api.me());
                assertEquals(ApiException.Kind.OFFLINE, e.kind());
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
            }
        }
    }

    @Test
    void cancellingTheFutureCancelsTheCall() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).body("{}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                CompletableFuture<?> call = api.me();
                assertTrue(call.cancel(true));
                assertTrue(call.isCancelled());
                Thread.sleep(500); // let OkHttp report the cancelled call
                assertFalse(api.connection().state() == ConnectionState.OFFLINE,
                        "a call the user cancelled must not make the console look offline");
            }
        }
    }

    @Test
    void aReadIsRetriedAfter503HonouringRetryAfter() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("busy").build());
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"Ann\",\"role\":\"admin\",\"tokenId\":1}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", RETRYING)) {
                assertEquals(Role.ADMIN, api.me().join().role());
                assertEquals(ConnectionState.ONLINE, api.connection().state());
            }
            assertEquals(3, server.getRequestCount());
        }
    }

    @Test
    void aRetriedPostKeepsItsIdempotencyKeySoTheServerAppliesItOnce() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"x\",\"role\":\"viewer\",\"tokenId\":2}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", RETRYING)) {
                HttpTransport http = api.transport();
                http.post("api/v1/anything", null, java.util.Map.of("a", 1), http.types().constructType(
                        io.spineconsole.domain.Principal.class)).join();
            }
            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(first.getHeaders().get("Idempotency-Key"));
            assertEquals(first.getHeaders().get("Idempotency-Key"), second.getHeaders().get("Idempotency-Key"));
        }
    }

    @Test
    void aPostThatGotNoAnswerIsAnUnknownOutcomeAndTheSameRequestAgainGoesWithTheSameKey() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"x\",\"role\":\"viewer\",\"tokenId\":2}").build());
            server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"x\",\"role\":\"viewer\",\"tokenId\":3}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                HttpTransport http = api.transport();
                var type = http.types().constructType(io.spineconsole.domain.Principal.class);
                ApiException lost = failureOf(http.post("api/v1/anything", null, java.util.Map.of("a", 1), type));
                assertTrue(lost.outcomeUnknown(), "sent, no answer: it may have been carried out");
                assertEquals(ApiException.OUTCOME_UNKNOWN, lost.code());
                // The same request again (a "Try again" with nothing kept): the same key, so the server acts once.
                http.post("api/v1/anything", null, java.util.Map.of("a", 1), type).join();
                // Answered: the next identical request is a new intent.
                http.post("api/v1/anything", null, java.util.Map.of("a", 1), type).join();
            }
            String first = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
            String again = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
            String next = server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key");
            assertEquals(first, again);
            assertFalse(first.equals(next), "a new intent once the first was answered");
        }
        // Nothing was sent to a closed port: not an unknown outcome, plainly offline.
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (HttpBackboneApi api = new HttpBackboneApi("http://127.0.0.1:" + closedPort, () -> "t", FAST)) {
            HttpTransport http = api.transport();
            ApiException e = failureOf(http.post("api/v1/anything", null, java.util.Map.of("a", 1),
                    http.types().constructType(io.spineconsole.domain.Principal.class)));
            assertEquals(ApiException.Kind.OFFLINE, e.kind());
            assertFalse(e.outcomeUnknown());
        }
    }

    @Test
    void aKeyedPostWaitsOutInProgressAndTheIntentKeyGoesWithEveryAttempt() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(409).addHeader("Content-Type", "application/problem+json")
                    .addHeader("Retry-After", "0").body("{\"status\":409,\"code\":\"IN_PROGRESS\",\"title\":\"In progress\"}")
                    .build());
            server.enqueue(new MockResponse.Builder().code(201).addHeader("Content-Type", "application/json")
                    .body("{\"name\":\"x\",\"role\":\"viewer\",\"tokenId\":2}").build());
            io.spineconsole.api.Intent intent = io.spineconsole.api.Intent.fresh();
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", RETRYING)) {
                HttpTransport http = api.transport();
                http.post("api/v1/anything", null, java.util.Map.of("a", 1),
                        http.types().constructType(io.spineconsole.domain.Principal.class), intent).join();
            }
            assertEquals(intent.key(), server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key"));
            assertEquals(intent.key(), server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Idempotency-Key"));
        }
    }

    /** (OkHttp itself repeats a request once on "503, Retry-After: 0": the server did not act on it.) */
    @Test
    void anIfMatchUpdateIsNeverRetriedBlindly() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1").body("busy").build());
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", RETRYING)) {
                HttpTransport http = api.transport();
                ApiException e = failureOf(http.send("PUT", "api/v1/x", java.util.Map.of("a", 1), 3,
                        http.types().constructType(java.util.Map.class)));
                assertEquals(503, e.status());
            }
            assertEquals(1, server.getRequestCount());
            assertEquals("\"3\"", server.takeRequest().getHeaders().get("If-Match"));
        }
    }

    @Test
    void aStaleUpdateCarriesTheServersCurrentRecord() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(412).addHeader("Content-Type", "application/problem+json")
                    .body("{\"status\":412,\"code\":\"PRECONDITION_FAILED\",\"title\":\"Stale\",\"detail\":\"Changed.\","
                            + "\"errors\":[],\"current\":{\"name\":\"Theirs\",\"role\":\"operator\",\"tokenId\":9}}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "t", FAST)) {
                HttpTransport http = api.transport();
                ApiException e = failureOf(http.send("PUT", "api/v1/x", java.util.Map.of(), 1,
                        http.types().constructType(io.spineconsole.domain.Principal.class)));
                assertEquals(ApiException.Kind.CONFLICT, e.kind());
                assertTrue(e.isStale());
                io.spineconsole.domain.Principal theirs = e.current();
                assertEquals("Theirs", theirs.name());
            }
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7"));
        assertEquals(null, RetryAfter.parse("soon"));
        Duration fromDate = RetryAfter.parse(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30)));
        assertTrue(fromDate.getSeconds() > 20 && fromDate.getSeconds() <= 30, fromDate.toString());
    }
}
