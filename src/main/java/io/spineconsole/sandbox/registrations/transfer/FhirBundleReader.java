package io.spineconsole.sandbox.registrations.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.Set;

/**
 * Reads an SDS FHIR Bundle as it arrives, one entry at a time: only the entry being handed over is
 * ever a tree in memory, so a bundle of 100,000 endpoints costs what one entry costs. The bundle is
 * judged as a whole all the same, in the same order as if it had been read at once: not JSON at all
 * (anywhere in it) comes first, then not a Bundle, an unknown member, a wrong type, and entries that
 * are not an array of objects with a resource. Any of those refuses the file ({@link UnreadableFile})
 * once it has been read to its end, whatever the entries already handed over.
 */
public final class FhirBundleReader {
    private static final Set<String> BUNDLE_MEMBERS = Set.of("resourceType", "id", "meta", "type", "timestamp", "total",
            "link", "entry");
    private static final Set<String> BUNDLE_TYPES = Set.of("searchset", "collection", "transaction", "batch");

    /** Receives the bundle's entries in order. */
    public interface Entries {
        /**
         * The bundle names its {@code entry} member again: as in a JSON object read whole, the last one
         * counts, so forget the entries handed over so far.
         */
        void startOver();

        /** The entry at {@code index}: an object with a {@code resource} object. */
        void entry(int index, JsonNode entry) throws SQLException;
    }

    private final ObjectReader trees;

    /** @param mapper how the server reads JSON (its node factory and features; each entry is read on its own) */
    public FhirBundleReader(ObjectMapper mapper) {
        this.trees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Reads the bundle in {@code in} to its end, handing each entry to {@code entries}; refuses an unreadable one. */
    public void read(InputStream in, Entries entries) throws SQLException {
        try (JsonParser p = trees.createParser(in)) {
            new Reading(p, entries).bundle();
        } catch (JsonProcessingException e) {
            throw new UnreadableFile("", "The body is not valid JSON.");
        } catch (IOException e) {
            throw new UnreadableFile("", "The body could not be read.");
        }
    }

    /** One reading of one bundle: what it has said so far. */
    private final class Reading {
        private final JsonParser p;
        private final Entries entries;
        private String resourceType;
        private String type;
        private String unknownMember;
        private boolean entrySeen;
        private boolean entryIsArray;
        private String badEntry;

        Reading(JsonParser p, Entries entries) {
            this.p = p;
            this.entries = entries;
        }

        void bundle() throws IOException, SQLException {
            JsonToken root = p.nextToken();
            if (root != JsonToken.START_OBJECT) {
                if (root != null) {
                    p.skipChildren();
                }
                endOfDocument();
                throw notABundle();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "resourceType" -> resourceType = text(value);
                    case "type" -> type = text(value);
                    case "entry" -> entries(value);
                    default -> {
                        if (unknownMember == null && !BUNDLE_MEMBERS.contains(name)) {
                            unknownMember = name;
                        }
                        p.skipChildren();
                    }
                }
            }
            endOfDocument();
            if (!"Bundle".equals(resourceType)) {
                throw notABundle();
            }
            if (unknownMember != null) {
                throw new UnreadableFile("/" + unknownMember, "Unknown Bundle member '" + unknownMember + "'.");
            }
            if (type == null || !BUNDLE_TYPES.contains(type)) {
                throw new UnreadableFile("/type", "Bundle type must be searchset, collection, transaction or batch.");
            }
            if (entrySeen && !entryIsArray) {
                throw new UnreadableFile("/entry", "Bundle entry must be an array.");
            }
            if (badEntry != null) {
                throw new UnreadableFile(badEntry, "Each entry needs a resource object.");
            }
        }

        private void entries(JsonToken start) throws IOException, SQLException {
            if (entrySeen) {
                entries.startOver();
            }
            entrySeen = true;
            badEntry = null;
            entryIsArray = start == JsonToken.START_ARRAY;
            if (!entryIsArray) {
                p.skipChildren();
                return;
            }
            int index = 0;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) {
                    throw new UnreadableFile("", "The body is not valid JSON.");
                }
                JsonNode entry = trees.readTree(p);
                if (badEntry == null) {
                    if (entry == null || !entry.isObject() || !entry.path("resource").isObject()) {
                        badEntry = "/entry/" + index + "/resource";
                    } else {
                        entries.entry(index, entry);
                    }
                }
                index++;
            }
        }

        /** A string member's text; anything else is read through and counts as no text. */
        private String text(JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            p.skipChildren();
            return null;
        }

        /** Nothing may follow the bundle but white space. */
        private void endOfDocument() throws IOException {
            if (p.nextToken() != null) {
                throw new UnreadableFile("", "The body is not valid JSON.");
            }
        }

        private UnreadableFile notABundle() {
            return new UnreadableFile("/resourceType",
                    "The body must be a FHIR Bundle (resourceType Bundle) of Device and Endpoint resources.");
        }
    }
}
