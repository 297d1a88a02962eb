package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.Intent;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The admin API's wire: builds requests, sends them without blocking, retries what is safe to
 * retry, reads JSON answers and turns failures into {@link ApiException}s. Area clients
 * ({@code HttpRegistrationsApi}, ...) are thin layers over it.
 *
 * <p>Retry rules: GETs, and POSTs that carry an {@code Idempotency-Key} (the same key on every
 * attempt, so the server applies them once), are retried on a dropped connection, 429, 502, 503
 * or 504, and a keyed POST on 409 IN_PROGRESS, with exponential backoff and jitter, honouring
 * {@code Retry-After}. A POST that got no answer fails as "outcome unknown"; sent again (the same
 * intent, or the same request), it goes with the same key. Updates with
 * {@code If-Match} are never retried blindly: a repeat after a lost answer would look like a conflict.
 * A TLS handshake the server or the console refused is never retried: it fails the same way again.
 *
 * <p>Every outcome updates the {@link ConnectionMonitor} by the rules of {@link ConnectionPolicy}.
 * Each exchange is logged at DEBUG as method, path, status and time; never headers or bodies, so
 * no token or password reaches a log.
 */
public final class HttpTransport {
    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final ProblemMapper problems;
    private final ConnectionMonitor connection;
    private final ScheduledExecutorService retryTimer;
    private final RetryPolicy retry;
    private final ConnectionPolicy connectionPolicy;
    private final UnknownOutcomes unknown = new UnknownOutcomes(java.time.Clock.systemUTC());

    HttpTransport(HttpUrl base, OkHttpClient client, ObjectMapper mapper, ConnectionMonitor connection,
                  ScheduledExecutorService retryTimer, RetryPolicy retry, ConnectionPolicy connectionPolicy) {
        this.base = base;
        this.client = client;
        this.mapper = mapper;
        this.problems = new ProblemMapper(mapper);
        this.connection = connection;
        this.retryTimer = retryTimer;
        this.retry = retry;
        this.connectionPolicy = connectionPolicy;
    }

