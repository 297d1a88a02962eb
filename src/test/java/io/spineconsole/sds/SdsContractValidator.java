package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.spineconsole.sds.SdsSpec.Answer;
import io.spineconsole.sds.SdsSpec.Operation;
import io.spineconsole.sds.SdsSpec.Parameter;
import okhttp3.HttpUrl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Checks SDS exchanges against the published document itself ({@link SdsSpec}), with its schemas
 * validated in place by networknt's OpenAPI 3.0 dialect: Draft 4 rules, {@code nullable} honoured,
 * OpenAPI's annotations ({@code example}, {@code default}) left as annotations, formats asserted
 * ({@code uuid}), and {@code $ref}s into {@code components/schemas/*.yaml} followed.
 *
 * <p>A request: its path is one of the document's under its base path, its method is declared,
 * every query parameter is declared, the required ones are there, each value is valid against its
 * schema, an array parameter may repeat and others may not, every value is {@code system|value}
 * with a system the document's examples of that parameter use, and the required headers
 * ({@code apikey}) are there and valid ({@code X-Correlation-Id} a UUID). A request to a
 * {@code next} link an earlier answer gave is a page of that search: FHIR makes those links opaque
 * to clients, so it is checked to be exactly such a link, on the same service, with the headers.
 *
 * <p>An answer: its status is declared for the operation, or is one the API platform in front of
 * SDS gives ({@link #PLATFORM_STATUSES}: the document names API-key authentication and rate limits
 * but lists no status for them); a 200 has the declared content type and a body valid against the
 * declared schema, of FHIR type {@code searchset} with entries of the operation's resource type;
 * an error, for which the document declares no body but says errors are FHIR
 * {@code OperationOutcome}s, carries one with FHIR R4's required members (issue, severity, code).
 */
public final class SdsContractValidator {
    /** Statuses of the API platform (application-restricted, rate limited) that the document does not list. */
    public static final Set<Integer> PLATFORM_STATUSES = Set.of(401, 403, 429);
    private static final Set<String> SEVERITIES = Set.of("fatal", "error", "warning", "information");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdsSpec spec;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> nextLinks = new HashSet<>();

    /** One exchange as the server saw it. */
    public record Exchange(String method, String url, Function<String, String> requestHeader, int status,
                           String contentType, Function<String, String> answerHeader, String body) {
        public String describe() {
            return method + " " + url + " → " + status;
        }
    }

    public SdsContractValidator() {
        this(SdsSpec.get());
    }

    SdsContractValidator(SdsSpec spec) {
        // The document is loaded whole as a schema resource: its OpenAPI members (paths, info, ...) are not
        // schema keywords, and the validator would warn about each of them once.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                "com.networknt.schema.keyword.UnknownKeywordFactory")).setLevel(ch.qos.logback.classic.Level.ERROR);
        this.spec = spec;
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** Every way these exchanges, in the order they happened, break the document. */
    public List<String> violations(List<Exchange> exchanges) {
        List<String> out = new ArrayList<>();
        for (Exchange x : exchanges) {
            for (String v : request(x.method(), x.url(), x.requestHeader())) {
                out.add(x.describe() + ": " + v);
            }
            for (String v : answer(x.method(), x.url(), x.status(), x.contentType(), x.answerHeader(), x.body())) {
                out.add(x.describe() + ": " + v);
            }
        }
        return out;
    }

    /** How a request breaks the document; empty when it keeps it. */
    public List<String> request(String method, String url, Function<String, String> header) {
        List<String> out = new ArrayList<>();
        HttpUrl u = HttpUrl.parse(url);
        if (u == null) {
            return List.of("not a URL: " + url);
        }
        Optional<Operation> op = operation(method, u, out);
        if (op.isEmpty()) {
            return out;
        }
        checkHeaders(op.get(), header, out);
        if (nextLinks.contains(u.toString())) {
            return out; // a page of a search: the link SDS gave, sent as it was given
        }
        for (String name : u.queryParameterNames()) {
            if (op.get().parameter("query", name).isEmpty()) {
                out.add("query parameter '" + name + "' is not declared for " + op.get().operationId());
            }
        }
        for (Parameter p : op.get().parameters()) {
            if (!p.in().equals("query")) {
                continue;
            }
            List<String> values = u.queryParameterValues(p.name());
            if (values.isEmpty()) {
                if (p.required()) {
                    out.add("required query parameter '" + p.name() + "' is missing");
                }
                continue;
            }
            if (!p.isArray() && values.size() > 1) {
                out.add("query parameter '" + p.name() + "' is not an array but came " + values.size() + " times");
            }
            JsonNode value = p.isArray() ? array(values) : JSON.getNodeFactory().textNode(String.valueOf(values.get(0)));
            validate(p.schemaPointer(), value).forEach(e -> out.add("query parameter '" + p.name() + "': " + e));
            for (String v : values) {
                checkIdentifier(p, v, out);
            }
        }
        return out;
    }

    /** How an answer breaks the document; empty when it keeps it. Remembers its next link for the page requests. */
    public List<String> answer(String method, String url, int status, String contentType,
                               Function<String, String> header, String body) {
        List<String> out = new ArrayList<>();
        HttpUrl u = HttpUrl.parse(url);
        Optional<Operation> op = u == null ? Optional.empty() : operation(method, u, new ArrayList<>());
        if (op.isEmpty()) {
            checkOperationOutcome(contentType, body, out); // an unknown path or method: only the error shape applies
            return out;
        }
        Answer declared = op.get().answers().get(status);
        if (declared == null && !PLATFORM_STATUSES.contains(status)) {
            out.add("status " + status + " is not declared for " + op.get().operationId() + " (declared: "
                    + op.get().answers().keySet() + ", and the platform's " + PLATFORM_STATUSES + ")");
            return out;
        }
        if (declared == null || declared.contentType() == null) {
            checkOperationOutcome(contentType, body, out);
            if (status == 429 && header.apply("Retry-After") == null) {
                out.add("a 429 without Retry-After leaves the client guessing");
            }
            return out;
        }
        if (!declared.contentType().equals(baseType(contentType))) {
            out.add("content type '" + contentType + "' is not the declared " + declared.contentType());
            return out;
        }
        JsonNode bundle;
        try {
            bundle = JSON.readTree(body);
        } catch (Exception e) {
            out.add("body is not JSON: " + e.getMessage());
            return out;
        }
        validate(declared.schemaPointer(), bundle).forEach(e -> out.add("body breaks the " + op.get().operationId()
                + " schema: " + e));
        if (!"searchset".equals(bundle.path("type").asText())) {
            out.add("a search answers a Bundle of type searchset, not " + bundle.path("type"));
        }
        for (JsonNode entry : bundle.path("entry")) {
            String type = entry.path("resource").path("resourceType").asText();
            if (!type.equals(op.get().resourceType())) {
                out.add("an entry of " + op.get().path() + " has resourceType " + type);
            }
        }
        for (JsonNode link : bundle.path("link")) {
            if ("next".equals(link.path("relation").asText())) {
                HttpUrl next = u.resolve(link.path("url").asText());
                if (next == null || !next.host().equals(u.host()) || next.port() != u.port()) {
                    out.add("the next link points away from the service: " + link.path("url").asText());
                } else {
                    nextLinks.add(next.toString());
                }
            }
        }
        return out;
    }

    /** Validates a JSON value against the schema at {@code pointer} in the document. */
    public List<String> validate(String pointer, JsonNode value) {
        return schema(pointer).validate(value.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Validates a JSON value against a schema of the document's folder ({@code components/schemas/Device.yaml}). */
    public List<String> validateAgainstFile(String relativePath, JsonNode value) {
        Schema s = schemas.computeIfAbsent("file:" + relativePath, k -> registry.getSchema(
                SchemaLocation.of("classpath:" + SdsSpec.FOLDER + relativePath)));
        return s.validate(value.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** Validates a value against a schema written in the document's dialect (OpenAPI 3.0), for checking the dialect itself. */
    public List<String> validateWithDialect(JsonNode schema, JsonNode value) {
        return registry.getSchema(schema).validate(value.toString(), InputFormat.JSON).stream().map(Error::toString).toList();
    }

    private Optional<Operation> operation(String method, HttpUrl u, List<String> out) {
        String path = u.encodedPath();
        String base = spec.basePath();
        if (!path.startsWith(base + "/")) {
            out.add("path " + path + " is not under the document's base path " + base);
            return Optional.empty();
        }
        String resource = path.substring(base.length());
        Optional<Operation> op = spec.operation(method, resource);
        if (op.isEmpty()) {
            out.add("no operation " + method + " " + resource + " in the document");
        }
        return op;
    }

    private void checkHeaders(Operation op, Function<String, String> header, List<String> out) {
        for (Parameter p : op.parameters()) {
            if (!p.in().equals("header")) {
                continue;
            }
            String value = header.apply(p.name());
            if (value == null) {
                if (p.required()) {
                    out.add("required header '" + p.name() + "' is missing");
                }
                continue;
            }
            validate(p.schemaPointer(), JSON.getNodeFactory().textNode(value))
                    .forEach(e -> out.add("header '" + p.name() + "': " + e));
        }
    }

    private static void checkIdentifier(Parameter p, String value, List<String> out) {
        if (p.systems().isEmpty()) {
            return;
        }
        int bar = value.indexOf('|');
        if (bar <= 0 || bar == value.length() - 1) {
            out.add("query parameter '" + p.name() + "' value '" + value + "' is not system|value");
        } else if (!p.systems().contains(value.substring(0, bar))) {
            out.add("query parameter '" + p.name() + "' uses the system " + value.substring(0, bar)
                    + ", which the document does not name for it (it names " + p.systems() + ")");
        }
    }

    private static void checkOperationOutcome(String contentType, String body, List<String> out) {
        if (body == null || body.isBlank()) {
            out.add("an error without an OperationOutcome");
            return;
        }
        String type = baseType(contentType);
        if (!type.equals("application/fhir+json") && !type.equals("application/json")) {
            out.add("an error's content type is " + contentType + ", not FHIR JSON");
        }
        JsonNode oo;
        try {
            oo = JSON.readTree(body);
        } catch (Exception e) {
            out.add("an error body that is not JSON: " + e.getMessage());
            return;
        }
        if (!"OperationOutcome".equals(oo.path("resourceType").asText())) {
            out.add("an error body that is a " + oo.path("resourceType") + ", not an OperationOutcome");
        }
        if (!oo.path("issue").isArray() || oo.path("issue").isEmpty()) {
            out.add("an OperationOutcome without issues");
        }
        for (JsonNode issue : oo.path("issue")) {
            if (!SEVERITIES.contains(issue.path("severity").asText())) {
                out.add("an issue with severity " + issue.path("severity"));
            }
            if (!issue.path("code").isTextual() || issue.path("code").asText().isBlank()) {
                out.add("an issue without a code");
            }
        }
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(
                SchemaLocation.of("classpath:" + SdsSpec.DOCUMENT + "#" + p)));
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JSON.createArrayNode();
        values.forEach(a::add);
        return a;
    }

    static String baseType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }
}
