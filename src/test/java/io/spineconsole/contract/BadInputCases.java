package io.spineconsole.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.spineconsole.contract.OpenApiContract.Operation;
import io.spineconsole.contract.OpenApiContract.Parameter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Generates malformed variants of a valid request from the operation's definition in openapi.yaml:
 * its path variables, query parameters, headers and request body schema. Each case says what it
 * breaks and, where the contract fixes it, the status it must get. The cases grow with the contract.
 */
final class BadInputCases {
    /** One malformed request. {@code expected} is an exact status, or 0 for "any 4xx". */
    record Case(String operation, String what, ApiCall call, int expected) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Just over the 1 MiB limit on JSON bodies. */
    static final int OVERSIZED = 1_048_576 + 50_000;
    /** Imports with an Idempotency-Key may be up to 32 MiB. */
    static final int OVERSIZED_IMPORT = 32 * 1_048_576 + 50_000;

    private final OpenApiContract contract;

    BadInputCases(OpenApiContract contract) {
        this.contract = contract;
    }

    List<Case> generate(Operation op, ApiCall valid) {
        List<Case> out = new ArrayList<>();
        pathCases(op, valid, out);
        queryCases(op, valid, out);
        headerCases(op, valid, out);
        if (op.requestContentType() != null) {
            bodyCases(op, valid, out);
        }
        return out;
    }

    // ---- path variables ----

    private void pathCases(Operation op, ApiCall valid, List<Case> out) {
        List<String> names = op.pathVariables();
        if (names.isEmpty()) {
            return;
        }
        String[] validSegments = valid.path().split("/");
        String[] templateSegments = op.pathTemplate().split("/");
        for (String name : names) {
            int index = indexOf(templateSegments, "{" + name + "}");
            JsonNode schema = op.parameter("path", name).map(Parameter::schema).orElseThrow();
            String current = validSegments[index];
            for (String bad : malformed(schema, current)) {
                out.add(new Case(op.key(), "path " + name + " = " + bad, valid.withPath(replace(validSegments, index, bad)), 0));
            }
            out.add(new Case(op.key(), "path " + name + " unknown", valid.withPath(replace(validSegments, index,
                    unknown(name, schema))), 404));
        }
    }

    /** Values of the wrong form for a path or query value with this schema. */
    private List<String> malformed(JsonNode schema, String valid) {
        Set<String> out = new LinkedHashSet<>();
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        if (type.equals("integer")) {
            out.add("abc");
            out.add("1.5");
            out.add("-1");
            out.add("0");
            out.add("99999999999999999999");
        } else if (format.equals("uuid")) {
            out.add("not-a-uuid");
            out.add(UUID.randomUUID().toString().replace("-", ""));
            out.add(UUID.randomUUID().toString().substring(0, 35) + "g");
        } else {
            out.add("%21%21bad%21%21");
            out.add("has%20space");
            out.add("x".repeat(schema.path("maxLength").asInt(64) + 1));
            if (schema.has("pattern") && !valid.equals(valid.toLowerCase(java.util.Locale.ROOT))) {
                out.add(valid.toLowerCase(java.util.Locale.ROOT));
            }
            if (schema.has("minLength") && schema.get("minLength").asInt() > 1) {
                out.add(valid.substring(0, 1));
            }
        }
        out.add("%E2%82%AC");
        out.remove(valid);
        return List.copyOf(out);
    }

