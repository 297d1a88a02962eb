package io.spineconsole.sandbox.messages;

import io.spineconsole.api.LiveStream;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live stream: resume without gaps or repeats, heartbeats, limits, and the client's bounded buffer. */
class MessageStreamTest {
    private static SandboxFixture sandbox;
    private static String viewerToken;
    private static final HttpClient RAW = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        viewerToken = MessageApiChecks.token(sandbox, Role.VIEWER);
        sandbox.backbone().traffic().start(400);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** One server-sent event as read off the wire. */
    private record Sse(String id, String event, String data) {
    }

    /** Reads {@code count} message events (and whatever else comes first) from one connection, then hangs up. */
    private static List<Sse> read(String query, String lastEventId, int count) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/messages/stream" + query))
                .header("Authorization", "Bearer " + viewerToken).timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = RAW.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<Sse> events = new ArrayList<>();
        try (InputStream in = response.body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            String data = null;
            int messages = 0;
            String line;
            while (messages < count && (line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (event != null) {
                        events.add(new Sse(id, event, data));
                        messages += event.equals("message") ? 1 : 0;
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
        }
        return events;
    }

    private static List<Long> messageIds(List<Sse> events) {
        return events.stream().filter(e -> e.event().equals("message")).map(e -> Long.parseLong(e.id())).toList();
    }

    @Test
    void resumesAfterTheLastEventWithoutGapsOrRepeats() throws Exception {
        List<Long> first = messageIds(read("", null, 200));
        for (int i = 1; i < first.size(); i++) {
            assertEquals(first.get(i - 1) + 1, first.get(i), "an unfiltered stream misses nothing");
        }
        Thread.sleep(500); // traffic goes on while the client is away
        List<Long> resumed = messageIds(read("", String.valueOf(first.get(first.size() - 1)), 400));
        assertEquals(first.get(first.size() - 1) + 1, resumed.get(0), "resumes right after the last event seen");
        for (int i = 1; i < resumed.size(); i++) {
            assertEquals(resumed.get(i - 1) + 1, resumed.get(i));
        }
        List<Long> byQuery = messageIds(read("?lastEventId=" + first.get(99), null, 100));
        assertEquals(first.subList(100, 200), byQuery, "the query parameter resumes the same way");
    }

    @Test
    void filtersApplyAndAnUnknownResumePointSaysReset() throws Exception {
        List<Sse> failedOnly = read("?status=acknowledged", null, 30);
        assertTrue(failedOnly.stream().filter(e -> e.event().equals("message"))
                .allMatch(e -> e.data().contains("\"status\":\"acknowledged\"")));
        List<Sse> fromAnotherRun = read("", "1", 1);
        assertEquals("reset", fromAnotherRun.get(0).event());
        assertTrue(fromAnotherRun.get(0).data().contains("server-restarted"));
    }

    @Test
    void theClientBuffersBoundedlyCountsDropsAndClosesCleanly() throws Exception {
        try (HttpBackboneApi api = MessageApiChecks.client(sandbox, viewerToken)) {
            LiveStream stream = api.messages().stream(StreamFilter.everything(), 50);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (stream.dropped() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(LiveStream.State.OPEN, stream.state());
            assertTrue(stream.dropped() > 0, "a full buffer drops and counts");
            List<MessageSummary> drained = stream.drain(1_000);
            assertTrue(drained.size() <= 50 && !drained.isEmpty());
            assertTrue(stream.lastEventId() != null);
            stream.close();
            assertEquals(LiveStream.State.CLOSED, stream.state());
        }
    }
}
