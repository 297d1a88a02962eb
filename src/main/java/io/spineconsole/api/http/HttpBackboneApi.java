package io.spineconsole.api.http;

import io.spineconsole.api.AlertsApi;
import io.spineconsole.api.AuditApi;
import io.spineconsole.api.TokensApi;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.ConnectionMonitor;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.api.MigrationApi;
import io.spineconsole.api.RegistrationsApi;
import io.spineconsole.api.http.HttpTransport.RetryPolicy;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.domain.migration.MigrationSummary;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.registrations.RegistrationSummary;
import io.spineconsole.domain.ServerHealth;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
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
    private final ScheduledExecutorService retryTimer;
    private final ConnectionMonitor connection = new ConnectionMonitor();
    private final HttpTransport http;
    private final RegistrationsApi registrations;
    private final MessagesApi messages;
    private final MigrationApi migration;
    private final AuditApi audit;
    private final AlertsApi alerts;
    private final TokensApi tokens;
    private final io.spineconsole.api.SandboxApi sandbox;
    private final HealthProbe healthProbe;

    /**
     * @param baseUrl the server's root, for example {@code http://127.0.0.1:8080}
     * @param token   supplies the bearer token for each call; it is never logged
     */
    public HttpBackboneApi(String baseUrl, Supplier<String> token, HttpClientOptions options) {
        this.base = Objects.requireNonNull(HttpUrl.parse(baseUrl), () -> "Not an http(s) URL: " + baseUrl);
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        TlsSetup.apply(options.tls(), builder); // first: a bad TLS file fails here, before any thread starts
        this.executor = namedBoundedExecutor();
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "admin-api-retry"));
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        builder
                .dispatcher(dispatcher)
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .callTimeout(options.callTimeout())
                .retryOnConnectionFailure(false) // HttpTransport decides what is safe to retry
                .addInterceptor(new BearerTokenInterceptor(token));
        options.interceptors().forEach(builder::addInterceptor);
        this.client = builder.build();
        this.http = new HttpTransport(base, client, WireJson.clientMapper(), connection, retryTimer, options.retry(),
                options.connectionPolicy());
        this.registrations = new HttpRegistrationsApi(http);
        this.messages = new HttpMessagesApi(http);
        this.migration = new HttpMigrationApi(http);
        this.audit = new HttpAuditApi(http);
        this.alerts = new HttpAlertsApi(http);
        this.tokens = new HttpTokensApi(http);
        this.sandbox = new HttpSandboxApi(http);
        this.healthProbe = new HealthProbe(this::probeHealth, connection, retryTimer, options.connectionPolicy()).start();
    }

    private static ExecutorService namedBoundedExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(MAX_CONCURRENT_CALLS, MAX_CONCURRENT_CALLS,
                30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> daemon(r, "admin-api-" + count.incrementAndGet()));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    @Override
    public CompletableFuture<ServerHealth> health() {
        return reportServerStatus(http.get("api/v1/health", null, ServerHealth.class));
    }

    /** The background probe's check: one attempt, since the probe itself repeats with backoff. */
    private CompletableFuture<ServerHealth> probeHealth() {
        Request request = new Request.Builder().url(http.url("api/v1/health", null)).get()
                .header("Accept", "application/json").build();
        return reportServerStatus(http.call(request, http.types().constructType(ServerHealth.class), false));
    }

    /** A server that answers but calls itself {@code degraded} makes the connection DEGRADED. */
    private CompletableFuture<ServerHealth> reportServerStatus(CompletableFuture<ServerHealth> call) {
        return call.thenApply(health -> {
            if (health != null && !"ok".equals(health.status())) {
                connection.report(ConnectionState.DEGRADED);
            }
            return health;
        });
    }

    @Override
    public CompletableFuture<Principal> me() {
        return http.get("api/v1/me", null, Principal.class);
    }

    @Override
    public CompletableFuture<RegistrationSummary> registrationSummary() {
        return http.get("api/v1/registrations/summary", null, RegistrationSummary.class);
    }

    @Override
    public CompletableFuture<MessageFlowSummary> messageFlowSummary() {
        return http.get("api/v1/messages/summary", null, MessageFlowSummary.class);
    }

    @Override
    public CompletableFuture<MigrationSummary> migrationSummary() {
        return http.get("api/v1/migration/summary", null, MigrationSummary.class);
    }

    @Override
    public RegistrationsApi registrations() {
        return registrations;
    }

    @Override
    public MessagesApi messages() {
        return messages;
    }

    @Override
    public MigrationApi migration() {
        return migration;
    }

    @Override
    public AuditApi audit() {
        return audit;
    }

    @Override
    public AlertsApi alerts() {
        return alerts;
    }

    @Override
    public TokensApi tokens() {
        return tokens;
    }

    @Override
    public io.spineconsole.api.SandboxApi sandbox() {
        return sandbox;
    }

    /** The wire, for area clients and tests in this package. */
    HttpTransport transport() {
        return http;
    }

    @Override
    public ConnectionMonitor connection() {
        return connection;
    }

    @Override
    public void close() {
        healthProbe.close();
        client.dispatcher().cancelAll();
        retryTimer.shutdownNow();
        executor.shutdownNow();
        client.connectionPool().evictAll();
    }

    /**
     * Timeouts and retries for every call (a hospital network can be slow, but the console never
     * waits forever), how the connection state is judged, TLS beyond the system defaults, and
     * extra application interceptors that see every exchange after the bearer token is added (the
     * contract tests check each one against openapi.yaml this way).
     */
    public record HttpClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout,
                                    RetryPolicy retry, ConnectionPolicy connectionPolicy, TlsOptions tls,
                                    List<Interceptor> interceptors) {
        public HttpClientOptions {
            Objects.requireNonNull(retry, "retry");
            connectionPolicy = connectionPolicy == null ? ConnectionPolicy.defaults() : connectionPolicy;
            tls = tls == null ? TlsOptions.none() : tls;
            interceptors = interceptors == null ? List.of() : List.copyOf(interceptors);
        }

        public HttpClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retry,
                                 ConnectionPolicy connectionPolicy, TlsOptions tls) {
            this(connectTimeout, readTimeout, callTimeout, retry, connectionPolicy, tls, List.of());
        }

        public HttpClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout, RetryPolicy retry) {
            this(connectTimeout, readTimeout, callTimeout, retry, ConnectionPolicy.defaults(), TlsOptions.none());
        }

        public HttpClientOptions(Duration connectTimeout, Duration readTimeout, Duration callTimeout) {
            this(connectTimeout, readTimeout, callTimeout, RetryPolicy.defaults());
        }

        public static HttpClientOptions defaults() {
            return new HttpClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30));
        }

        public HttpClientOptions withTls(TlsOptions value) {
            return new HttpClientOptions(connectTimeout, readTimeout, callTimeout, retry, connectionPolicy, value,
                    interceptors);
        }

        public HttpClientOptions withConnectionPolicy(ConnectionPolicy value) {
            return new HttpClientOptions(connectTimeout, readTimeout, callTimeout, retry, value, tls, interceptors);
        }

        /** These options plus one more application interceptor, run after the bearer token is added. */
        public HttpClientOptions withInterceptor(Interceptor value) {
            List<Interceptor> all = new java.util.ArrayList<>(interceptors);
            all.add(Objects.requireNonNull(value));
            return new HttpClientOptions(connectTimeout, readTimeout, callTimeout, retry, connectionPolicy, tls, all);
        }
    }
}