    /** A well-formed value that names no record. */
    private static String unknown(String name, JsonNode schema) {
        if (schema.path("format").asText("").equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        return switch (name) {
            case "odsCode" -> "ZZ999";
            case "asid" -> "299999999999";
            case "siteCode" -> "DC-NOWHERE";
            case "componentCode" -> "NOSUCH";
            case "itemKey" -> "no-such-item";
            case "waveNumber" -> "999";
            default -> schema.path("type").asText("").equals("integer") ? "987654321" : "NOSUCH";
        };
    }

    // ---- query parameters ----

    private void queryCases(Operation op, ApiCall valid, List<Case> out) {
        out.add(new Case(op.key(), "unknown query parameter", valid.withQuery("colour", "red"), 400));
        out.add(new Case(op.key(), "unknown query parameter, case differs", valid.withQuery("LIMIT", "5"), 400));
        for (Parameter p : op.parameters("query")) {
            for (String bad : badQueryValues(p)) {
                out.add(new Case(op.key(), "query " + p.name() + " = " + abbreviate(bad), valid.replacingQuery(p.name(), bad), 0));
            }
            if (!p.schema().path("type").asText("").equals("array")) {
                String value = valid.query().stream().filter(e -> e.getKey().equals(p.name())).map(Map.Entry::getValue)
                        .findFirst().orElse(null);
                if (value != null) {
                    out.add(new Case(op.key(), "query " + p.name() + " repeated",
                            valid.withQuery(p.name(), value), 400));
                }
            }
        }
    }

    private List<String> badQueryValues(Parameter p) {
        JsonNode schema = p.schema();
        if (schema.path("type").asText("").equals("array")) {
            schema = contract.resolve(schema.path("items"));
        }
        if (p.name().equals("cursor")) {
            return List.of("not-a-cursor", "x".repeat(1001));
        }
        List<String> out = new ArrayList<>();
        String type = schema.path("type").asText("string");
        if (schema.has("enum")) {
            out.add("no-such-value");
            out.add(schema.get("enum").get(0).asText().toUpperCase(java.util.Locale.ROOT) + "X");
        } else if (type.equals("integer")) {
            out.add("abc");
            out.add("1.5");
            if (schema.has("minimum")) {
                out.add(Long.toString(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                out.add(Long.toString(schema.get("maximum").asLong() + 1));
            }
        } else if (type.equals("boolean")) {
            out.add("maybe");
            out.add("1");
        } else {
            switch (schema.path("format").asText("")) {
                case "date-time" -> {
                    out.add("yesterday");
                    out.add("2026-13-45T00:00:00Z");
                }
                case "date" -> {
                    out.add("31/12/2026");
                    out.add("2026-02-30");
                }
                case "uuid" -> out.add("not-a-uuid");
                default -> {
                    if (schema.has("pattern")) {
                        out.add("!!bad value!!");
                    }
                }
            }
            if (schema.has("maxLength")) {
                out.add("x".repeat(schema.get("maxLength").asInt() + 1));
            }
        }
        return out;
    }

    // ---- headers ----

    private void headerCases(Operation op, ApiCall valid, List<Case> out) {
        Parameter ifMatch = op.parameter("header", "If-Match").orElse(null);
        if (ifMatch != null && ifMatch.required()) {
            out.add(new Case(op.key(), "If-Match missing", valid.withHeader("If-Match", null), 428));
            out.add(new Case(op.key(), "If-Match stale", valid.withHeader("If-Match", "\"987654\""), 412));
            for (String bad : List.of("*", "W/\"1\"", "1", "\"abc\"", "\"1\", \"2\"")) {
                out.add(new Case(op.key(), "If-Match " + bad, valid.withHeader("If-Match", bad), 400));
            }
        }
        if (op.parameter("header", "Idempotency-Key").isPresent()) {
            for (String bad : List.of("has space", "x".repeat(300), "semi;colon")) {
                out.add(new Case(op.key(), "Idempotency-Key " + abbreviate(bad), valid.withHeader("Idempotency-Key", bad), 400));
            }
        }
    }

    // ---- bodies ----

    private void bodyCases(Operation op, ApiCall valid, List<Case> out) {
        String type = op.requestContentType();
        boolean json = ContractValidator.isJson(type) && !type.equals("application/fhir+json");
        for (String text : List.of("{", "{\"a\":", "[]", "null", "\"text\"", "42", "", "{}}", "{\"a\":1,}", "{\"a\" 1}")) {
            out.add(new Case(op.key(), "malformed body " + text, valid.withBody(valid.contentType() == null ? type
                    : valid.contentType(), text.getBytes(StandardCharsets.UTF_8)), 0));
        }
        out.add(new Case(op.key(), "body not UTF-8", valid.withBody(valid.contentType(), new byte[] {'{', '"', (byte) 0xC3,
                (byte) 0x28, '"', ':', '1', '}'}), 0));
        out.add(new Case(op.key(), "content type text/plain", valid.withBody("text/plain", valid.body()), 415));
        out.add(new Case(op.key(), "content type application/xml", valid.withBody("application/xml", valid.body()), 415));
        out.add(new Case(op.key(), "no content type", valid.withBody(null, valid.body()), 415));
        boolean isImport = op.pathTemplate().endsWith("/import");
        int oversized = isImport ? OVERSIZED_IMPORT : OVERSIZED;
        byte[] big = ("{\"padding\":\"" + "x".repeat(oversized) + "\"}").getBytes(StandardCharsets.UTF_8);
        // An import with an Idempotency-Key is kept whole to recognise a retry: 32 MiB (512 MiB streamed without one).
        ApiCall oversizedCall = valid.withBody(valid.contentType(), big);
        out.add(new Case(op.key(), isImport ? "keyed body over 32 MiB" : "body over 1 MiB",
                isImport ? oversizedCall.withHeader("Idempotency-Key", java.util.UUID.randomUUID().toString())
                        : oversizedCall, 413));
        if (!json || op.requestSchemaPointer() == null) {
            return;
        }
        JsonNode base;
        try {
            base = JSON.readTree(valid.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The valid request of " + op.key() + " is not JSON", e);
        }
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        collect(contract.at(op.requestSchemaPointer()), properties, required);
        ObjectNode unknown = base.deepCopy();
        unknown.put("colour", "red");
        out.add(new Case(op.key(), "unknown member", valid.withJson(unknown.toString()), 400));
        for (String name : required) {
            ObjectNode without = base.deepCopy();
            without.remove(name);
            out.add(new Case(op.key(), "required member " + name + " missing", valid.withJson(without.toString()), 0));
        }
        for (Map.Entry<String, JsonNode> p : properties.entrySet()) {
            for (JsonNode bad : badMembers(p.getValue())) {
                // An explicit null where the member's type has no null is refused, optional member or not.
                ObjectNode changed = base.deepCopy();
                changed.set(p.getKey(), bad);
                out.add(new Case(op.key(), "member " + p.getKey() + " = " + abbreviate(bad.toString()),
                        valid.withJson(changed.toString()), 0));
            }
        }
    }

    /** The properties and required members of an object schema, through $ref and allOf. */
    private void collect(JsonNode schema, Map<String, JsonNode> properties, Set<String> required) {
        JsonNode s = contract.resolve(schema);
        s.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            properties.put(e.getKey(), contract.resolve(e.getValue()));
        }
        s.path("allOf").forEach(part -> collect(part, properties, required));
    }

    /** Member values that break the member's schema: the wrong JSON type, null where not allowed, rule breakers. */
    private List<JsonNode> badMembers(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode typeNode = schema.path("type");
        Set<String> types = new LinkedHashSet<>();
        if (typeNode.isArray()) {
            typeNode.forEach(t -> types.add(t.asText()));
        } else if (typeNode.isTextual()) {
            types.add(typeNode.asText());
        }
        if (types.isEmpty() && (schema.has("oneOf") || schema.has("anyOf"))) {
            return out; // unions: their branches are checked where they are used on their own
        }
        if (!types.contains("null") && !types.isEmpty()) {
            out.add(JSON.nullNode());
        }
        if (!types.contains("string")) {
            out.add(TextNode.valueOf("text"));
        }
        if (!types.contains("integer") && !types.contains("number")) {
            out.add(JSON.getNodeFactory().numberNode(12345));
        }
        if (!types.contains("boolean")) {
            out.add(JSON.getNodeFactory().booleanNode(true));
        }
        if (!types.contains("array") && !types.contains("object")) {
            out.add(JSON.createArrayNode().add("a"));
            out.add(JSON.createObjectNode().put("a", 1));
        }
        if (types.contains("string")) {
            if (schema.has("enum")) {
                out.add(TextNode.valueOf("no-such-value"));
            }
            if (schema.has("pattern")) {
                out.add(TextNode.valueOf("!!bad value!!"));
            }
            if (schema.has("maxLength")) {
                out.add(TextNode.valueOf("x".repeat(schema.get("maxLength").asInt() + 1)));
            }
            switch (schema.path("format").asText("")) {
                case "date-time" -> out.add(TextNode.valueOf("not a date-time"));
                case "date" -> out.add(TextNode.valueOf("2026-02-30"));
                case "uuid" -> out.add(TextNode.valueOf("not-a-uuid"));
                default -> { }
            }
        }
        if (types.contains("integer")) {
            out.add(JSON.getNodeFactory().numberNode(1.5));
            if (schema.has("minimum")) {
                out.add(JSON.getNodeFactory().numberNode(schema.get("minimum").asLong() - 1));
            }
            if (schema.has("maximum")) {
                out.add(JSON.getNodeFactory().numberNode(schema.get("maximum").asLong() + 1));
            }
        }
        return out;
    }

    private static int indexOf(String[] segments, String wanted) {
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException(wanted);
    }

    private static String replace(String[] segments, int index, String value) {
        String[] copy = segments.clone();
        copy[index] = value;
        return String.join("/", copy);
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…(" + text.length() + ")" : text;
    }
}
