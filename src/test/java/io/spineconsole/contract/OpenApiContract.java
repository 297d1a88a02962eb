package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * openapi.yaml read as data: its operations (method, path template, required role, parameters,
 * request body and answers), with local {@code $ref}s to parameters and responses followed and the
 * JSON pointer of every schema kept, so {@link ContractValidator} can validate against it in place.
 */
public final class OpenApiContract {
    /** Where the contract lives on the class path. */
    public static final String RESOURCE = "io/spineconsole/openapi.yaml";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final OpenApiContract INSTANCE = load();

    private final JsonNode root;
    private final List<Operation> operations;

    /** One parameter: where it goes, whether it must be there, and its schema (resolved) and pointer. */
    public record Parameter(String name, String in, boolean required, JsonNode schema, String schemaPointer) {
    }

    /** What an operation may answer with one status: content type → schema pointer, and required headers. */
    public record Answer(String status, Map<String, String> contentSchemas, List<String> requiredHeaders) {
    }

    /** One operation of the contract. */
    public record Operation(String method, String pathTemplate, String operationId, String requiredRole,
                            String dryRunRole, List<Parameter> parameters, String requestContentType, String requestSchemaPointer,
                            boolean requestBodyRequired, Map<String, Answer> answers, Pattern pathPattern) {

        /** "GET /api/v1/me", the form {@code SandboxServer.routes()} uses. */
        public String key() {
            return method + " " + pathTemplate;
        }

        public boolean changesData() {
            return !method.equals("GET");
        }

        /** The least role that may use the route at all: the dry-run role where a dry run needs less. */
        public String leastRole() {
            return dryRunRole != null ? dryRunRole : requiredRole;
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        public Optional<Parameter> parameter(String in, String name) {
            return parameters.stream().filter(p -> p.in().equals(in) && p.name().equals(name)).findFirst();
        }

        /** The names of the path template's variables, in order. */
        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pathTemplate);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The answer declared for a status, or for its range ("4XX"), or the default. */
        public Optional<Answer> answer(int status) {
            Answer a = answers.get(String.valueOf(status));
            if (a == null) {
                a = answers.get(status / 100 + "XX");
            }
            if (a == null) {
                a = answers.get("default");
            }
            return Optional.ofNullable(a);
        }

        /** The path with every variable replaced by the value given for it. */
        public String path(Map<String, String> values) {
            String path = pathTemplate;
            for (String name : pathVariables()) {
                String value = values.get(name);
                if (value == null) {
                    throw new IllegalArgumentException("No value for {" + name + "} in " + pathTemplate);
                }
                path = path.replace("{" + name + "}", value);
            }
            return path;
        }
    }

    private OpenApiContract(JsonNode root) {
        this.root = root;
        this.operations = readOperations();
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    private static OpenApiContract load() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new OpenApiContract(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The operation for a concrete request, matched by method and path template. */
    public Optional<Operation> match(String method, String path) {
        String m = method.toUpperCase(Locale.ROOT);
        // Literal segments win over variables (/messages/stats before /messages/{messageId}).
        return operations.stream().filter(o -> o.method().equals(m) && o.pathPattern().matcher(path).matches())
                .min((a, b) -> Integer.compare(a.pathVariables().size(), b.pathVariables().size()));
    }

    public Optional<Operation> byKey(String key) {
        return operations.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** The node a local reference ("#/components/schemas/Site") points at. */
    public JsonNode at(String pointer) {
        JsonNode node = root.at(pointer.startsWith("#") ? pointer.substring(1) : pointer);
        if (node.isMissingNode()) {
            throw new IllegalStateException("openapi.yaml has nothing at " + pointer);
        }
        return node;
    }

    /** Follows {@code $ref}s (and the first member of a single-branch allOf) until a schema with content. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode node = schema;
        for (int i = 0; i < 20 && node != null && node.has("$ref"); i++) {
            node = at(node.get("$ref").asText());
        }
        return node;
    }

    private List<Operation> readOperations() {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String template = path.getKey();
            JsonNode item = path.getValue();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String opPointer = "/paths/" + escape(template) + "/" + op.getKey();
                out.add(readOperation(op.getKey().toUpperCase(Locale.ROOT), template, op.getValue(), opPointer,
                        item.path("parameters")));
            }
        }
        return List.copyOf(out);
    }

    private Operation readOperation(String method, String template, JsonNode op, String pointer, JsonNode shared) {
        List<Parameter> params = new ArrayList<>();
        readParameters(shared, "/paths/" + escape(template) + "/parameters", params);
        readParameters(op.path("parameters"), pointer + "/parameters", params);
        String requestType = null;
        String requestSchema = null;
        boolean requestRequired = false;
        if (op.has("requestBody")) {
            Ref body = follow(op.get("requestBody"), pointer + "/requestBody");
            requestRequired = body.node().path("required").asBoolean(false);
            Iterator<Map.Entry<String, JsonNode>> content = body.node().path("content").fields();
            if (content.hasNext()) {
                Map.Entry<String, JsonNode> first = content.next();
                requestType = first.getKey();
                requestSchema = first.getValue().has("schema")
                        ? body.pointer() + "/content/" + escape(first.getKey()) + "/schema" : null;
            }
        }
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
            Map.Entry<String, JsonNode> r = rs.next();
            Ref answer = follow(r.getValue(), pointer + "/responses/" + escape(r.getKey()));
            Map<String, String> content = new LinkedHashMap<>();
            answer.node().path("content").fields().forEachRemaining(c -> content.put(c.getKey(),
                    c.getValue().has("schema") ? answer.pointer() + "/content/" + escape(c.getKey()) + "/schema" : null));
            List<String> headers = new ArrayList<>();
            answer.node().path("headers").fields().forEachRemaining(h -> {
                if (follow(h.getValue(), "").node().path("required").asBoolean(false)) {
                    headers.add(h.getKey());
                }
            });
            answers.put(r.getKey(), new Answer(r.getKey(), content, headers));
        }
        Pattern pattern = Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
        return new Operation(method, template, op.path("operationId").asText(), op.path("x-required-role").asText(null),
                op.path("x-required-role-dry-run").asText(null), List.copyOf(params), requestType, requestSchema, requestRequired, answers, pattern);
    }

    private void readParameters(JsonNode list, String pointer, List<Parameter> into) {
        for (int i = 0; i < list.size(); i++) {
            Ref p = follow(list.get(i), pointer + "/" + i);
            String name = p.node().get("name").asText();
            String in = p.node().get("in").asText();
            into.removeIf(existing -> existing.name().equals(name) && existing.in().equals(in));
            into.add(new Parameter(name, in, p.node().path("required").asBoolean(false),
                    resolve(p.node().path("schema")), p.pointer() + "/schema"));
        }
    }

    private record Ref(JsonNode node, String pointer) {
    }

    private Ref follow(JsonNode node, String pointer) {
        JsonNode n = node;
        String p = pointer;
        while (n.has("$ref")) {
            p = n.get("$ref").asText().substring(1);
            n = at(p);
        }
        return new Ref(n, p);
    }

    /** Escapes one JSON pointer segment. */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
