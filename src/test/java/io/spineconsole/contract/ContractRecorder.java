package io.spineconsole.contract;

import io.spineconsole.contract.ContractValidator.Exchange;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OkHttp interceptor that checks every exchange it sees against openapi.yaml with
 * {@link ContractValidator} and keeps what it found: the operations used (and with which
 * statuses), how many answers were validated, and every violation. Put it on the console's client
 * ({@code HttpClientOptions.withInterceptor}) or on a plain OkHttp client for raw requests.
 */
public final class ContractRecorder implements Interceptor {
    /** Bodies of event streams never end: their status and content type are checked, not their body. */
    private static final String EVENT_STREAM = "text/event-stream";

    private final ContractValidator validator = ContractValidator.get();
    private final boolean checkRequests;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Set<Integer>> statusesByOperation = new ConcurrentHashMap<>();
    private final AtomicInteger exchanges = new AtomicInteger();
    private final AtomicInteger validatedBodies = new AtomicInteger();

    /** Checks requests as well as answers: for clients, which must only send what the contract allows. */
    public ContractRecorder() {
        this(true);
    }

    private ContractRecorder(boolean checkRequests) {
        this.checkRequests = checkRequests;
    }

    /** Checks answers only: for tests that send malformed requests on purpose. */
    public static ContractRecorder answersOnly() {
        return new ContractRecorder(false);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (checkRequests) {
            checkRequest(request, response.isSuccessful());
        }
        String type = ContractValidator.baseType(response.header("Content-Type"));
        String body = type.equals(EVENT_STREAM) || response.code() == 204 || request.method().equals("HEAD")
                ? null : response.peekBody(Long.MAX_VALUE).string();
        record(new Exchange(request.method(), request.url().encodedPath(), response.code(),
                response.header("Content-Type"), response::header, body));
        return response;
    }

    /**
     * The client sends only query parameters the operation defines, and a body the server accepted
     * must be valid against the request schema (tests send invalid bodies on purpose to see them refused).
     */
    private void checkRequest(Request request, boolean accepted) throws IOException {
        Optional<OpenApiContract.Operation> op = validator.contract().match(request.method(), request.url().encodedPath());
        if (op.isEmpty()) {
            return; // reported with the answer
        }
        String where = request.method() + " " + request.url().encodedPath() + " (request)";
        for (String name : request.url().queryParameterNames()) {
            if (op.get().parameter("query", name).isEmpty()) {
                violations.add(where + ": query parameter '" + name + "' is not in the contract");
            }
        }
        RequestBody body = request.body();
        if (!accepted || body == null || body.contentType() == null || !ContractValidator.isJson(
                ContractValidator.baseType(body.contentType().toString()))) {
            return;
        }
        if (op.get().requestSchemaPointer() == null) {
            violations.add(where + ": sends a JSON body; the contract declares none");
            return;
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        validator.validate(op.get().requestSchemaPointer(), buffer.readUtf8())
                .forEach(e -> violations.add(where + ": body breaks " + op.get().requestSchemaPointer() + ": " + e));
    }

    /** Checks and remembers one exchange (also for requests sent without OkHttp). */
    public List<String> record(Exchange exchange) {
        exchanges.incrementAndGet();
        List<String> found = validator.violations(exchange);
        violations.addAll(found);
        validator.contract().match(exchange.method(), exchange.path()).ifPresent(op -> statusesByOperation
                .computeIfAbsent(op.key(), k -> ConcurrentHashMap.newKeySet()).add(exchange.status()));
        if (found.isEmpty() && exchange.body() != null && !exchange.body().isEmpty()
                && ContractValidator.isJson(ContractValidator.baseType(exchange.contentType()))) {
            validatedBodies.incrementAndGet();
        }
        return found;
    }

    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** Operation key ("GET /api/v1/me") → every status it answered. */
    public Map<String, Set<Integer>> statusesByOperation() {
        return new TreeMap<>(statusesByOperation);
    }

    public int exchanges() {
        return exchanges.get();
    }

    /** JSON answers whose body was valid against its schema. */
    public int validatedBodies() {
        return validatedBodies.get();
    }

    /**
     * A plain OkHttp client (no token, no retries of an answer) that reports every exchange to this
     * recorder. It does retry a request on a kept-alive connection the server had already closed: on a
     * starved machine a connection can sit idle past the server's idle timeout between two requests,
     * and the request never reached a handler (the recorder, an application interceptor, sees one call).
     */
    public OkHttpClient client() {
        return new OkHttpClient.Builder().addInterceptor(this).retryOnConnectionFailure(true)
                .readTimeout(30, TimeUnit.SECONDS).callTimeout(60, TimeUnit.SECONDS).build();
    }

    /** The violations, one a line, for an assertion message. */
    public String report() {
        List<String> all = violations();
        StringBuilder b = new StringBuilder(all.size() + " contract violation(s):");
        all.stream().distinct().limit(200).forEach(v -> b.append("\n  ").append(v));
        return b.toString();
    }
}
