package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.http.HttpTransport.RetryPolicy;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection state leaves OFFLINE and DEGRADED by itself, through the background health probe. */
class ConnectionRecoveryTest {
    private static final String HEALTH = "{\"status\":\"ok\",\"version\":\"1\",\"apiVersion\":\"v1\",\"mode\":\"sandbox\",\"database\":\"h2\"}";
    private static final String ME = "{\"name\":\"Ann\",\"role\":\"admin\",\"tokenId\":1}";
    /** Fast probes and a low "slow" bar, so the rules show within a test's patience. */
    private static final ConnectionPolicy QUICK = new ConnectionPolicy(Duration.ofMillis(400), Duration.ofMillis(50),
            Duration.ofMillis(200));
    private static final HttpClientOptions OPTIONS = new HttpClientOptions(Duration.ofSeconds(1), Duration.ofSeconds(3),
            Duration.ofSeconds(5), RetryPolicy.none()).withConnectionPolicy(QUICK);

    /** Answers health checks (counting them) and /me, each after {@code delayMillis}. */
    private static final class Backbone extends Dispatcher {
        final AtomicInteger healthChecks = new AtomicInteger();
        final List<String> paths = new CopyOnWriteArrayList<>();
        volatile long delayMillis;
        volatile String healthStatus = "ok";

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getUrl().encodedPath();
            paths.add(path);
            String body = path.endsWith("/health") ? HEALTH.replace("\"ok\"", "\"" + healthStatus + "\"") : ME;
            if (path.endsWith("/health")) {
                healthChecks.incrementAndGet();
            }
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .headersDelay(delayMillis, TimeUnit.MILLISECONDS).body(body).build();
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aServerThatGoesDownAndComesBackIsOnlineAgainWithoutAnyCallFromTheUser() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        MockWebServer first = new MockWebServer();
        first.setDispatcher(new Backbone());
        first.start(loopback, 0);
        int port = first.getPort();
        List<ConnectionState> seen = new CopyOnWriteArrayList<>();
        try (HttpBackboneApi api = new HttpBackboneApi("http://127.0.0.1:" + port, () -> "spc_t", OPTIONS)) {
            api.connection().addListener(seen::add);
            api.me().join();
            assertEquals(ConnectionState.ONLINE, api.connection().state());

            first.close(); // the server goes away
            ApiException down = ApiException.unwrap(assertThrows(CompletionException.class, () -> api.me().join()));
            assertEquals(ApiException.Kind.OFFLINE, down.kind());
            assertEquals(ConnectionState.OFFLINE, api.connection().state());
            Thread.sleep(300); // probes run and fail while it is down: still offline
            assertEquals(ConnectionState.OFFLINE, api.connection().state());

            Backbone back = new Backbone();
            try (MockWebServer second = new MockWebServer()) {
                second.setDispatcher(back);
                second.start(loopback, port); // ... and comes back on the same address
                await(() -> api.connection().state() == ConnectionState.ONLINE, "the probe finds the server back");
                assertTrue(back.healthChecks.get() >= 1);
                assertEquals(List.of("/api/v1/health"), back.paths.stream().distinct().toList(),
                        "only the probe talked to the server: the user did nothing");
                int checks = back.healthChecks.get();
                Thread.sleep(400);
                assertEquals(checks, back.healthChecks.get(), "once online, the probe stops");
            }
        }
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.ONLINE, ConnectionState.OFFLINE,
                ConnectionState.ONLINE), seen);
    }

    @Test
    void aSlowAnswerDegradesTheConnectionAndAFastHealthCheckRestoresIt() throws Exception {
        Backbone backbone = new Backbone();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(backbone);
            server.start();
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_t", OPTIONS)) {
                backbone.delayMillis = 700; // slower than the 400 ms bar
                api.me().join();
                assertEquals(ConnectionState.DEGRADED, api.connection().state(), "answered, but slowly");
                backbone.delayMillis = 0;
                await(() -> api.connection().state() == ConnectionState.ONLINE, "a fast health check restores ONLINE");
            }
        }
    }

    @Test
    void aServerThatCallsItselfDegradedKeepsTheConnectionDegradedUntilItIsOkAgain() throws Exception {
        Backbone backbone = new Backbone();
        backbone.healthStatus = "degraded";
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(backbone);
            server.start();
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_t", OPTIONS)) {
                assertEquals("degraded", api.health().join().status());
                assertEquals(ConnectionState.DEGRADED, api.connection().state());
                await(() -> backbone.healthChecks.get() >= 3, "the probe keeps checking while degraded");
                assertEquals(ConnectionState.DEGRADED, api.connection().state());
                backbone.healthStatus = "ok";
                await(() -> api.connection().state() == ConnectionState.ONLINE, "the server says ok again");
            }
        }
    }

    @Test
    void closingTheClientStopsTheProbe() throws Exception {
        Backbone backbone = new Backbone();
        try (MockWebServer server = new MockWebServer()) {
            server.setDispatcher(backbone);
            server.start();
            HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_t", OPTIONS);
            backbone.healthStatus = "degraded";
            api.health().join();
            await(() -> backbone.healthChecks.get() >= 2, "probing");
            api.close();
            Thread.sleep(100);
            int after = backbone.healthChecks.get();
            Thread.sleep(600);
            assertEquals(after, backbone.healthChecks.get(), "no probe after close");
        }
    }

    @Test
    void anUnauthorisedConnectionIsNotProbed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/problem+json")
                    .body("{\"status\":401,\"code\":\"UNAUTHORISED\",\"title\":\"Unauthorised\"}").build());
            server.start();
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_t", OPTIONS)) {
                assertThrows(CompletionException.class, () -> api.me().join());
                Thread.sleep(400);
                assertEquals(ConnectionState.UNAUTHORISED, api.connection().state(),
                        "a public health check must not hide a refused token");
                assertEquals(1, server.getRequestCount());
            }
        }
    }
}
