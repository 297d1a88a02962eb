package io.spineconsole.sandbox.http.messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.messages.StreamDropped;
import io.spineconsole.domain.messages.StreamFilter;
import io.spineconsole.domain.messages.StreamHeartbeat;
import io.spineconsole.domain.messages.StreamReset;
import io.spineconsole.sandbox.http.Callers;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.messages.StreamHub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/messages/stream}: server-sent events from the {@link StreamHub}. Errors
 * before the stream starts are ordinary problem answers; once streaming, a failure ends the
 * stream. Writes are batched: up to a few hundred events per flush.
 */
final class MessageStreamRoute {
    static final int MAX_STREAMS_PER_TOKEN = 4;
    private static final Pattern EVENT_ID = Pattern.compile("[0-9]{1,40}");
    private static final int BATCH = 500;

    private final StreamHub hub;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<Long, AtomicInteger> openPerToken = new ConcurrentHashMap<>();
    /** Silence after which a heartbeat is sent; shorter in tests. */
    static volatile Duration heartbeat = Duration.ofSeconds(15);

    MessageStreamRoute(StreamHub hub, ObjectMapper mapper, Clock clock) {
        this.hub = hub;
        this.mapper = mapper;
        this.clock = clock;
    }

    void handle(Context ctx) throws Exception {
        QueryParams q = QueryParams.of(ctx, "conversationId", "ods", "asid", "partyKey", "interaction", "status", "site",
                "endpointId", "include", "lastEventId");
        StreamFilter filter = MessageParams.streamFilter(q);
        String header = ctx.header("Last-Event-ID");
        String resumeText = header != null && !header.isBlank() ? header.trim() : q.string("lastEventId").orElse(null);
        Long resumeAfter = null;
        if (resumeText != null) {
            if (!EVENT_ID.matcher(resumeText).matches()) {
                throw ProblemException.badParameter(header != null ? "header.Last-Event-ID" : "query.lastEventId",
                        "INVALID_EVENT_ID", "An event id is the decimal number the stream sent in 'id:'.");
            }
            resumeAfter = resumeText.length() > 18 ? Long.MAX_VALUE : Long.parseLong(resumeText);
        }
        Principal caller = Callers.principal(ctx);
        AtomicInteger open = openPerToken.computeIfAbsent(caller.tokenId(), k -> new AtomicInteger());
        if (open.incrementAndGet() > MAX_STREAMS_PER_TOKEN) {
            open.decrementAndGet();
            throw new ProblemException(429, "TOO_MANY_REQUESTS", "Too many requests", "At most "
                    + MAX_STREAMS_PER_TOKEN + " event streams may be open per token.").withHeader("Retry-After", "5");
        }
        boolean alertsOnly = q.string("include").filter("alerts"::equals).isPresent();
        try (StreamHub.Subscription sub = hub.subscribe(filter, resumeAfter, alertsOnly)) {
            var res = ctx.res();
            res.setStatus(200);
            res.setContentType("text/event-stream;charset=utf-8");
            res.setHeader("Cache-Control", "no-cache");
            res.setHeader("X-Accel-Buffering", "no");
            OutputStream out = res.getOutputStream();
            StringBuilder b = new StringBuilder("retry: 3000\n\n");
            if (sub.resume() == StreamHub.Resume.EXPIRED || sub.resume() == StreamHub.Resume.FROM_ANOTHER_RUN) {
                event(b, null, "reset", new StreamReset(sub.resume() == StreamHub.Resume.EXPIRED ? "resume-point-expired"
                        : "server-restarted", sub.oldestRetained() == null ? null : String.valueOf(sub.oldestRetained())));
            }
            write(out, b);
            pump(sub, out);
        } catch (IOException clientGone) {
            // The client closed the connection: nothing to answer.
        } catch (InterruptedException stopping) {
            // The server is stopping: the stream ends.
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }

    private void pump(StreamHub.Subscription sub, OutputStream out) throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        while (!sub.hubClosed()) {
            StreamHub.Entry e = sub.next(heartbeat.toMillis());
            StreamHub.Dropped dropped = sub.takeDropped();
            if (dropped != null) {
                // To the millisecond, as the stream has always sent it.
                event(b, null, "dropped", new StreamDropped(dropped.count(),
                        Instant.ofEpochMilli(dropped.since().toEpochMilli())));
            }
            if (e == null) {
                if (!sub.hubClosed()) {
                    event(b, null, "heartbeat", new StreamHeartbeat(clock.instant()));
                }
            } else {
                int n = 0;
                do {
                    if (e.alert() != null) {
                        event(b, e.id(), "alert", e.alert());
                    } else {
                        event(b, e.id(), "message", e.message());
                    }
                } while (++n < BATCH && (e = sub.poll()) != null);
            }
            write(out, b);
        }
    }

    private void event(StringBuilder b, Long id, String name, Object data) throws IOException {
        if (id != null) {
            b.append("id: ").append(id).append('\n');
        }
        b.append("event: ").append(name).append('\n').append("data: ").append(mapper.writeValueAsString(data))
                .append("\n\n");
    }

    private static void write(OutputStream out, StringBuilder b) throws IOException {
        if (!b.isEmpty()) {
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            b.setLength(0);
        }
    }
}
