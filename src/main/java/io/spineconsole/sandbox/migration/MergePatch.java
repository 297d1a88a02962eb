package io.spineconsole.sandbox.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.domain.Coded;
import io.spineconsole.sandbox.http.FieldErrors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.Requests;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON merge-patch body read strictly: a member that is absent is left unchanged, {@code null}
 * clears a nullable member, and an unknown member or a wrong JSON type is a 400 naming the member.
 * Value rules (lengths, ranges, enums) are collected as 422 field errors.
 */
final class MergePatch {
    /** One member: whether it was sent, and its value (null when sent as null). */
    record Member<T>(boolean present, T value) {
        static <T> Member<T> absent() {
            return new Member<>(false, null);
        }

        T or(T current) {
            return present ? value : current;
        }
    }

    private final JsonNode body;
    private final FieldErrors errors = new FieldErrors();

    private MergePatch(JsonNode body) {
        this.body = body;
    }

    static MergePatch read(Context ctx, ObjectMapper mapper, String... members) {
        JsonNode body = Requests.body(ctx, mapper, JsonNode.class);
        if (!body.isObject()) {
            throw invalid("", "The request body must be a JSON object.");
        }
        if (body.isEmpty()) {
            throw invalid("", "Send at least one member to change.");
        }
        Set<String> known = Set.of(members);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid("/" + name, "Unknown member '" + name + "'. Allowed: " + String.join(", ", members) + ".");
            }
        }
        return new MergePatch(body);
    }

    FieldErrors errors() {
        return errors;
    }

    Member<String> text(String name, int max, boolean nullable) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Member.absent();
        }
        if (node.isNull()) {
            if (!nullable) {
                errors.add("/" + name, "REQUIRED", name + " cannot be cleared.");
            }
            return new Member<>(true, null);
        }
        if (!node.isTextual()) {
            throw invalid("/" + name, "Wrong type: " + name + " must be a string.");
        }
        String value = node.asText();
        if (value.isBlank()) {
            errors.add("/" + name, "TOO_SHORT", name + " may not be blank" + (nullable ? "; send null to clear it." : "."));
        } else if (value.length() > max) {
            errors.add("/" + name, "TOO_LONG", name + " must be at most " + max + " characters.");
        }
        return new Member<>(true, value);
    }

    Member<Boolean> bool(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Member.absent();
        }
        if (!node.isBoolean()) {
            throw invalid("/" + name, "Wrong type: " + name + " must be true or false.");
        }
        return new Member<>(true, node.booleanValue());
    }

    Member<Integer> integer(String name, int min, int max) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Member.absent();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw invalid("/" + name, "Wrong type: " + name + " must be a whole number.");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            errors.add("/" + name, "OUT_OF_RANGE", name + " must be from " + min + " to " + max + ".");
        }
        return new Member<>(true, value);
    }

    <E extends Enum<E> & Coded> Member<E> coded(String name, Class<E> type) {
        JsonNode node = body.get(name);
        if (node == null) {
            return Member.absent();
        }
        if (!node.isTextual()) {
            throw invalid("/" + name, "Wrong type: " + name + " must be a string.");
        }
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(node.asText())) {
                return new Member<>(true, value);
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        errors.add("/" + name, "ENUM", "'" + node.asText() + "' is not allowed; use one of " + String.join(", ", allowed) + ".");
        return Member.absent();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "INVALID_REQUEST_BODY", "Invalid request body", message,
                List.of(new ProblemException.FieldProblem(field, "INVALID_BODY", message)), null);
    }
}
