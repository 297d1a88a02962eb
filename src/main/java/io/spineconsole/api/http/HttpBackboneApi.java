package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.MessageFlowSummary;
import io.spineconsole.domain.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.RegistrationSummary;
import io.spineconsole.domain.ServerHealth;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link BackboneApi} over HTTP with OkHttp and Jackson. The same class talks to the embedded
 * sandbox on loopback and to a remote admin API: the console cannot tell them apart.
 */
public final class HttpBackboneApi implements BackboneApi {
    /** Most calls the console runs at once; more wait in the dispatcher's queue. */
    private static final int MAX_CONCURRENT_CALLS = 8;

    private final HttpUrl base;
    private final OkHttpClient client;
    private final ExecutorService executor;
    private final ObjectMapper mapper = WireJson.lenientMapper();
    private final ProblemMapper problems;
    private final ConnectionMonitor connection = new ConnectionMonitor();

    /**
     * @param baseUrl the server's root, for example {@code http://127.0.0.1:8080}
     * @param token   supplies the bearer token for each call; it is never logged
     */
    public HttpBackboneApi(String baseUrl, Supplier<String> token, HttpClientOptions options) {
        this.base = Objects.requireNonNull(HttpUrl.parse(baseUrl), () -> "Not an http(s) URL: " + baseUrl);
        this.executor = namedBoundedExecutor();
        this.problems = new ProblemMapper(mapper);
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        this.client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .callTimeout(options.callTimeout())
                .addInterceptor(new BearerTokenInterceptor(token))
                .build();
    }

    private static ExecutorService namedBoundedExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_CONCURRENT_CALLS, MAX_CONCURRENT_CALLS,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "admin-api-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    @Override
    public CompletableFuture<ServerHealth> health() {
        return get("api/v1/health", ServerHealth.class);
    }

    @Override
    public CompletableFuture<Principal> me() {
        return get("api/v1/me", Principal.class);
    }

    @Override
    public CompletableFuture<RegistrationSummary> registrationSummary() {
        return get("api/v1/registrations/summary", RegistrationSummary.class);
    }

    @Override
    public CompletableFuture<MessageFlowSummary> messageFlowSummary() {
        return get("api/v1/messages/summary", MessageFlowSummary.class);
    }

    @Override
    public CompletableFuture<MigrationSummary> migrationSummary() {
        return get("api/v1/migration/summary", MigrationSummary.class);
    }

    @Override
    public ConnectionMonitor connection() {
        return connection;
    }

    private <T> CompletableFuture<T> get(String path, Class<T> type) {
        Request request = new Request.Builder().url(base.resolve(path)).get()
                .header("Accept", "application/json").build();
        return send(request, mapper.constructType(type));
    }

    private <T> CompletableFuture<T> send(Request request, JavaType type) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Call call = client.newCall(request);
        // Cancelling the future (a view went away) cancels the call on the wire.
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                if (!c.isCanceled()) {
                    connection.report(ConnectionState.OFFLINE);
                }
                result.completeExceptionally(problems.offline(request, e));
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response; ResponseBody body = response.body()) {
                    if (response.isSuccessful()) {
                        T value = mapper.readValue(body.byteStream(), type);
                        connection.report(ConnectionState.ONLINE);
                        result.complete(value);
                    } else {
                        ApiException failure = problems.fromResponse(request, response, body.string());
                        connection.report(stateAfter(failure));
                        result.completeExceptionally(failure);
                    }
                } catch (IOException e) {
                    connection.report(ConnectionState.DEGRADED);
                    result.completeExceptionally(problems.unreadable(request, e));
                } catch (RuntimeException e) {
                    result.completeExceptionally(problems.unreadable(request, e));
                }
            }
        });
        return result;
    }

    private static ConnectionState stateAfter(ApiException failure) {
        return switch (failure.kind()) {
            case UNAUTHORISED -> ConnectionState.UNAUTHORISED;
            case SERVER_ERROR -> ConnectionState.DEGRADED;
            case OFFLINE -> ConnectionState.OFFLINE;
            default -> ConnectionState.ONLINE;
        };
    }

    @Override
    public void close() {
        client.dispatcher().cancelAll();
        executor.shutdownNow();
        client.connectionPool().evictAll();
    }

    /** Timeouts for every call; a hospital network can be slow, but the console never waits forever. */
    public record HttpClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
        public static HttpClientOptions defaults() {
            return new HttpClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));
        }
    }
}
