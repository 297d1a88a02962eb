package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.ApiException.FieldError;
import io.spineconsole.api.ApiException.Kind;
import io.spineconsole.domain.migration.MigrationBlocker;
import okhttp3.Request;
import okhttp3.Response;

import java.util.ArrayList;
import java.util.List;

/** Turns RFC 9457 problem answers, transport failures and unreadable bodies into {@link ApiException}s. */
final class ProblemMapper {
    private static final int MAX_DETAIL_CHARS = 2_000;
    private final ObjectMapper mapper;

    ProblemMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @param type the operation's result type: a 412's {@code current} member is read as one */
    ApiException fromResponse(Request request, Response response, String body, com.fasterxml.jackson.databind.JavaType type) {
        int status = response.code();
        Kind kind = kindOf(status);
        String code = "HTTP_" + status;
        String title = response.message();
        String detail = null;
        List<FieldError> fields = new ArrayList<>();
        Object current = null;
        List<MigrationBlocker> blockers = List.of();
        String contentType = response.header("Content-Type", "");
        if (contentType.contains("json")) {
            try {
                JsonNode problem = mapper.readTree(body);
                code = problem.path("code").asText(code);
                title = problem.path("title").asText(title);
                detail = problem.path("detail").asText(null);
                if (status == 412 && problem.hasNonNull("current") && type != null) {
                    current = mapper.treeToValue(problem.get("current"), type);
                }
                if (problem.path("blockers").isArray() && !problem.path("blockers").isEmpty()) {
                    blockers = List.of(mapper.treeToValue(problem.get("blockers"), MigrationBlocker[].class));
                }
                for (JsonNode e : problem.path("errors")) {
                    fields.add(new FieldError(e.path("field").asText(""), e.path("code").asText(""),
                            e.path("message").asText("")));
                }
            } catch (Exception unreadable) {
                // Not a problem document after all: the raw body goes into the detail below.
            }
        }
        String message = detail != null ? detail : title;
        String raw = request.method() + " " + request.url().encodedPath() + " -> " + status + " " + code
                + "\n" + truncate(body);
        return new ApiException(kind, status, code, message, raw, fields, current, null).withBlockers(blockers);
    }

    ApiException offline(Request request, Exception cause) {
        return new ApiException(Kind.OFFLINE, 0, "OFFLINE",
                "The server at " + request.url().host() + " could not be reached.",
                request.method() + " " + request.url().encodedPath() + ": " + cause, List.of(), cause);
    }

    ApiException unreadable(Request request, Exception cause) {
        return new ApiException(Kind.SERVER_ERROR, 0, "UNREADABLE_RESPONSE",
                "The server's answer could not be read.",
                request.method() + " " + request.url().encodedPath() + ": " + cause, List.of(), cause);
    }

    private static Kind kindOf(int status) {
        return switch (status) {
            case 400, 413, 415, 422, 428 -> Kind.VALIDATION;
            case 401 -> Kind.UNAUTHORISED;
            case 403 -> Kind.FORBIDDEN;
            case 404, 410 -> Kind.NOT_FOUND;
            case 409, 412 -> Kind.CONFLICT;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.VALIDATION;
        };
    }

    private static String truncate(String body) {
        return body.length() <= MAX_DETAIL_CHARS ? body : body.substring(0, MAX_DETAIL_CHARS) + "…";
    }
}
