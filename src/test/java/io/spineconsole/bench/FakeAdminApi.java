package io.spineconsole.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spineconsole.api.Page;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.messages.MessagingPattern;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.ServerHealth;
import io.spineconsole.domain.messages.MessageParty;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.testing.FakeMessagesApi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in admin API for benchmarks of the console itself: the tests' one {@link FakeBackboneApi}
 * served over HTTP. It answers sign-in, health and the summaries from the fake, pages of search
 * results from the fake's messages part fed from a store of any size (made up as they are asked for),
 * and a live stream at a set rate with each message's status changes (received, routed, then delivered
 * and acknowledged — or a failed attempt and a retry — half a second and a second later, as the
 * backbone sends them). It speaks the real wire format (the project's own JSON conventions), so the
 * console's real HTTP client and SSE reader do the work they would against a real server, and the
 * numbers are the console's, not a database's.
 */
final class FakeAdminApi implements AutoCloseable {
    private static final String[] INTERACTIONS = {"urn:nhs:names:services:psis:REPC_IN150016UK05",
            "urn:nhs:names:services:pdsquery:QUPA_IN000008UK02", "urn:nhs:names:services:mm:PORX_IN080101UK31",
            "urn:nhs:names:services:gp2gp:RCMR_IN030000UK06", "urn:nhs:names:services:lrs:QUPC_IN160101UK05"};
    private static final String[] SITES = {"DC-NORTH", "DC-SOUTH", "CLOUD-LDN-1", "CLOUD-LDN-2"};
    private final HttpServer server;
    private final ObjectMapper json = WireJson.strictMapper();
    private final int searchStoreSize;
    private final int streamRate;
    private final AtomicLong eventsSent = new AtomicLong();
    private final AtomicLong searches = new AtomicLong();
    private final Instant epoch = Instant.now();
    private final FakeBackboneApi fake = new FakeBackboneApi(Role.OPERATOR);

    /**
     * @param searchStoreSize messages the search pages through
     * @param streamRate      new messages a second on the live stream (each sends four status changes)
     */
    FakeAdminApi(int searchStoreSize, int streamRate) throws IOException {
        this.searchStoreSize = searchStoreSize;
        this.streamRate = streamRate;
        fake.health = new ServerHealth("ok", "bench", "v1", "server", "none");
        fake.principal = new Principal("Benchmark analyst", Role.OPERATOR, 1);
        fake.registrationSummary = new RegistrationSummary(20_000, 40_000, 100_000, 12, 3);
        fake.messageFlowSummary = new MessageFlowSummary(11_520_000, 230_000, 9_000, 1_200);
        fake.migrationSummary = new MigrationSummary(40, 12, 20, 8, 2, 3, 6);
        FakeMessagesApi messages = new FakeMessagesApi();
        messages.onSearch = search -> CompletableFuture.completedFuture(page(search));
        fake.withMessages(messages);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-admin-api");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::route);
        server.start();
    }

    /**
     * Runs the stand-in in a process of its own (as the server a real console reaches over the network
     * is not in the console's process): prints
     * {@code port=N}, then serves until its standard input closes.
     * Arguments: messages in the search store, new messages a second on the stream.
     */
    public static void main(String[] args) throws Exception {
        try (FakeAdminApi api = new FakeAdminApi(Integer.parseInt(args[0]), Integer.parseInt(args[1]))) {
            System.out.println("port=" + api.server.getAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the benchmark goes away
            }
        }
    }

    /** Starts the stand-in as a child process; its base URL is read from its output. */
    static Process startProcess(int searchStoreSize, int streamRate, StringBuilder baseUrl) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), FakeAdminApi.class.getName(),
                String.valueOf(searchStoreSize), String.valueOf(streamRate)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port=")) {
                baseUrl.append("http://127.0.0.1:").append(line.substring(5));
                return p;
            }
        }
        throw new IOException("The stand-in admin API did not start");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long eventsSent() {
        return eventsSent.get();
    }

    long searches() {
        return searches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        try {
            switch (path) {
                case "/api/v1/health" -> send(ex, 200, fake.health().join());
                case "/api/v1/me" -> send(ex, 200, fake.me().join());
                case "/api/v1/registrations/summary" -> send(ex, 200, fake.registrationSummary().join());
                case "/api/v1/messages/summary" -> send(ex, 200, fake.messageFlowSummary().join());
                case "/api/v1/migration/summary" -> send(ex, 200, fake.migrationSummary().join());
                case "/api/v1/messages" -> search(ex);
                case "/api/v1/messages/stream" -> stream(ex);
                case "/bench/sent" -> send(ex, 200, eventsSent.get());
                default -> problem(ex);
            }
        } catch (IOException e) {
            // the client went away (a stream closed, a search cancelled)
        } finally {
            ex.close();
        }
    }

    private void send(HttpExchange ex, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void problem(HttpExchange ex) throws IOException {
        byte[] bytes = ("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"code\":\"NO_RECORD_FOUND\","
                + "\"detail\":\"Not served by the benchmark's stand-in.\"}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/problem+json");
        ex.sendResponseHeaders(404, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    /** A search, answered by the fake's messages part (the limit and cursor are all it reads). */
    private void search(HttpExchange ex) throws IOException {
        searches.incrementAndGet();
        Map<String, String> q = query(ex);
        MessageSearch search = MessageSearch.all().withLimit(Integer.parseInt(q.getOrDefault("limit", "100")))
                .withCursor(q.get("cursor"));
        send(ex, 200, fake.messages().search(search).join());
    }

    /** Pages through a store of {@code searchStoreSize} made-up messages, newest first; the cursor is an offset. */
    private Page<MessageSummary> page(MessageSearch search) {
        int limit = search.limit();
        int from = search.cursor() != null ? Integer.parseInt(search.cursor()) : 0;
        int to = Math.min(searchStoreSize, from + limit);
        List<MessageSummary> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(message(new Random(i), epoch.minusMillis(i * 10L), statusFor(i)));
        }
        return new Page<>(items, to < searchStoreSize ? String.valueOf(to) : null, searchStoreSize, false);
    }

    private static MessageStatus statusFor(int i) {
        return switch (i % 37) {
            case 0 -> MessageStatus.NACKED;
            case 1 -> MessageStatus.TRANSMISSION_FAILED;
            case 2 -> MessageStatus.RETRYING;
            case 3 -> MessageStatus.DEAD_LETTERED;
            default -> MessageStatus.ACKNOWLEDGED;
        };
    }

    private static MessageSummary message(Random r, Instant at, MessageStatus status) {
        int from = r.nextInt(900) + 100;
        int to = r.nextInt(900) + 100;
        boolean failed = status == MessageStatus.NACKED || status == MessageStatus.TRANSMISSION_FAILED
                || status == MessageStatus.DEAD_LETTERED || status == MessageStatus.RETRYING;
        return new MessageSummary(new UUID(r.nextLong(), r.nextLong()), new UUID(r.nextLong(), r.nextLong()),
                INTERACTIONS[r.nextInt(INTERACTIONS.length)], MessagingPattern.ASYNC_RELIABLE,
                new MessageParty("R" + from, "200000000" + from, "R" + from + "-0000" + from),
                new MessageParty("A8" + to, "200000001" + to, "A8" + to + "-82" + to), new UUID(r.nextLong(), r.nextLong()),
                SITES[r.nextInt(SITES.length)], status, failed ? 2 : 1, 1_500 + r.nextInt(30_000), at, at.plusMillis(400),
                failed ? null : 80L + r.nextInt(900), failed ? "TLS_CERT_EXPIRED" : null,
                failed ? "TLS handshake failed: the certificate has expired" : null, null);
    }

    /** One status change waiting to be sent. */
    private record Pending(long dueNanos, MessageSummary message) {
    }

    /** The live stream: {@code streamRate} new messages a second, each followed by its status changes. */
    private void stream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        out.write("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        Random random = new Random(42);
        ArrayDeque<Pending> later = new ArrayDeque<>();
        long start = System.nanoTime();
        long made = 0;
        long id = 1;
        StringBuilder batch = new StringBuilder(1 << 20);
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            long owed = (now - start) * streamRate / 1_000_000_000L - made;
            for (long i = 0; i < owed; i++) {
                MessageSummary m = message(random, Instant.now(), MessageStatus.RECEIVED);
                id = event(batch, id, m);
                id = event(batch, id, with(m, MessageStatus.ROUTED));
                boolean fails = random.nextInt(100) < 3;
                later.add(new Pending(now + 500_000_000L, with(m, fails ? MessageStatus.TRANSMISSION_FAILED
                        : MessageStatus.DELIVERED)));
                later.add(new Pending(now + 1_000_000_000L, with(m, fails ? MessageStatus.RETRYING
                        : MessageStatus.ACKNOWLEDGED)));
            }
            made += Math.max(0, owed);
            while (!later.isEmpty() && later.peekFirst().dueNanos() <= now) {
                id = event(batch, id, later.pollFirst().message());
            }
            if (!batch.isEmpty()) {
                out.write(batch.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                batch.setLength(0);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long event(StringBuilder batch, long id, MessageSummary m) throws IOException {
        batch.append("id: ").append(id).append("\nevent: message\ndata: ").append(json.writeValueAsString(m)).append("\n\n");
        eventsSent.incrementAndGet();
        return id + 1;
    }

    private static MessageSummary with(MessageSummary m, MessageStatus status) {
        boolean failed = status == MessageStatus.TRANSMISSION_FAILED || status == MessageStatus.RETRYING;
        return new MessageSummary(m.messageId(), m.conversationId(), m.interaction(), m.messagingPattern(), m.from(),
                m.to(), m.endpointId(), m.site(), status, failed ? 1 : m.attempts(), m.sizeBytes(), m.receivedAt(),
                Instant.now(), status == MessageStatus.ACKNOWLEDGED ? 300L : null, failed ? "TLS_CERT_EXPIRED" : null,
                failed ? "TLS handshake failed: the certificate has expired" : null, null);
    }
}