    /** How often and how patiently to retry. */
    public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        public static RetryPolicy defaults() {
            return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(8));
        }

        public static RetryPolicy none() {
            return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The underlying client, for calls that are not request/answer (event streams, downloads). */
    OkHttpClient client() {
        return client;
    }

    /** Turns a failed answer into the typed exception every other call gives. */
    ApiException failure(Request request, Response response, String body) {
        return problems.fromResponse(request, response, body, mapper.constructType(Void.class));
    }

    ConnectionMonitor connection() {
        return connection;
    }

    public TypeFactory types() {
        return mapper.getTypeFactory();
    }

    /** A URL under the base, with query parameters; null or blank values are left out. */
    public HttpUrl url(String path, Map<String, ?> query) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments(path.replaceFirst("^/", ""));
        if (query != null) {
            query.forEach((name, value) -> {
                if (value instanceof Iterable<?> many) {
                    many.forEach(v -> b.addQueryParameter(name, String.valueOf(v)));
                } else if (value != null && !String.valueOf(value).isBlank()) {
                    b.addQueryParameter(name, String.valueOf(value));
                }
            });
        }
        return b.build();
    }

    public <T> CompletableFuture<T> get(String path, Map<String, ?> query, JavaType type) {
        Request request = new Request.Builder().url(url(path, query)).get().header("Accept", "application/json").build();
        return call(request, type, true);
    }

    /**
     * A POST that changes nothing and takes no body (it asks the server to work something out, as a
     * search plan does): retried like a GET, with no Idempotency-Key.
     */
    public <T> CompletableFuture<T> postQuery(String path, Map<String, ?> query, JavaType type) {
        Request request = new Request.Builder().url(url(path, query)).post(RequestBody.create(new byte[0], null))
                .header("Accept", "application/json").build();
        return call(request, type, true);
    }

    public <T> CompletableFuture<T> get(String path, Map<String, ?> query, Class<T> type) {
        return get(path, query, mapper.constructType(type));
    }

    /**
     * A creating or acting POST. It carries a fresh {@code Idempotency-Key}, kept across retries,
     * so a retried request is applied once.
     */
    public <T> CompletableFuture<T> post(String path, Map<String, ?> query, Object body, JavaType type) {
        return post(path, query, body, type, null);
    }

    /**
     * A creating or acting POST for one user intent: {@code intent}'s key is its Idempotency-Key (null:
     * the key an identical request whose outcome is unknown went with, or a new one).
     */
    public <T> CompletableFuture<T> post(String path, Map<String, ?> query, Object body, JavaType type, Intent intent) {
        return acting(url(path, query), null, jsonBytes(body), JSON, type, intent);
    }

    /** A creating or acting POST of a body that is not this client's JSON (an import file). */
    public <T> CompletableFuture<T> postBytes(String path, Map<String, ?> query, byte[] body, MediaType mediaType,
                                              JavaType type) {
        return acting(url(path, query), null, body, mediaType, type, null);
    }

    /**
     * An acting POST guarded by {@code If-Match}, the version the user acted on. It also carries an
     * {@code Idempotency-Key}, kept across retries, so a retry after a lost answer is applied once
     * and answered as the first time, rather than refused as stale.
     */
    public <T> CompletableFuture<T> guardedPost(String path, Object body, long ifMatchVersion, JavaType type) {
        return acting(url(path, null), "\"" + ifMatchVersion + "\"", jsonBytes(body), JSON, type, null);
    }

    /**
     * Sends an acting POST with its intent's key, retried like any keyed POST. An attempt that went
     * unanswered leaves its key for the next identical request ({@link UnknownOutcomes}); an answer,
     * success or refusal, settles it.
     */
    private <T> CompletableFuture<T> acting(HttpUrl url, String ifMatch, byte[] body, MediaType mediaType, JavaType type,
                                            Intent intent) {
        String identity = UnknownOutcomes.identity("POST", url.toString(), ifMatch, body);
        String key = intent != null ? intent.key() : unknown.keyFor(identity);
        Request.Builder b = new Request.Builder().url(url).post(RequestBody.create(body, mediaType))
                .header("Accept", "application/json").header("Idempotency-Key", key);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        CompletableFuture<T> answer = call(b.build(), type, true);
        answer.whenComplete((value, failure) -> {
            ApiException api = failure == null ? null : ApiException.unwrap(failure);
            if (api != null && api.outcomeUnknown()) {
                unknown.unanswered(identity, key);
            } else if (!answer.isCancelled()) {
                unknown.answered(identity);
            }
        });
        return answer;
    }

    /**
     * A POST sent once, without an {@code Idempotency-Key}: for an operation whose answer the server
     * must not keep for a replay (a new token's secret). A lost answer is reported, not retried.
     */
    public <T> CompletableFuture<T> postOnce(String path, Object body, JavaType type) {
        Request request = new Request.Builder().url(url(path, null)).post(json(body))
                .header("Accept", "application/json").build();
        return call(request, type, false);
    }

    /** An update guarded by {@code If-Match}: the version the user's edit was based on. */
    public <T> CompletableFuture<T> send(String method, String path, Object body, long ifMatchVersion, JavaType type) {
        Request request = new Request.Builder().url(url(path, null))
                .method(method, body == null ? null : json(body))
                .header("Accept", "application/json")
                .header("If-Match", "\"" + ifMatchVersion + "\"").build();
        return call(request, type, false);
    }

    /** A request built by hand (a form, a stream, a non-JSON body). */
    public <T> CompletableFuture<T> call(Request request, JavaType type, boolean retryable) {
        CompletableFuture<T> result = new CompletableFuture<>();
        attempt(request, type, retryable ? retry.maxAttempts() : 1, 1, result);
        return result;
    }

    /**
     * A GET whose answer is streamed into {@code target} as it arrives (exports), completing with the
     * number of bytes written. Not retried: part of the answer may already be written.
     */
    public CompletableFuture<Long> download(String path, Map<String, ?> query, java.io.OutputStream target) {
        Request request = new Request.Builder().url(url(path, query)).get().build();
        CompletableFuture<Long> result = new CompletableFuture<>();
        Call call = client.newCall(request);
        result.whenComplete((v, f) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                connection.report(ConnectionState.OFFLINE);
                result.completeExceptionally(problems.offline(request, e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response; ResponseBody body = response.body()) {
                    if (!response.isSuccessful()) {
                        ApiException failure = problems.fromResponse(request, response, body.string(),
                                mapper.constructType(Void.class));
                        connection.report(stateAfter(failure, 0));
                        result.completeExceptionally(failure);
                        return;
                    }
                    long written = body.byteStream().transferTo(target);
                    connection.report(ConnectionState.ONLINE);
                    result.complete(written);
                } catch (IOException | RuntimeException e) {
                    result.completeExceptionally(problems.unreadable(request, e));
                }
            }
        });
        return result;
    }

    private RequestBody json(Object body) {
        return RequestBody.create(jsonBytes(body), JSON);
    }

    private byte[] jsonBytes(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write request body", e);
        }
    }

    private <T> void attempt(Request request, JavaType type, int maxAttempts, int attemptNo, CompletableFuture<T> result) {
        if (result.isDone()) {
            return;
        }
        Call call = client.newCall(request);
        result.whenComplete((v, f) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (c.isCanceled() || result.isDone()) {
                    return;
                }
                LOG.debug("{} {} attempt {}: no answer ({})", request.method(), request.url().encodedPath(), attemptNo,
                        e.toString());
                if (TlsRefusalProbe.worthProbing(request.url(), e)) {
                    Optional<SSLException> refused = TlsRefusalProbe.refusal(client, request.url());
                    if (refused.isPresent()) {
                        refused.get().addSuppressed(e);
                        e = refused.get();
                    }
                }
                if (attemptNo < maxAttempts && !ProblemMapper.isRefusedHandshake(e)) {
                    connection.report(ConnectionState.DEGRADED);
                    later(backoff(attemptNo, null), () -> attempt(request, type, maxAttempts, attemptNo + 1, result));
                    return;
                }
                connection.report(ConnectionState.OFFLINE);
                result.completeExceptionally(problems.offline(request, e, mayHaveActed(request, e)));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response; ResponseBody body = response.body()) {
                    int status = response.code();
                    long millis = response.receivedResponseAtMillis() - response.sentRequestAtMillis();
                    LOG.debug("{} {} attempt {}: {} in {} ms", request.method(), request.url().encodedPath(), attemptNo,
                            status, millis);
                    if (response.isSuccessful()) {
                        T value = status == 204 || type.getRawClass() == Void.class ? null
                                : mapper.readValue(body.byteStream(), type);
                        connection.report(answered(millis));
                        result.complete(value);
                        return;
                    }
                    String text = body.string();
                    if ((isTransient(status) || isInProgress(status, text)) && attemptNo < maxAttempts) {
                        connection.report(ConnectionState.DEGRADED);
                        later(backoff(attemptNo, response.header("Retry-After")),
                                () -> attempt(request, type, maxAttempts, attemptNo + 1, result));
                        return;
                    }
                    ApiException failure = problems.fromResponse(request, response, text, type);
                    connection.report(stateAfter(failure, millis));
                    result.completeExceptionally(failure);
                } catch (IOException e) {
                    connection.report(ConnectionState.DEGRADED);
                    result.completeExceptionally(problems.unreadable(request, e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(problems.unreadable(request, e));
                }
            }
        });
    }

    private static boolean isTransient(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** 409 IN_PROGRESS: a request with the same Idempotency-Key is still being worked on; the same key gets its answer. */
    private static boolean isInProgress(int status, String body) {
        return status == 409 && body != null && body.contains("\"IN_PROGRESS\"");
    }

    /**
     * True when a request that changes something may have been acted on though no answer came: it was
     * (or may have been) sent. A connection never made, or a handshake refused, sent nothing.
     */
    static boolean mayHaveActed(Request request, Exception e) {
        if (request.method().equals("GET") || ProblemMapper.isRefusedHandshake(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.NoRouteToHostException) {
                return false;
            }
        }
        return true;
    }

    /** Exponential backoff with full jitter, or the server's Retry-After when it gives one. */
    Duration backoff(int attemptNo, String retryAfter) {
        Duration fromServer = RetryAfter.parse(retryAfter);
        if (fromServer != null) {
            return fromServer.compareTo(retry.maxDelay().multipliedBy(4)) > 0 ? retry.maxDelay().multipliedBy(4) : fromServer;
        }
        long cap = Math.min(retry.maxDelay().toMillis(), retry.firstDelay().toMillis() << Math.min(attemptNo - 1, 16));
        return Duration.ofMillis(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
    }

    private void later(Duration delay, Runnable action) {
        retryTimer.schedule(action, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The server answered (a 4xx the user can act on counts): ONLINE, or DEGRADED when it was slow. */
    private ConnectionState answered(long millisToHeaders) {
        return millisToHeaders > connectionPolicy.slowAnswer().toMillis() ? ConnectionState.DEGRADED : ConnectionState.ONLINE;
    }

    private ConnectionState stateAfter(ApiException failure, long millisToHeaders) {
        return switch (failure.kind()) {
            case UNAUTHORISED -> ConnectionState.UNAUTHORISED;
            case SERVER_ERROR -> ConnectionState.DEGRADED;
            case OFFLINE -> ConnectionState.OFFLINE;
            default -> answered(millisToHeaders);
        };
    }
}
