package io.spineconsole.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.ApiException.FieldError;
import io.spineconsole.api.ApiException.Kind;
import io.spineconsole.domain.migration.MigrationBlocker;
import okhttp3.Request;
import okhttp3.Response;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

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
        return offline(request, cause, false);
    }

    /** @param mayHaveActed the request changes something and may have reached the server: its outcome is unknown */
    ApiException offline(Request request, Exception cause, boolean mayHaveActed) {
        String host = request.url().host();
        String raw = request.method() + " " + request.url().encodedPath() + ": " + cause;
        SSLException tls = tlsFailure(cause);
        if (tls != null && !mayHaveActed) {
            return new ApiException(Kind.OFFLINE, 0, "TLS_HANDSHAKE_FAILED", tlsSentence(host, tls), raw, List.of(), cause);
        }
        if (mayHaveActed) {
            return new ApiException(Kind.OFFLINE, 0, ApiException.OUTCOME_UNKNOWN, "No answer came back from " + host
                    + ": the request may or may not have been carried out.", raw, List.of(), cause);
        }
        return new ApiException(Kind.OFFLINE, 0, "OFFLINE", "The server at " + host + " could not be reached.",
                raw, List.of(), cause);
    }

    /**
     * A handshake that will fail the same way if repeated: the server's certificate is not trusted,
     * or the server refused (or required) the client certificate.
     */
    static boolean isRefusedHandshake(Exception e) {
        SSLException tls = tlsFailure(e);
        return tls instanceof SSLHandshakeException || tls instanceof SSLPeerUnverifiedException
                || tls != null && String.valueOf(tls.getMessage()).contains("fatal alert");
    }

    private static SSLException tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    private static String tlsSentence(String host, SSLException tls) {
        String text = String.valueOf(tls.getMessage()) + " " + (tls.getCause() == null ? "" : tls.getCause().getMessage());
        if (text.contains("PKIX") || text.contains("certification path") || text.contains("not trusted")) {
            return "A secure connection to " + host + " could not be made: its certificate is not signed by a CA "
                    + "this profile trusts. Check the profile's trust store.";
        }
        if (text.contains("certificate_required") || text.contains("bad_certificate")
                || text.contains("unknown_ca") || text.contains("certificate_unknown")) {
            return "A secure connection to " + host + " could not be made: the server refused the client "
                    + "certificate, or needs one. Check the profile's client certificate.";
        }
        return "A secure connection to " + host + " could not be made (TLS handshake failed).";
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
