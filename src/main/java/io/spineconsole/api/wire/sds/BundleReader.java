package io.spineconsole.api.wire.sds;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads a FHIR {@code Bundle} as a stream: each entry's resource is handed on as soon as it is
 * read and then dropped, so a bundle of any size (a national extract of 100,000 endpoints) is read
 * in the memory of one entry. The bundle's own members (type, total, links) are kept, in whatever
 * order they come.
 */
public final class BundleReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BundleReader() {
    }

    /** What a bundle says about itself. */
    public record Facts(String resourceType, String type, Integer total, Map<String, String> links, long entries) {
        public Facts {
            links = Map.copyOf(links);
        }

        /** The URL of the next page of a search, if there is one. */
        public Optional<String> next() {
            return Optional.ofNullable(links.get("next"));
        }
    }

    /** The body was JSON but not a Bundle (an OperationOutcome, say); {@code resource} is what it was. */
    public static final class NotABundle extends IOException {
        private final transient JsonNode resource;

        NotABundle(String message, JsonNode resource) {
            super(message);
            this.resource = resource;
        }

        public JsonNode resource() {
            return resource;
        }
    }

    /**
     * Reads the bundle, handing each entry's {@code resource} to {@code resources} in order.
     *
     * @throws NotABundle  when the JSON is another resource
     * @throws IOException when the text is not JSON, or the reading of it fails
     */
    public static Facts read(InputStream in, Consumer<JsonNode> resources) throws IOException {
        try (JsonParser p = MAPPER.createParser(in)) {
            return read(p, resources);
        }
    }

    static Facts read(JsonParser p, Consumer<JsonNode> resources) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new IOException("The answer is not a JSON object.");
        }
        String resourceType = null;
        String type = null;
        Integer total = null;
        Map<String, String> links = new LinkedHashMap<>();
        long entries = 0;
        Map<String, JsonNode> other = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "resourceType" -> resourceType = p.getValueAsString();
                case "type" -> type = p.getValueAsString();
                case "total" -> total = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "link" -> {
                    JsonNode list = p.readValueAsTree();
                    for (JsonNode link : list) {
                        String relation = SdsFhir.text(link.path("relation"));
                        String url = SdsFhir.text(link.path("url"));
                        if (relation != null && url != null) {
                            links.putIfAbsent(relation, url);
                        }
                    }
                }
                case "entry" -> {
                    if (value != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        break;
                    }
                    requireBundle(resourceType, other);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode entry = p.readValueAsTree();
                        entries++;
                        JsonNode resource = entry.path("resource");
                        if (resource.isObject()) {
                            resources.accept(resource);
                        }
                    }
                }
                default -> {
                    if (value.isStructStart()) {
                        other.put(name, p.readValueAsTree());
                    }
                }
            }
        }
        requireBundle(resourceType, other);
        return new Facts(resourceType, type, total, links, entries);
    }

    private static void requireBundle(String resourceType, Map<String, JsonNode> other) throws NotABundle {
        if (resourceType != null && !resourceType.equals("Bundle")) {
            com.fasterxml.jackson.databind.node.ObjectNode r = MAPPER.createObjectNode().put("resourceType", resourceType);
            other.forEach(r::set);
            throw new NotABundle("The answer is a " + resourceType + ", not a Bundle.", r);
        }
    }
}
