package io.spineconsole.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published SDS FHIR API document ({@code spine-directory-service.yaml}, OpenAPI 3.0) read as
 * data, exactly as NHS England publishes it: its base path, environments, operations with their
 * parameters and answers (keeping the JSON pointer of every schema, so it can be validated in place
 * with its {@code $ref}s into {@code components/}), and its examples with their {@code $ref}s
 * resolved. Nothing in it is restated by hand.
 */
public final class SdsSpec {
    /** Where the document lives on the test class path. */
    public static final String FOLDER = "fixtures/sds-fhir/";
    public static final String DOCUMENT = FOLDER + "spine-directory-service.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SdsSpec INSTANCE = new SdsSpec(load(DOCUMENT, YAML));

    private final JsonNode root;
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    /**
     * One parameter as declared. {@code systems} are the FHIR identifier systems the document's
     * examples of it use ("Must be preceded with FHIR identifier"): the only ones a value may carry.
     */
    public record Parameter(String name, String in, boolean required, boolean isArray, String schemaPointer,
                            Set<String> systems) {
    }

    /** What an operation answers with one status: its content type and schema pointer, when it declares a body. */
    public record Answer(int status, String contentType, String schemaPointer, String exampleRef) {
    }

    /** One operation: {@code GET /Device}, say. */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
                            Map<Integer, Answer> answers) {
        public Optional<Parameter> parameter(String in, String name) {
            return parameters.stream().filter(p -> p.in().equals(in) && p.name().equalsIgnoreCase(name)).findFirst();
        }

        /** The resource type the operation searches ({@code Device}). */
        public String resourceType() {
            return path.substring(1);
        }
    }

    private SdsSpec(JsonNode root) {
        this.root = root;
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String pointer = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
                Operation o = read(op.getKey().toUpperCase(), path.getKey(), op.getValue(), pointer);
                operations.put(o.method() + " " + o.path(), o);
            }
        }
    }

    public static SdsSpec get() {
        return INSTANCE;
    }

    public JsonNode root() {
        return root;
    }

    /** The path every resource hangs from, from the document's server URL ({@code /spine-directory/FHIR/R4}). */
    public String basePath() {
        return root.path("servers").path(0).path("url").asText().replaceFirst("^https?://[^/]+", "");
    }

    /** The environments table of the document's description: name → base URL. */
    public Map<String, String> environments() {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\|\\s*([^|`]+?)\\s*\\|\\s*`(https://[^`]+)`").matcher(root.path("info").path("description").asText());
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    public Optional<Operation> operation(String method, String path) {
        return Optional.ofNullable(operations.get(method.toUpperCase() + " " + path));
    }

    public List<Operation> operations() {
        return List.copyOf(operations.values());
    }

    /** An example file of the document with every {@code {"$ref": "X.json"}} in it replaced by that file. */
    public JsonNode example(String relativePath) {
        String path = FOLDER + relativePath;
        return resolve(load(path, JSON), path.substring(0, path.lastIndexOf('/') + 1));
    }

    /** The example an operation declares for its 200 answer, resolved. */
    public JsonNode example(Operation op) {
        return example(op.answers().get(200).exampleRef());
    }

    private Operation read(String method, String path, JsonNode op, String pointer) {
        List<Parameter> params = new ArrayList<>();
        JsonNode list = op.path("parameters");
        for (int i = 0; i < list.size(); i++) {
            JsonNode p = list.get(i);
            Set<String> systems = new LinkedHashSet<>();
            collectSystems(p.path("example"), systems);
            p.path("examples").forEach(e -> collectSystems(e.path("value"), systems));
            params.add(new Parameter(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    p.path("schema").path("type").asText().equals("array"), pointer + "/parameters/" + i + "/schema",
                    Set.copyOf(systems)));
        }
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> rs = op.path("responses").fields(); rs.hasNext(); ) {
            Map.Entry<String, JsonNode> r = rs.next();
            Iterator<Map.Entry<String, JsonNode>> content = r.getValue().path("content").fields();
            String type = null;
            String schema = null;
            String example = null;
            if (content.hasNext()) {
                Map.Entry<String, JsonNode> c = content.next();
                type = c.getKey();
                schema = pointer + "/responses/" + r.getKey() + "/content/" + escape(type) + "/schema";
                example = c.getValue().path("example").path("$ref").asText(null);
            }
            answers.put(Integer.parseInt(r.getKey()), new Answer(Integer.parseInt(r.getKey()), type, schema, example));
        }
        return new Operation(method, path, op.path("operationId").asText(), List.copyOf(params), Map.copyOf(answers));
    }

    private static void collectSystems(JsonNode example, Set<String> into) {
        if (example.isArray()) {
            example.forEach(v -> collectSystems(v, into));
        } else if (example.isTextual() && example.asText().contains("|")) {
            into.add(example.asText().substring(0, example.asText().indexOf('|')));
        }
    }

    private JsonNode resolve(JsonNode node, String folder) {
        if (node.isObject() && node.size() == 1 && node.has("$ref")) {
            String target = folder + node.get("$ref").asText();
            return resolve(load(target, JSON), target.substring(0, target.lastIndexOf('/') + 1));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(f.getKey(), resolve(f.getValue(), folder)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(v -> copy.add(resolve(v, folder)));
            return copy;
        }
        return node;
    }

    private static JsonNode load(String resource, ObjectMapper mapper) {
        try (InputStream in = SdsSpec.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
