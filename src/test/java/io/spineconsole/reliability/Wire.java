package io.spineconsole.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The admin API as any client sees it, with nothing between: requests sent by hand (the reliability
 * tests need the exact headers), and many identical ones at once.
 */
final class Wire implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http;
    /** Where twins wait to be sent (not the client's own executor: a twin blocks until its answer). */
    private final ExecutorService pool = Executors.newFixedThreadPool(32);

    Wire(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** One request: a JSON body (or {@code contentType}'s), an Idempotency-Key and If-Match when given. */
    record Call(String method, String path, String token, String contentType, String body, String key, Long ifMatch) {
        static Call post(String path, String token, String body, String key) {
            return new Call("POST", path, token, "application/json", body, key, null);
        }

        static Call get(String path, String token) {
            return new Call("GET", path, token, null, null, null, null);
        }

        Call ifMatch(long version) {
            return new Call(method, path, token, contentType, body, key, version);
        }

        Call withBody(String other) {
            return new Call(method, path, token, contentType, other, key, ifMatch);
        }

        Call as(String type) {
            return new Call(method, path, token, type, body, key, ifMatch);
        }
    }

    record Answer(int status, String text, HttpResponse<String> raw) {
        boolean replayed() {
            return "true".equals(raw.headers().firstValue("Idempotent-Replayed").orElse(null));
        }

        JsonNode json() {
            try {
                return JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        long version() {
            return Long.parseLong(raw.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        }
    }

    Answer send(Call call) throws Exception {
        return send(call, true);
    }

    /**
     * Sends {@code call}; with {@code followInProgress}, a 409 IN_PROGRESS is sent again after its
     * Retry-After with the same key, as the console's client does.
     */
    Answer send(Call call, boolean followInProgress) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + call.path())).timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.token() != null) {
            b.header("Authorization", "Bearer " + call.token());
        }
        if (call.body() != null) {
            b.header("Content-Type", call.contentType());
        }
        if (call.key() != null) {
            b.header("Idempotency-Key", call.key());
        }
        if (call.ifMatch() != null) {
            b.header("If-Match", "\"" + call.ifMatch() + "\"");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(r.statusCode(), r.body(), r);
        if (followInProgress && answer.status() == 409 && answer.text().contains("\"IN_PROGRESS\"")) {
            Thread.sleep(Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")) * 1000);
            return send(call, true);
        }
        return answer;
    }

    /** {@code n} copies of {@code call} sent at the same moment; their answers in order. */
    List<Answer> twins(Call call, int n) throws Exception {
        return all(java.util.Collections.nCopies(n, call));
    }

    /** {@code calls} sent at the same moment; their answers in order. */
    List<Answer> all(List<Call> calls) throws Exception {
        int n = calls.size();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (Call call : calls) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ready.countDown();
                    go.await();
                    return send(call);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, pool));
        }
        ready.await(10, TimeUnit.SECONDS);
        go.countDown();
        List<Answer> out = new ArrayList<>();
        for (CompletableFuture<Answer> a : answers) {
            out.add(a.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
