package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.sandbox.http.ProblemException.FieldProblem;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads request bodies strictly: JSON only, no unknown members, every mistake named. */
public final class Requests {
    /** Largest JSON request body accepted (openapi.yaml: 1 MiB); larger ones get 413. */
    public static final long MAX_JSON_BYTES = 1L << 20;
    /** Largest import file accepted (openapi.yaml: 32 MiB); the only bodies allowed past 1 MiB. */
    public static final long MAX_IMPORT_BYTES = 32L << 20;
    /**
     * Largest import file accepted without an Idempotency-Key (openapi.yaml: 512 MiB): such a body is read as it
     * arrives, never held whole, so a national SDS extract fits; a keyed one is kept to recognise a retry.
     */
    public static final long MAX_STREAMED_IMPORT_BYTES = 512L << 20;

    /** The body limit of an import: {@link #MAX_IMPORT_BYTES} with an Idempotency-Key, else the streamed one. */
    public static long importLimit(boolean keyed) {
        return keyed ? MAX_IMPORT_BYTES : MAX_STREAMED_IMPORT_BYTES;
    }

    private Requests() {
    }

    /** 413 for a body over {@code limit} bytes. */
    public static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "PAYLOAD_TOO_LARGE", "Payload too large", "The request body is larger than "
                + (limit >> 20) + " MiB, the most this operation accepts.");
    }

    /**
     * Parses the body as {@code type}. Wrong content type → 415; empty, malformed or mistyped
     * JSON, or an unknown member → 400 INVALID_REQUEST_BODY naming the member.
     */
    public static <T> T body(Context ctx, ObjectMapper mapper, Class<T> type) {
        requireJson(ctx);
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > MAX_JSON_BYTES) {
            throw tooLarge(MAX_JSON_BYTES); // sent without a length (chunked)
        }
        if (bytes.length == 0) {
            throw invalidBody("", "The request needs a JSON body.");
        }
        try {
            JsonNode tree = mapper.readTree(bytes);
            if (tree == null || tree.isNull() || tree.isMissingNode()) {
                throw invalidBody("", "The request body must be a JSON object, not null.");
            }
            if (type != JsonNode.class) {
                List<FieldProblem> nulls = NullableMembers.explicitNulls(type, tree);
                if (!nulls.isEmpty()) {
                    throw new ProblemException(400, "INVALID_REQUEST_BODY", "Invalid request body", nulls.size() == 1
                            ? nulls.get(0).message() : nulls.size() + " members are null where the contract takes no "
                            + "null: leave them out or give values.", nulls, null);
                }
            }
            return mapper.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            String pointer = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            throw invalidBody(pointer.equals("/") ? "" : pointer, describe(e));
        } catch (JacksonException e) {
            throw invalidBody("", "The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalidBody("", "The request body could not be read.");
        }
    }

    /** 415 unless the request says its body is JSON. */
    public static void requireJson(Context ctx) {
        String contentType = ctx.contentType();
        String base = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!base.equals("application/json") && !base.endsWith("+json")) {
            throw new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the request body as application/json" + (contentType == null ? "." : ", not " + contentType + "."));
        }
    }

    private static String describe(JsonMappingException e) {
        String message = e.getOriginalMessage();
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "Unknown member '" + u.getPropertyName() + "'.";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException m && m.getTargetType() != null) {
            return "Wrong type: expected " + friendly(m.getTargetType()) + ". " + firstLine(message);
        }
        return firstLine(message);
    }

    private static String friendly(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return type.isEnum() ? "one of the allowed values" : "an object";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.split("\n")[0];
    }

    /** 400 INVALID_REQUEST_BODY: the body is not the JSON this operation takes ({@code field}: where). */
    public static ProblemException invalidBody(String field, String message) {
        return new ProblemException(400, "INVALID_REQUEST_BODY", "Invalid request body", message,
                List.of(new FieldProblem(field, "INVALID_BODY", message)), null);
    }
}
