package io.spineconsole.sandbox.http.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web server's own refusals, made before any route sees the request (a path it cannot decode,
 * a request line or headers over its limits, a malformed request), answered like every other refusal:
 * RFC 9457 problem details with a stable code and a request id, never an HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {
    private static final String PROBLEM_JSON = "application/problem+json";
    private final ObjectMapper mapper;

    ProblemErrorHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String requestId = response.getHeaders().get(SandboxServer.REQUEST_ID);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
            response.getHeaders().put(SandboxServer.REQUEST_ID, requestId);
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(body(code, message, requestId)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String requestId = UUID.randomUUID().toString();
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON);
        fields.put(SandboxServer.REQUEST_ID, requestId);
        return ByteBuffer.wrap(body(status, reason, requestId));
    }

    private byte[] body(int status, String reason, String requestId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail(status, reason));
        problem.put("instance", "urn:uuid:" + requestId);
        problem.put("code", code(status));
        problem.put("errors", List.of());
        try {
            return mapper.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            return ("{\"type\":\"about:blank\",\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        }
    }

    static String code(int status) {
        return switch (status) {
            case 404 -> "NO_RECORD_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431 -> "HEADERS_TOO_LARGE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 415 -> "Unsupported media type";
            case 431 -> "Request header fields too large";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Bad request";
        };
    }

    /** A sentence for the person; the server's own reason (a fixed phrase, never the request's text) in brackets. */
    private static String detail(int status, String reason) {
        String why = switch (status) {
            case 413 -> "The request body is larger than this server accepts.";
            case 414 -> "The request's URI (path and query) is longer than this server accepts (8 KiB).";
            case 431 -> "The request's headers are larger than this server accepts (8 KiB in all).";
            case 404 -> "There is no such resource.";
            default -> status >= 500 ? "The server failed to handle this request. It has been logged."
                    : "The request could not be read: check the path's percent-encoding and the request's syntax.";
        };
        String phrase = reason == null ? "" : reason.replaceAll("[^A-Za-z0-9 :,._'()-]", "").strip();
        return phrase.isEmpty() || phrase.length() > 200 || status >= 500 ? why : why + " (" + phrase + ")";
    }
}
