package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.LiveStream;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live stream's client on a bad network (MockWebServer): a dropped connection is reconnected with
 * Last-Event-ID and nothing is missed or repeated; a busy server is retried; a refused token ends it.
 */
class HttpLiveStreamTest {
    private static final ObjectMapper JSON = WireJson.lenientMapper();
    private static final HttpBackboneApi.HttpClientOptions FAST = new HttpBackboneApi.HttpClientOptions(
            Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), HttpTransport.RetryPolicy.none());

    private static String event(long id) throws Exception {
        MessageSummary m = new MessageSummary(new UUID(0, id), new UUID(1, id), "urn:nhs:names:services:psis:REPC_IN150016UK05",
                MessagingPattern.ASYNC_RELIABLE, new MessageParty("200000000985", "RR8-0000806", "RR8"),
                new MessageParty("928942012545", "YES-0000806", "YES"), null, "AWS-LONDON", MessageStatus.ACKNOWLEDGED,
                1, 2048, Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:01Z"), 120L, null, null,
                null);
        return "id: " + id + "\nevent: message\ndata: " + JSON.writeValueAsString(m) + "\n\n";
    }

    private static String events(long from, long to) throws Exception {
        StringBuilder s = new StringBuilder();
        for (long i = from; i <= to; i++) {
            s.append(event(i));
        }
        return s.toString();
    }

    private static MockResponse sse(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static List<Long> ids(List<MessageSummary> drained) {
        return drained.stream().map(m -> m.messageId().getLeastSignificantBits()).toList();
    }

    @Test
    void aDroppedStreamResumesFromTheLastEventWithoutGapsOrRepeats() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse(events(1, 3)));                  // then the server hangs up
            server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0").body("busy").build());
            server.enqueue(sse(events(3, 6)));                  // resumed one too early: 3 again
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
            server.enqueue(sse(events(7, 8) + ": heartbeat\n\n"));
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_abc", FAST)) {
                LiveStream stream = api.messages().stream(StreamFilter.everything(), 100);
                List<MessageSummary> got = new ArrayList<>();
                await(() -> {
                    got.addAll(stream.drain(100));
                    return got.size() >= 8;
                }, "eight messages across three connections");
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), ids(got));
                assertEquals("8", stream.lastEventId());
                assertEquals(0, stream.dropped());
                stream.close();
                assertEquals(LiveStream.State.CLOSED, stream.state());
            }
            RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
            assertNull(first.getHeaders().get("Last-Event-ID"), "the first connection starts from now");
            assertEquals("Bearer spc_abc", first.getHeaders().get("Authorization"));
            assertEquals("text/event-stream", first.getHeaders().get("Accept"));
            assertEquals("3", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
            assertEquals("3", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
            assertEquals("6", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
            assertEquals("6", server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Last-Event-ID"));
        }
    }

    @Test
    void whatTheServerDroppedForASlowReaderIsCountedAndAResetIsReported() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse(event(1) + "id: 40\nevent: dropped\ndata: {\"count\":38}\n\n" + event(41)
                    + "event: reset\ndata: {\"reason\":\"server-restarted\"}\n\n"));
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_abc", FAST)) {
                LiveStream stream = api.messages().stream(StreamFilter.everything(), 100);
                await(() -> stream.resets() == 1, "the reset");
                assertEquals(38, stream.dropped());
                assertEquals(List.of(1L, 41L), ids(stream.drain(10)));
                stream.close();
            }
        }
    }

    @Test
    void aRefusedTokenEndsTheStreamInsteadOfRetryingForever() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/problem+json")
                    .body("{\"status\":401,\"code\":\"UNAUTHORISED\",\"title\":\"Unauthorised\"}").build());
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_old", FAST)) {
                LiveStream stream = api.messages().stream(StreamFilter.everything(), 10);
                await(() -> stream.state() == LiveStream.State.CLOSED, "the stream to end");
                Thread.sleep(700); // longer than the first reconnect pause
                assertEquals(1, server.getRequestCount(), "no reconnect after a refusal");
            }
        }
    }

    @Test
    void alertChangesComeInABufferOfTheirOwnAndAnAlertsOnlyStreamAsksForNoMessages() throws Exception {
        io.spineconsole.domain.alerts.Alert alert = io.spineconsole.testing.FakeAlertsApi.failing(
                java.util.UUID.randomUUID(), "RR8");
        String change = JSON.writeValueAsString(new io.spineconsole.domain.alerts.AlertChanged(
                io.spineconsole.domain.alerts.AlertChange.OPENED, alert));
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(sse(event(1) + "id: 2\nevent: alert\ndata: " + change + "\n\n" + event(3)));
            try (HttpBackboneApi api = new HttpBackboneApi(server.url("/").toString(), () -> "spc_abc", FAST)) {
                LiveStream stream = api.alerts().changes(100);
                await(() -> stream.lastEventId() != null && stream.lastEventId().equals("3"), "three events");
                var alerts = stream.drainAlerts(10);
                assertEquals(1, alerts.size());
                assertEquals(io.spineconsole.domain.alerts.AlertChange.OPENED, alerts.get(0).change());
                assertEquals(alert, alerts.get(0).alert());
                assertEquals(List.of(1L, 3L), ids(stream.drain(10)), "messages stay in their own buffer");
                stream.close();
            }
            assertEquals("alerts", server.takeRequest(5, TimeUnit.SECONDS).getUrl().queryParameter("include"));
        }
    }
}
