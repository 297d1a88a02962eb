package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.spineconsole.api.wire.sds.SdsFhir;
import io.spineconsole.domain.sds.SdsDevice;
import io.spineconsole.domain.sds.SdsEndpoint;
import io.spineconsole.sds.StandInSearch.Match;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A stand-in for the SDS FHIR API, built from its published document, on a real HTTP server
 * (OkHttp's MockWebServer) on loopback: {@code GET /Device} and {@code GET /Endpoint} under the
 * document's base path, with its parameters, its required {@code apikey} header and its errors as
 * FHIR OperationOutcomes (400 for a search it cannot answer, 404 for another path, 405 for another
 * method, 406 for a type it cannot give), the API platform's 401 for a missing or wrong key and 429
 * with {@code Retry-After} over the configured rate. It answers with the document's own examples
 * and with {@link NationalSdsData}, pages of {@code pageSize} linked by {@code next}, and records
 * every exchange for {@link SdsContractValidator}.
 */
public final class SdsStandIn implements AutoCloseable {
    public static final String API_KEY = "stand-in-api-key-7d3f";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String FHIR_JSON = "application/fhir+json";

    private final MockWebServer server = new MockWebServer();
    private final SdsSpec spec = SdsSpec.get();
    private final NationalSdsData data;
    private final Config config;
    private final List<Match<SdsDevice>> exampleDevices = new ArrayList<>();
    private final List<Match<SdsEndpoint>> exampleEndpoints = new ArrayList<>();
    private final List<SdsContractValidator.Exchange> exchanges = new ArrayList<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus;
    private volatile String nextLinkHost;
    private String origin;

    /**
     * @param apiKeys         keys accepted; empty accepts any key, as the SDS sandbox does
     * @param pageSize        entries per page
     * @param ratePerSecond   requests a second a key may make, in bursts of {@code burst}; 0 for no limit
     * @param retryAfter      the Retry-After of a 429, in seconds; 0 for the time until the bucket has room
     */
    public record Config(Set<String> apiKeys, int pageSize, double ratePerSecond, int burst, int retryAfter) {
        public static Config defaults() {
            return new Config(Set.of(API_KEY), 50, 0, 1, 0);
        }

        public Config withPageSize(int value) {
            return new Config(apiKeys, value, ratePerSecond, burst, retryAfter);
        }

        public Config withRateLimit(double perSecond, int burstOf, int retryAfterSeconds) {
            return new Config(apiKeys, pageSize, perSecond, burstOf, retryAfterSeconds);
        }

        public Config acceptingAnyKey() {
            return new Config(Set.of(), pageSize, ratePerSecond, burst, retryAfter);
        }
    }

    public SdsStandIn(NationalSdsData data, Config config) throws IOException {
        this.data = data;
        this.config = config;
        JsonNode device = spec.example("components/examples/Device.json");
        exampleDevices.add(new Match<>(SdsFhir.device(device), () -> (ObjectNode) device.deepCopy()));
        JsonNode endpoint = spec.example("components/examples/Endpoint.json");
        exampleEndpoints.add(new Match<>(SdsFhir.endpoint(endpoint), () -> (ObjectNode) endpoint.deepCopy()));
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return SdsStandIn.this.dispatch(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
        HttpUrl u = server.url("/");
        origin = u.scheme() + "://" + u.host() + ":" + u.port();
    }

    /** The base URL a client uses, as an environment's ({@code .../spine-directory/FHIR/R4}). */
    public String baseUrl() {
        return origin + spec.basePath();
    }

    /** The next {@code times} searches answer {@code status} (502, 504, ...) instead. */
    public void failNext(int status, int times) {
        failureStatus = status;
        failuresLeft.set(times);
    }

    /** Next links point at this host instead (to check a client never follows them away from SDS). */
    public void pointNextLinksAt(String host) {
        nextLinkHost = host;
    }

    /** Every exchange so far, in order. */
    public List<SdsContractValidator.Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    public int requests() {
        return server.getRequestCount();
    }

    private MockResponse dispatch(RecordedRequest request) {
        HttpUrl url = HttpUrl.parse(origin + request.getTarget());
        Answer a = answer(request, url);
        Headers answerHeaders = a.headers;
        synchronized (exchanges) {
            exchanges.add(new SdsContractValidator.Exchange(request.getMethod(), String.valueOf(url),
                    request.getHeaders()::get, a.status, FHIR_JSON, answerHeaders::get, a.body));
        }
        return new MockResponse.Builder().code(a.status).headers(answerHeaders).body(a.body).build();
    }

    private record Answer(int status, Headers headers, String body) {
    }

    private Answer answer(RecordedRequest request, HttpUrl url) {
        Headers.Builder headers = new Headers.Builder().add("Content-Type", FHIR_JSON + ";charset=utf-8");
        String correlationId = request.getHeaders().get("X-Correlation-Id");
        if (correlationId != null) {
            headers.add("X-Correlation-Id", correlationId);
        }
        if (url == null || !url.encodedPath().startsWith(spec.basePath() + "/")) {
            return error(headers, 404, "not-found", "NO_RECORD_FOUND", "Invalid endpoint path");
        }
        String resource = url.encodedPath().substring(spec.basePath().length() + 1);
        if (!resource.equals("Device") && !resource.equals("Endpoint")) {
            return error(headers, 404, "not-found", "NO_RECORD_FOUND", "Invalid endpoint path: /" + resource);
        }
        if (!request.getMethod().equals("GET")) {
            return error(headers, 405, "not-supported", "METHOD_NOT_ALLOWED", "Unsupported HTTP method. For this endpoint only GET is available");
        }
        String accept = request.getHeaders().get("Accept");
        if (accept != null && !accept.contains("json") && !accept.contains("*/*")) {
            return error(headers, 406, "not-supported", "NOT_ACCEPTABLE", "Unsupported media type: " + accept);
        }
        String key = request.getHeaders().get("apikey");
        if (key == null || key.isBlank()) {
            return error(headers, 401, "forbidden", "ACCESS_DENIED", "Missing API key");
        }
        if (!config.apiKeys().isEmpty() && !config.apiKeys().contains(key)) {
            return error(headers, 401, "forbidden", "ACCESS_DENIED", "Invalid API key");
        }
        if (config.ratePerSecond() > 0) {
            ConsumptionProbe probe = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(l -> l.capacity(config.burst())
                    .refillGreedy(config.burst(), Duration.ofNanos(Math.round(1e9 * config.burst() / config.ratePerSecond()))))
                    .build()).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                long seconds = config.retryAfter() > 0 ? config.retryAfter()
                        : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
                headers.add("Retry-After", Long.toString(seconds));
                return error(headers, 429, "throttled", "TOO_MANY_REQUESTS", "Your application has exceeded its rate limit");
            }
        }
        if (correlationId != null && !UUID_TEXT.matcher(correlationId).matches()) {
            return error(headers, 400, "value", "INVALID_VALUE", "Invalid X-Correlation-Id: must be a UUID");
        }
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(headers, failureStatus, failureStatus == 504 ? "timeout" : "transient", "SERVICE_UNAVAILABLE",
                    failureStatus == 504 ? "Upstream LDAP server request has timed out" : "Upstream LDAP returned an unsupported response");
        }
        StandInSearch search;
        try {
            search = StandInSearch.read(resource, url);
        } catch (StandInSearch.Refused refused) {
            return error(headers, 400, "invalid", "INVALID_PARAMETER", refused.getMessage());
        }
        List<? extends Match<?>> matches = resource.equals("Device") ? search.devices(data, exampleDevices)
                : search.endpoints(data, exampleEndpoints);
        return page(headers, url, matches, search.page);
    }

    private Answer page(Headers.Builder headers, HttpUrl url, List<? extends Match<?>> matches, int page) {
        int from = Math.min(matches.size(), page * config.pageSize());
        int to = Math.min(matches.size(), from + config.pageSize());
        List<ObjectNode> resources = new ArrayList<>(to - from);
        for (Match<?> m : matches.subList(from, to)) {
            resources.add(m.json().get());
        }
        String next = null;
        if (to < matches.size()) {
            HttpUrl.Builder b = url.newBuilder().removeAllQueryParameters(StandInSearch.PAGE)
                    .addQueryParameter(StandInSearch.PAGE, Integer.toString(page + 1));
            if (nextLinkHost != null) {
                b.host(nextLinkHost);
            }
            next = b.build().toString();
        }
        ObjectNode bundle = SdsFhirWriter.bundle(baseUrl(), url.toString(), next, matches.size(), resources);
        return new Answer(200, headers.build(), bundle.toString());
    }

    private static Answer error(Headers.Builder headers, int status, String code, String spineCode, String diagnostics) {
        return new Answer(status, headers.build(), SdsFhirWriter.operationOutcome(code, spineCode, diagnostics).toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
