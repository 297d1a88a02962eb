package io.spineconsole.api.http.sds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.api.sds.SdsException;
import io.spineconsole.api.sds.SdsException.Reason;
import okhttp3.Request;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what SDS answered (or did not) into an {@link SdsException} with a sentence a person
 * understands. SDS reports errors as a FHIR {@code OperationOutcome}; its issues' diagnostics (or
 * details) are kept in SDS's words. The API platform in front of SDS may answer in its own shape
 * ({@code fault.faultstring}); that is read too. The API key never appears in what is returned.
 */
final class SdsFailures {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_IN_DETAIL = 500;
    private final String apiKey;

    SdsFailures(String apiKey) {
        this.apiKey = apiKey;
    }

    SdsException fromAnswer(Request request, int status, String body, Duration retryAfter) {
        List<String> said = diagnostics(body);
        String correlationId = request.header(HttpSdsDirectory.CORRELATION_ID);
        String detail = redact(request.method() + " " + request.url().encodedPath() + " → " + status
                + " (X-Correlation-Id " + correlationId + ")" + (body == null || body.isBlank() ? ""
                : ": " + (body.length() > MAX_BODY_IN_DETAIL ? body.substring(0, MAX_BODY_IN_DETAIL) + "…" : body)));
        Reason reason;
        String sentence;
        switch (status) {
            case 400 -> {
                reason = Reason.INVALID_REQUEST;
                sentence = "SDS refused the search as it was asked.";
            }
            case 401, 403 -> {
                reason = Reason.API_KEY_REFUSED;
                sentence = "SDS refused this connection's API key (HTTP " + status + "): check the key saved for it.";
            }
            case 404 -> {
                reason = Reason.NOT_FOUND;
                sentence = "SDS has no such resource at this address (HTTP 404): check the connection's environment.";
            }
            case 429 -> {
                reason = Reason.RATE_LIMITED;
                sentence = "SDS's rate limit was reached" + (retryAfter == null ? "; try again shortly."
                        : "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s.");
            }
            case 500, 502, 503, 504 -> {
                reason = Reason.UNAVAILABLE;
                sentence = switch (status) {
                    case 502 -> "SDS is unavailable: the directory behind it gave an answer it could not use (HTTP 502).";
                    case 504 -> "SDS is unavailable: the directory behind it did not answer in time (HTTP 504).";
                    case 503 -> "SDS is unavailable for now (HTTP 503).";
                    default -> "SDS failed while answering (HTTP 500).";
                };
            }
            default -> {
                reason = Reason.UNEXPECTED_ANSWER;
                sentence = "SDS answered HTTP " + status + ", which the console does not expect from a search.";
            }
        }
        if (!said.isEmpty()) {
            sentence += " SDS said: " + String.join("; ", said);
        }
        return new SdsException(reason, status, redact(sentence), said.stream().map(this::redact).toList(),
                reason == Reason.RATE_LIMITED ? retryAfter : null, correlationId, detail, null);
    }

    SdsException noAnswer(Request request, IOException e) {
        String correlationId = request.header(HttpSdsDirectory.CORRELATION_ID);
        String sentence;
        if (e instanceof InterruptedIOException) {
            sentence = "SDS did not answer in time.";
        } else if (e instanceof UnknownHostException) {
            sentence = "SDS could not be reached: the host " + request.url().host() + " is not known here.";
        } else {
            sentence = "SDS could not be reached: " + e.getMessage();
        }
        return new SdsException(Reason.UNAVAILABLE, 0, redact(sentence), List.of(), null, correlationId,
                redact(request.method() + " " + request.url().encodedPath() + ": " + e), e);
    }

    SdsException unexpected(Request request, int status, String why, Throwable cause) {
        String correlationId = request == null ? null : request.header(HttpSdsDirectory.CORRELATION_ID);
        String where = request == null ? "" : request.method() + " " + request.url().encodedPath() + " → " + status + ": ";
        return new SdsException(Reason.UNEXPECTED_ANSWER, status, redact(why), List.of(), null, correlationId,
                redact(where + why + (cause == null ? "" : " (" + cause + ")")), cause);
    }

    SdsException noKey() {
        return new SdsException(Reason.API_KEY_REFUSED, 0, "This SDS connection has no API key: add one to the connection.",
                List.of(), null, null, "no API key", null);
    }

    /** An OperationOutcome's issues in SDS's words, or the API platform's fault string; empty when there is neither. */
    static List<String> diagnostics(String body) {
        List<String> out = new ArrayList<>();
        if (body == null || body.isBlank()) {
            return out;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException notJson) {
            return out;
        }
        if (root == null) {
            return out;
        }
        for (JsonNode issue : root.path("issue")) {
            String text = firstText(issue.path("diagnostics"), issue.path("details").path("text"),
                    issue.path("details").path("coding").path(0).path("display"), issue.path("code"));
            if (text != null) {
                out.add(text);
            }
        }
        String fault = firstText(root.path("fault").path("faultstring"));
        if (out.isEmpty() && fault != null) {
            out.add(fault);
        }
        return out;
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isValueNode() && !n.asText().isBlank()) {
                return n.asText().trim();
            }
        }
        return null;
    }

    private String redact(String text) {
        return apiKey == null || apiKey.isEmpty() || text == null ? text : text.replace(apiKey, "***");
    }
}
