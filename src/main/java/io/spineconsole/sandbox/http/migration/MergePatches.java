package io.spineconsole.sandbox.http.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.migration.MergePatch;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON merge-patch body strictly: an object, with at least one member, each a member the
 * operation declares and of its JSON type; anything else is a 400 naming the member. Checked in the
 * order the members are declared, so the first wrong one is the one named. The value rules are the
 * store's ({@link MergePatch}).
 */
final class MergePatches {
    /** What JSON a member takes. */
    enum Kind { TEXT, BOOLEAN, WHOLE_NUMBER, CODE }

    /** A member the operation accepts. */
    record Declared(String name, Kind kind) {
    }

    private MergePatches() {
    }

    /** A string member; null clears it (where the store allows). */
    static Declared text(String name) {
        return new Declared(name, Kind.TEXT);
    }

    static Declared bool(String name) {
        return new Declared(name, Kind.BOOLEAN);
    }

    static Declared wholeNumber(String name) {
        return new Declared(name, Kind.WHOLE_NUMBER);
    }

    /** A coded enum, sent as its code (a string). */
    static Declared code(String name) {
        return new Declared(name, Kind.CODE);
    }

    static MergePatch read(Context ctx, ObjectMapper mapper, Declared... members) {
        JsonNode body = Requests.body(ctx, mapper, JsonNode.class);
        if (!body.isObject()) {
            throw Requests.invalidBody("", "The request body must be a JSON object.");
        }
        if (body.isEmpty()) {
            throw Requests.invalidBody("", "Send at least one member to change.");
        }
        Map<String, Declared> known = new LinkedHashMap<>();
        for (Declared d : members) {
            known.put(d.name(), d);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.containsKey(name)) {
                throw Requests.invalidBody("/" + name, "Unknown member '" + name + "'. Allowed: " + String.join(", ", known.keySet())
                        + ".");
            }
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        for (Declared d : members) {
            JsonNode node = body.get(d.name());
            if (node != null) {
                sent.put(d.name(), value(d, node));
            }
        }
        return new MergePatch(sent);
    }

    private static Object value(Declared d, JsonNode node) {
        String name = d.name();
        return switch (d.kind()) {
            case TEXT -> {
                if (node.isNull()) {
                    yield null;
                }
                if (!node.isTextual()) {
                    throw Requests.invalidBody("/" + name, "Wrong type: " + name + " must be a string.");
                }
                yield node.asText();
            }
            case BOOLEAN -> {
                if (!node.isBoolean()) {
                    throw Requests.invalidBody("/" + name, "Wrong type: " + name + " must be true or false.");
                }
                yield node.booleanValue();
            }
            case WHOLE_NUMBER -> {
                if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                    throw Requests.invalidBody("/" + name, "Wrong type: " + name + " must be a whole number.");
                }
                yield node.intValue();
            }
            case CODE -> {
                if (!node.isTextual()) {
                    throw Requests.invalidBody("/" + name, "Wrong type: " + name + " must be a string.");
                }
                yield node.asText();
            }
        };
    }
}
