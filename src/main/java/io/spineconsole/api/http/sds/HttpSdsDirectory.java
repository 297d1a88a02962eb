package io.spineconsole.api.http.sds;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.api.http.RetryAfter;
import io.spineconsole.api.sds.DeviceQuery;
import io.spineconsole.api.sds.EndpointQuery;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.api.sds.SdsSearchSummary;
import io.spineconsole.api.wire.sds.BundleReader;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@link SdsDirectory} over the SDS FHIR API with OkHttp and Jackson.
 *
 * <p>Every request carries the connection's API key ({@code apikey}), a fresh
 * {@code X-Correlation-Id} and {@code Accept: application/fhir+json}. Requests are paced by
 * {@link SdsPace}; a 429 is waited out for its {@code Retry-After} (the whole connection waits) and
 * retried a bounded number of times; a 502, 503, 504 or a lost connection is retried a bounded
 * number of times with backoff. Search results are read as a stream, page by page, following the
 * bundle's {@code next} links up to {@link Options#maxPages()}, and only to SDS itself: a link or a
 * redirect to another address is never followed, so the key never leaves for another host.
 * Exchanges are logged at DEBUG as method, path, status, time and correlation id; never headers,
 * bodies or the key.
 */
public final class HttpSdsDirectory implements SdsDirectory, AutoCloseable {
    static final String API_KEY = "apikey";
    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final String FHIR_JSON = "application/fhir+json";
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HttpSdsDirectory.class);

    private final HttpUrl base;
    private final String apiKey;
    private final OkHttpClient client;
    private final ScheduledExecutorService timer;
    private final boolean ownsResources;
    private final Options options;
    private final SdsPace pace;
    private final SdsFailures failures;

    /**
     * How a connection behaves. The pace's default, 20 requests a second in bursts of 5, is half the
     * API platform's default spike arrest (40 a second); set the rate the application was granted.
     *
     * @param maxPages           pages a search reads at most; the rest is reported as truncated
     * @param rateLimitRetries   times a 429 is waited out before the search fails as rate limited
     * @param longestRetryAfter  a 429 asking for a longer wait fails at once, with the wait in the error
     * @param unavailableRetries times a 502/503/504 or a lost connection is retried
     */
    public record Options(Duration connectTimeout, Duration readTimeout, Duration callTimeout, double requestsPerSecond,
                          int burst, int maxPages, int rateLimitRetries, Duration longestRetryAfter,
                          int unavailableRetries, Duration firstBackoff) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60), 20, 5, 50, 3,
                    Duration.ofSeconds(60), 2, Duration.ofMillis(500));
        }

        public Options withPace(double perSecond, int burstOf) {
            return new Options(connectTimeout, readTimeout, callTimeout, perSecond, burstOf, maxPages, rateLimitRetries,
                    longestRetryAfter, unavailableRetries, firstBackoff);
        }

        public Options withMaxPages(int value) {
            return new Options(connectTimeout, readTimeout, callTimeout, requestsPerSecond, burst, value, rateLimitRetries,
                    longestRetryAfter, unavailableRetries, firstBackoff);
        }

        public Options withRetries(int rateLimited, Duration longestWait, int unavailable, Duration backoff) {
            return new Options(connectTimeout, readTimeout, callTimeout, requestsPerSecond, burst, maxPages, rateLimited,
                    longestWait, unavailable, backoff);
        }

        public Options withTimeouts(Duration connect, Duration read, Duration call) {
            return new Options(connect, read, call, requestsPerSecond, burst, maxPages, rateLimitRetries, longestRetryAfter,
                    unavailableRetries, firstBackoff);
        }
    }

    /**
     * A directory with its own HTTP client and timer, released by {@link #close()}.
     *
     * @param baseUrl the environment's base URL ({@code .../spine-directory/FHIR/R4})
     */
    public static HttpSdsDirectory create(String baseUrl, String apiKey, Options options) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sds-pace");
            t.setDaemon(true);
            return t;
        });
        return new HttpSdsDirectory(baseUrl, apiKey, new OkHttpClient.Builder().build(), timer, options, true);
    }

    /** A directory on a shared client and timer (not closed by {@link #close()}). */
    public HttpSdsDirectory(String baseUrl, String apiKey, OkHttpClient client, ScheduledExecutorService timer,
                            Options options) {
        this(baseUrl, apiKey, client, timer, options, false);
    }

    private HttpSdsDirectory(String baseUrl, String apiKey, OkHttpClient client, ScheduledExecutorService timer,
                             Options options, boolean ownsResources) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Not an SDS base URL: " + baseUrl);
        }
        this.base = parsed;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
        // Redirects are not followed: OkHttp would carry the apikey header to wherever they point.
        this.client = client.newBuilder().followRedirects(false).followSslRedirects(false)
                .connectTimeout(options.connectTimeout()).readTimeout(options.readTimeout())
                .callTimeout(options.callTimeout()).build();
        this.timer = timer;
        this.ownsResources = ownsResources;
        this.options = options;
        this.pace = new SdsPace(options.requestsPerSecond(), options.burst(), timer);
        this.failures = new SdsFailures(this.apiKey);
    }

    @Override
    public CompletableFuture<SdsSearchSummary> searchDevices(DeviceQuery q, Consumer<List<SdsDevice>> pages) {
        HttpUrl.Builder url = resource("Device")
                .addQueryParameter("organization", SdsFhir.token(SdsFhir.ODS, q.odsCode()))
                .addQueryParameter("identifier", SdsFhir.token(SdsFhir.INTERACTION, q.interaction()));
        if (q.partyKey() != null) {
            url.addQueryParameter("identifier", SdsFhir.token(SdsFhir.PARTY_KEY, q.partyKey()));
        }
        if (q.manufacturer() != null) {
            url.addQueryParameter("manufacturing-organization", SdsFhir.token(SdsFhir.ODS, q.manufacturer()));
        }
        return new Search<>(SdsFhir::device, d -> q.wants(d.asid()), pages).start(url.build());
    }

    @Override
    public CompletableFuture<SdsSearchSummary> searchEndpoints(EndpointQuery q, Consumer<List<SdsEndpoint>> pages) {
        HttpUrl.Builder url = resource("Endpoint");
        if (q.odsCode() != null) {
            url.addQueryParameter("organization", SdsFhir.token(SdsFhir.ODS, q.odsCode()));
        }
        if (q.interaction() != null) {
            url.addQueryParameter("identifier", SdsFhir.token(SdsFhir.INTERACTION, q.interaction()));
        }
        if (q.partyKey() != null) {
            url.addQueryParameter("identifier", SdsFhir.token(SdsFhir.PARTY_KEY, q.partyKey()));
        }
        return new Search<>(SdsFhir::endpoint, e -> true, pages).start(url.build());
    }

    private HttpUrl.Builder resource(String type) {
        return base.newBuilder().addPathSegment(type);
    }

    /** True when {@code url} is this connection's SDS: same scheme, host and port, under the base path. */
    private boolean isThisService(HttpUrl url) {
        return url.scheme().equals(base.scheme()) && url.host().equalsIgnoreCase(base.host()) && url.port() == base.port()
                && url.encodedPath().startsWith(base.encodedPath().replaceFirst("/$", "") + "/");
    }

    @Override
    public void close() {
        if (ownsResources) {
            timer.shutdownNow();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** One search: its pages one after another, each paced, retried and checked. */
    private final class Search<T> {
        private final Function<JsonNode, T> reader;
        private final Predicate<T> keep;
        private final Consumer<List<T>> sink;
        private final CompletableFuture<SdsSearchSummary> result = new CompletableFuture<>();
        private final AtomicReference<Call> inFlight = new AtomicReference<>();
        private final Set<String> fetched = new HashSet<>();
        private int pages;
        private long records;
        private Integer total;

        Search(Function<JsonNode, T> reader, Predicate<T> keep, Consumer<List<T>> sink) {
            this.reader = reader;
            this.keep = keep;
            this.sink = sink;
        }

        CompletableFuture<SdsSearchSummary> start(HttpUrl first) {
            if (apiKey == null) {
                result.completeExceptionally(failures.noKey());
                return result;
            }
            result.whenComplete((v, e) -> {
                Call call = inFlight.get();
                if (result.isCancelled() && call != null) {
                    call.cancel();
                }
            });
            fetch(first, 0, 0);
            return result;
        }

        private void fetch(HttpUrl url, int rateLimited, int unavailable) {
            if (result.isDone()) {
                return;
            }
            fetched.add(url.toString());
            pace.turn().whenComplete((turn, e) -> {
                if (e != null) {
                    result.completeExceptionally(e);
                } else if (!result.isDone()) {
                    send(url, rateLimited, unavailable);
                }
            });
        }

        private void send(HttpUrl url, int rateLimited, int unavailable) {
            Request request = new Request.Builder().url(url).get()
                    .header("Accept", FHIR_JSON)
                    .header(API_KEY, apiKey)
                    .header(CORRELATION_ID, UUID.randomUUID().toString())
                    .build();
            Call call = client.newCall(request);
            inFlight.set(call);
            if (result.isDone()) {
                return;
            }
            long started = System.nanoTime();
            call.enqueue(new Callback() {
                @Override
                public void onFailure(Call c, IOException e) {
                    if (result.isDone()) {
                        return;
                    }
                    LOG.debug("SDS GET {}: no answer after {} ms ({}), X-Correlation-Id {}", url.encodedPath(),
                            millisSince(started), e.getClass().getSimpleName(), request.header(CORRELATION_ID));
                    if (unavailable < options.unavailableRetries()) {
                        later(backoff(unavailable), () -> fetch(url, rateLimited, unavailable + 1));
                    } else {
                        result.completeExceptionally(failures.noAnswer(request, e));
                    }
                }

                @Override
                public void onResponse(Call c, Response response) {
                    try (response) {
                        LOG.debug("SDS GET {} → {} in {} ms, X-Correlation-Id {}", url.encodedPath(), response.code(),
                                millisSince(started), request.header(CORRELATION_ID));
                        answered(request, response, rateLimited, unavailable);
                    } catch (IOException | RuntimeException e) {
                        if (!result.isDone()) {
                            result.completeExceptionally(e instanceof SdsException ? e
                                    : failures.unexpected(request, response.code(), "SDS's answer could not be read.", e));
                        }
                    }
                }
            });
        }

        private void answered(Request request, Response response, int rateLimited, int unavailable) throws IOException {
            int status = response.code();
            if (status == 200) {
                page(request, response);
                return;
            }
            String body = response.peekBody(MAX_ERROR_BODY).string();
            if (status == 429) {
                Duration wait = RetryAfter.parse(response.header("Retry-After"));
                Duration effective = wait == null ? Duration.ofSeconds(1) : wait;
                if (rateLimited >= options.rateLimitRetries() || effective.compareTo(options.longestRetryAfter()) > 0) {
                    result.completeExceptionally(failures.fromAnswer(request, status, body, effective));
                } else {
                    pace.holdFor(effective);
                    fetch(request.url(), rateLimited + 1, unavailable);
                }
                return;
            }
            if ((status == 502 || status == 503 || status == 504) && unavailable < options.unavailableRetries()) {
                later(backoff(unavailable), () -> fetch(request.url(), rateLimited, unavailable + 1));
                return;
            }
            result.completeExceptionally(failures.fromAnswer(request, status, body, null));
        }

        private void page(Request request, Response response) throws IOException {
            List<T> page = new ArrayList<>();
            BundleReader.Facts facts;
            try {
                facts = BundleReader.read(response.body().byteStream(), resource -> {
                    T record = reader.apply(resource);
                    if (keep.test(record)) {
                        page.add(record);
                    }
                });
            } catch (BundleReader.NotABundle e) {
                List<String> said = SdsFailures.diagnostics(e.resource().toString());
                throw failures.unexpected(request, 200, "SDS answered a " + e.resource().path("resourceType").asText()
                        + " where a Bundle of search results was expected" + (said.isEmpty() ? "."
                        : ": " + String.join("; ", said)), e);
            } catch (IOException e) {
                if (result.isDone()) {
                    return;
                }
                throw failures.unexpected(request, 200, "SDS's answer could not be read as a FHIR Bundle.", e);
            }
            if (!"Bundle".equals(facts.resourceType())) {
                throw failures.unexpected(request, 200, "SDS's answer is not a FHIR Bundle.", null);
            }
            pages++;
            records += page.size();
            if (total == null) {
                total = facts.total();
            }
            try {
                sink.accept(page);
            } catch (RuntimeException sinkFailed) {
                result.completeExceptionally(sinkFailed);
                return;
            }
            Optional<String> next = facts.next();
            HttpUrl nextUrl = next.map(n -> request.url().resolve(n)).orElse(null);
            if (next.isEmpty() || nextUrl != null && fetched.contains(nextUrl.toString())) {
                result.complete(new SdsSearchSummary(pages, records, total, false));
            } else if (nextUrl == null || !isThisService(nextUrl)) {
                throw failures.unexpected(request, 200, "SDS pointed to the next page at another address ("
                        + (nextUrl == null ? next.get() : nextUrl.host()) + "); it was not followed, so the API key "
                        + "stays with SDS.", null);
            } else if (pages >= options.maxPages()) {
                LOG.info("SDS search stopped after {} pages ({} records); more were left unread", pages, records);
                result.complete(new SdsSearchSummary(pages, records, total, true));
            } else {
                fetch(nextUrl, 0, 0);
            }
        }

        private Duration backoff(int retriesSoFar) {
            return options.firstBackoff().multipliedBy(1L << Math.min(retriesSoFar, 10));
        }

        private void later(Duration delay, Runnable action) {
            timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
