package io.spineconsole.app;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.http.TlsOptions;
import io.spineconsole.domain.Principal;
import io.spineconsole.platform.StartupPhases;
import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import io.spineconsole.sandbox.messages.TrafficSimulator;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.ui.shell.BackboneConnector;
import io.spineconsole.ui.shell.Session;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Opens sessions: starts the embedded sandbox on first use (in the background, once per run) and
 * builds the HTTP client for every profile, the sandbox included. Tokens given on the command line
 * are held in memory only. The sandbox's start and the first sign-in are phases of the start-up
 * timeline; the sandbox's traffic simulator starts once start-up is over, so that its first ticks
 * (writing messages) do not compete with the first workspace loading its data.
 */
final class ConsoleConnector implements BackboneConnector, AutoCloseable {
    /** Messages a second the embedded sandbox's traffic simulator sends (0: none); default a desktop's few dozen. */
    static final String TRAFFIC_PROPERTY = "spineconsole.sandbox.traffic";
    private final Path sandboxDatabase;
    private final SecretStore secrets;
    private final Map<String, String> transientTokens = new ConcurrentHashMap<>();
    private final SingleSignOns singleSignOns;
    private final ExecutorService starter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "session-starter");
        t.setDaemon(true);
        return t;
    });
    private final StartupTimeline timeline;
    /** Tests of a profile run here, so a slow server never holds up opening a session. */
    private final ExecutorService tester = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "profile-tester");
        t.setDaemon(true);
        return t;
    });
    private volatile SandboxBackbone sandbox;
    private volatile String sandboxToken;
    private volatile boolean closed;
    private final Object trafficLock = new Object();

    /** @param sandboxDatabase the embedded sandbox's own H2 store, started on first use of the Sandbox profile */
    ConsoleConnector(Path sandboxDatabase, SecretStore secrets) {
        this(sandboxDatabase, secrets, finishedTimeline());
    }

    /** @param timeline this run's start-up timeline: the sandbox's start and the first sign-in are timed in it */
    ConsoleConnector(Path sandboxDatabase, SecretStore secrets, StartupTimeline timeline) {
        this.sandboxDatabase = sandboxDatabase;
        this.secrets = secrets;
        this.timeline = timeline;
        this.singleSignOns = new SingleSignOns(secrets);
    }

    private static StartupTimeline finishedTimeline() {
        StartupTimeline none = StartupTimeline.sinceProcessStart();
        none.finish();
        return none;
    }

    /** Where single sign-on pages open (the system browser unless a test says otherwise). */
    void useBrowser(Consumer<java.net.URI> browser) {
        singleSignOns.useBrowser(browser);
    }

    /** A token for a profile that lives only as long as this run (from {@code --token-file}). */
    void useTransientToken(String profileId, String token) {
        transientTokens.put(profileId, token);
    }

    @Override
    public CompletableFuture<Session> connect(ConnectionProfile profile, Consumer<String> progress) {
        return CompletableFuture.supplyAsync(() -> {
            String url;
            java.util.function.Supplier<String> token;
            HttpClientOptions options = HttpClientOptions.defaults();
            if (profile.isSandbox()) {
                startSandboxOnce(progress);
                url = sandbox.baseUrl();
                String issued = sandboxToken;
                token = () -> issued;
            } else {
                url = profile.url();
                if (profile.usesSingleSignOn()) {
                    token = singleSignOns.signIn(profile, progress)::accessToken;
                } else {
                    String stored = storedToken(profile);
                    token = () -> stored;
                }
                options = options.withTls(tlsOptions(profile));
            }
            progress.accept("startup.step.signIn");
            StartupPhases.Phase signIn = timeline.begin("sign-in"); // the HTTP client's set-up included
            BackboneApi api = new HttpBackboneApi(url, token, options);
            try {
                Principal me = api.me().join();
                return new Session(profile, api, me);
            } catch (CompletionException e) {
                api.close();
                ApiException failure = ApiException.unwrap(e);
                if (failure != null && failure.kind() == ApiException.Kind.UNAUTHORISED && !profile.isSandbox()
                        && !profile.usesSingleSignOn()) {
                    throw new TokenRequiredException(profile.name());
                }
                throw e;
            } finally {
                signIn.close();
            }
        }, starter);
    }

    @Override
    public CompletableFuture<Boolean> signOut(ConnectionProfile profile) {
        return CompletableFuture.supplyAsync(() -> singleSignOns.signOut(profile), tester);
    }

    @Override
    public CompletableFuture<ConnectionCheck> test(ConnectionProfile profile, Map<Secret, String> typedSecrets) {
        return CompletableFuture.supplyAsync(() -> {
            String token = typedSecrets.get(Secret.TOKEN);
            if (token == null && !profile.isSandbox()) {
                token = transientTokens.get(profile.id());
                if (token == null) {
                    try {
                        token = secrets.token(profile.id()).orElse(null);
                    } catch (IOException e) {
                        throw new CompletionException(e);
                    }
                }
            }
            String url = profile.isSandbox() && sandbox != null ? sandbox.baseUrl() : profile.url();
            HttpClientOptions options = HttpClientOptions.defaults();
            if (!profile.isSandbox()) {
                options = options.withTls(tlsOptions(profile, typedSecrets));
            }
            String signIn = profile.isSandbox() ? sandboxToken : token;
            try (BackboneApi api = new HttpBackboneApi(url, () -> signIn, options)) {
                var health = api.health().join();
                return new ConnectionCheck(health, signIn == null ? null : api.me().join());
            }
        }, tester);
    }

    private synchronized void startSandboxOnce(Consumer<String> progress) {
        if (sandbox == null) {
            progress.accept("startup.step.database");
            loadHttpClientMeanwhile();
            try (StartupPhases.Phase phase = timeline.begin("sandbox")) {
                sandbox = SandboxBackbone.startOnOwnStore(sandboxDatabase,
                        SandboxBackbone.Config.embedded(SandboxDatabase.h2FileUrl(sandboxDatabase)), Clock.systemUTC(), timeline);
            } catch (SandboxDatabase.StoreInUseException e) {
                throw new SandboxInUseException(e);
            }
            progress.accept("startup.step.server");
            sandboxToken = sandbox.issueEmbeddedConsoleToken();
            // Live traffic with realistic failures, so the live tail and the last hour have something to
            // show: once start-up is over (at once when it already is), off the first workspace's way.
            int rate = Integer.getInteger(TRAFFIC_PROPERTY, TrafficSimulator.DEFAULT_RATE);
            if (rate > 0) {
                SandboxBackbone started = sandbox;
                timeline.onFinish(() -> {
                    try {
                        starter.execute(() -> startTraffic(started, rate));
                    } catch (RejectedExecutionException closedMeanwhile) {
                        // the console is closing: no traffic to start
                    }
                });
            }
        }
    }

    /**
     * Builds (and drops) an HTTP client on another thread while the sandbox opens its store: loading
     * OkHttp's, Kotlin's and Jackson's classes took ~0.3 s of the first sign-in, and the sandbox's
     * start leaves the second core mostly idle while it waits on its store.
     */
    private static void loadHttpClientMeanwhile() {
        Thread t = new Thread(() -> new HttpBackboneApi("http://127.0.0.1/", () -> null, HttpClientOptions.defaults()).close(),
                "http-client-preload");
        t.setDaemon(true);
        t.start();
    }

    private void startTraffic(SandboxBackbone started, int rate) {
        synchronized (trafficLock) {
            if (!closed) {
                started.traffic().start(Math.min(rate, TrafficSimulator.MAX_RATE));
            }
        }
    }

    private String storedToken(ConnectionProfile profile) {
        String token = transientTokens.get(profile.id());
        if (token != null) {
            return token;
        }
        try {
            return secrets.token(profile.id()).orElseThrow(() -> new TokenRequiredException(profile.name()));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    /** The profile's trust store and client certificate, opened with the passwords from the secret store. */
    private TlsOptions tlsOptions(ConnectionProfile profile) {
        return tlsOptions(profile, Map.of());
    }

    /** As {@link #tlsOptions(ConnectionProfile)}, a password typed (in {@code typed}) taking the stored one's place. */
    private TlsOptions tlsOptions(ConnectionProfile profile, Map<Secret, String> typed) {
        try {
            return new TlsOptions(
                    profile.trustStore() == null ? null : Path.of(profile.trustStore()),
                    profile.trustStore() == null ? null : secret(profile, Secret.TRUST_STORE_PASSWORD, typed),
                    profile.clientCertificate() == null ? null : Path.of(profile.clientCertificate()),
                    profile.clientCertificate() == null ? null : secret(profile, Secret.CLIENT_CERTIFICATE_PASSWORD, typed));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }

    private String secret(ConnectionProfile profile, Secret secret, Map<Secret, String> typed) throws IOException {
        String value = typed.get(secret);
        return value != null ? value : secrets.read(profile.id(), secret).orElse(null);
    }

    @Override
    public String secretStoreDescription() {
        return secrets.description();
    }

    @Override
    public Optional<String> readSecret(String profileId, Secret secret) throws IOException {
        return secrets.read(profileId, secret);
    }

    @Override
    public void saveSecret(String profileId, Secret secret, String value) throws IOException {
        if (secret == Secret.TOKEN && transientTokens.containsKey(profileId)) {
            transientTokens.put(profileId, value);
        } else {
            secrets.save(profileId, secret, value);
        }
    }

    @Override
    public void deleteSecret(String profileId, Secret secret) throws IOException {
        secrets.delete(profileId, secret);
    }

    @Override
    public void close() {
        synchronized (trafficLock) {
            closed = true;
        }
        starter.shutdownNow();
        tester.shutdownNow();
        try {
            // A sandbox still starting (its first connect under way) is closed too, not left holding its store.
            starter.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
