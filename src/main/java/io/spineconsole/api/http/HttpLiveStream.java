package io.spineconsole.api.http;

import io.spineconsole.api.LiveStream;
import io.spineconsole.domain.alerts.AlertChanged;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.StreamDropped;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live stream over server-sent events (okhttp-sse). On a dropped connection it reconnects
 * with growing pauses, sending {@code Last-Event-ID} so nothing is missed or repeated. It has its
 * own connection dispatcher (a stream holds its connection open) and no call timeout; a read
 * timeout of three heartbeats notices a dead connection.
 */
final class HttpLiveStream implements LiveStream {
    private static final Logger LOG = LoggerFactory.getLogger(HttpLiveStream.class);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(45);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(15);

    private final HttpTransport http;
    private final HttpUrl url;
    private final OkHttpClient client;
    private final ScheduledExecutorService reconnector;
    private final int capacity;
    private final ArrayDeque<MessageSummary> buffer = new ArrayDeque<>();
    /** Alert changes: few, but each one counts, so they are kept apart from a busy message buffer. */
    private final ArrayDeque<AlertChanged> alerts = new ArrayDeque<>();
    private long dropped;
    private long resets;
    private volatile String lastEventId;
    private volatile State state = State.CONNECTING;
    private volatile EventSource source;
    private int failures;

    private HttpLiveStream(HttpTransport http, HttpUrl url, int capacity) {
        this.http = http;
        this.url = url;
        this.capacity = capacity;
        this.reconnector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-stream-reconnect");
            t.setDaemon(true);
            return t;
        });
        Dispatcher dispatcher = new Dispatcher(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "live-stream");
            t.setDaemon(true);
            return t;
        }));
        this.client = http.client().newBuilder().dispatcher(dispatcher).readTimeout(READ_TIMEOUT)
                .callTimeout(Duration.ZERO).build();
    }

    static HttpLiveStream open(HttpTransport http, HttpUrl url, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("buffer capacity must be positive");
        }
        HttpLiveStream stream = new HttpLiveStream(http, url, capacity);
        stream.connect();
        return stream;
    }

    private synchronized void connect() {
        if (state == State.CLOSED) {
            return;
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        source = EventSources.createFactory(client).newEventSource(request.build(), new Listener());
    }

    private final class Listener extends EventSourceListener {
        @Override
        public void onOpen(EventSource eventSource, Response response) {
            state = State.OPEN;
            synchronized (HttpLiveStream.this) {
                failures = 0;
            }
        }

        @Override
        public void onEvent(EventSource eventSource, String id, String type, String data) {
            if ((type == null || type.equals("message") || type.equals("alert")) && alreadySeen(id)) {
                // A server that resumed too early repeats messages: each is delivered once. (Other events
                // may carry the previous id: SSE keeps the last id for events that name none.)
                return;
            }
            try {
                switch (type == null ? "message" : type) {
                    case "message" -> add(http.mapper().readValue(data, MessageSummary.class));
                    case "alert" -> addAlert(http.mapper().readValue(data, AlertChanged.class));
                    case "dropped" -> {
                        StreamDropped d = http.mapper().readValue(data, StreamDropped.class);
                        synchronized (buffer) {
                            dropped += d.count();
                        }
                    }
                    case "reset" -> {
                        synchronized (buffer) {
                            resets++;
                        }
                    }
                    default -> { } // heartbeat, or an event a newer server sends: ignored
                }
            } catch (Exception e) {
                LOG.warn("Unreadable live-stream event {} of type {}", id, type, e);
            }
            if (id != null) {
                lastEventId = id;
            }
        }

        @Override
        public void onClosed(EventSource eventSource) {
            retryLater();
        }

        @Override
        public void onFailure(EventSource eventSource, Throwable t, Response response) {
            if (response != null && (response.code() == 401 || response.code() == 403 || response.code() == 400)) {
                // Reconnecting would be refused the same way: the stream ends here.
                LOG.warn("Live stream refused with HTTP {}", response.code());
                close();
                return;
            }
            retryLater();
        }
    }

    /** True for an event whose numeric id is not after the last one received (a repeat after a resume). */
    private boolean alreadySeen(String id) {
        String last = lastEventId;
        if (id == null || last == null) {
            return false;
        }
        try {
            return Long.parseLong(id) <= Long.parseLong(last);
        } catch (NumberFormatException notNumeric) {
            return false; // ids are opaque to the protocol: only numeric ones can be ordered
        }
    }

    private void add(MessageSummary m) {
        synchronized (buffer) {
            if (buffer.size() == capacity) {
                buffer.removeFirst();
                dropped++;
            }
            buffer.addLast(m);
        }
    }

    private void addAlert(AlertChanged change) {
        synchronized (buffer) {
            if (alerts.size() == capacity) {
                alerts.removeFirst();
                dropped++;
            }
            alerts.addLast(change);
        }
    }

    private synchronized void retryLater() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.RECONNECTING;
        long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failures++, 10));
        reconnector.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public List<MessageSummary> drain(int max) {
        synchronized (buffer) {
            List<MessageSummary> out = new ArrayList<>(Math.min(max, buffer.size()));
            while (out.size() < max && !buffer.isEmpty()) {
                out.add(buffer.removeFirst());
            }
            return out;
        }
    }

    @Override
    public List<AlertChanged> drainAlerts(int max) {
        synchronized (buffer) {
            List<AlertChanged> out = new ArrayList<>(Math.min(max, alerts.size()));
            while (out.size() < max && !alerts.isEmpty()) {
                out.add(alerts.removeFirst());
            }
            return out;
        }
    }

    @Override
    public long dropped() {
        synchronized (buffer) {
            return dropped;
        }
    }

    @Override
    public long resets() {
        synchronized (buffer) {
            return resets;
        }
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
        reconnector.shutdownNow();
        client.dispatcher().executorService().shutdown();
    }
}
