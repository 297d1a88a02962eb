package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.domain.Coded;
import io.spineconsole.sandbox.paging.PageCursor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Query parameters read strictly: a parameter the operation does not define, a repeated one that
 * may appear once, or a value of the wrong form is a 400 naming {@code query.<name>}.
 */
public final class QueryParams {
    private final Map<String, List<String>> params;

    private QueryParams(Map<String, List<String>> params) {
        this.params = params;
    }

    /** Reads the request's query, refusing any parameter not in {@code allowed}. */
    public static QueryParams of(Context ctx, String... allowed) {
        Map<String, List<String>> params = ctx.queryParamMap();
        Set<String> known = Set.of(allowed);
        for (String name : params.keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.badParameter("query." + name, "UNKNOWN_PARAMETER",
                        "Unknown query parameter '" + name + "'. This operation accepts: " + String.join(", ", allowed) + ".");
            }
        }
        return new QueryParams(params);
    }

    public Optional<String> string(String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ProblemException.badParameter("query." + name, "REPEATED_PARAMETER",
                    "Give '" + name + "' once.");
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** Every value of a repeatable parameter ({@code ?status=a&status=b} or {@code ?status=a,b}). */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A UUID path parameter; anything else is a 400 {@code INVALID_IDENTIFIER_VALUE} naming {@code path.<name>}. */
    public static UUID pathUuid(Context ctx, String name) {
        return uuid("path." + name, ctx.pathParam(name));
    }

    /** {@code text} as a UUID in its 36-character form; anything else is a 400 naming {@code field}. */
    public static UUID uuid(String field, String text) {
        try {
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            String message = "'" + text + "' is not a UUID, for example 7D9B3C2E-1A4F-4E8B-9C6D-2F5A8B1E3C70.";
            throw new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Bad request", message,
                    List.of(new ProblemException.FieldProblem(field, "INVALID_IDENTIFIER_VALUE", message)), null);
        }
    }

    /** The {@code cursor} parameter as the store takes it, or null for the first page. */
    public PageCursor cursor() {
        return string("cursor").map(PageCursor::decode).orElse(null);
    }

    public int integer(String name, int min, int max, int defaultValue) {
        Optional<String> text = string(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("query." + name, "OUT_OF_RANGE",
                    "'" + name + "' must be a whole number from " + min + " to " + max + ".");
        }
    }

    public Optional<Instant> instant(String name) {
        return string(name).map(text -> {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ProblemException.badParameter("query." + name, "INVALID_DATE_TIME",
                        "'" + name + "' must be an ISO-8601 date-time in UTC, for example 2026-11-25T09:30:00Z.");
            }
        });
    }

    public Optional<Boolean> bool(String name) {
        return string(name).map(text -> switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badParameter("query." + name, "INVALID_BOOLEAN",
                    "'" + name + "' must be true or false.");
        });
    }

    /** A coded enum value; an unknown code is a 400 listing the allowed ones. */
    public <E extends Enum<E> & Coded> Optional<E> coded(String name, Class<E> type) {
        return string(name).map(text -> parse(name, type, text));
    }

    public <E extends Enum<E> & Coded> List<E> allCoded(String name, Class<E> type) {
        return all(name).stream().map(text -> parse(name, type, text)).toList();
    }

    private static <E extends Enum<E> & Coded> E parse(String name, Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(text)) {
                return value;
            }
        }
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Coded::code).toList();
        throw ProblemException.badParameter("query." + name, "INVALID_VALUE",
                "'" + text + "' is not a valid " + name + ". Use one of: " + String.join(", ", allowed) + ".");
    }
}
