package io.spineconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.messages.MessagingPattern;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The MHS interaction catalogue (from NHS England's integration-adaptor-mhs, Apache-2.0): each
 * interaction's service and messaging pattern, with a readable title (ours, in
 * {@code mhs-interaction-titles.properties}) to show beside its id. Seed data and the traffic
 * simulator draw on it.
 */
public final class InteractionCatalogue {
    /** One catalogue entry; {@code id} is the full interaction URN, {@code name} its last segment. */
    public record Interaction(String id, String service, String name, MessagingPattern pattern, String title) {
        public Interaction(String id, String service, String name, MessagingPattern pattern) {
            this(id, service, name, pattern, name);
        }
    }

    private final List<Interaction> interactions;

    private InteractionCatalogue(List<Interaction> interactions) {
        this.interactions = Collections.unmodifiableList(interactions);
    }

    public static InteractionCatalogue load() {
        try (InputStream in = InteractionCatalogue.class.getResourceAsStream("mhs-interactions.json")) {
            if (in == null) {
                throw new IllegalStateException("mhs-interactions.json is missing from the classpath");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Properties titles = titles();
            List<Interaction> list = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String service = e.getValue().path("service").asText();
                MessagingPattern.parseLenient(e.getValue().path("workflow").asText()).ifPresent(pattern ->
                        list.add(new Interaction(service + ":" + e.getKey(), service, e.getKey(), pattern,
                                titles.getProperty(e.getKey(), e.getKey()))));
            }
            return new InteractionCatalogue(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties titles() throws IOException {
        Properties titles = new Properties();
        try (InputStream in = InteractionCatalogue.class.getResourceAsStream("mhs-interaction-titles.properties")) {
            if (in != null) {
                titles.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return titles;
    }

    public List<Interaction> all() {
        return interactions;
    }

    public List<Interaction> withPattern(MessagingPattern pattern) {
        return interactions.stream().filter(i -> i.pattern() == pattern).toList();
    }
}
