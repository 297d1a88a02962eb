package io.spineconsole.api.sds;

import java.time.Duration;
import java.util.List;

/**
 * A failed SDS lookup, typed by what the user can do about it. {@link #getMessage()} is a sentence
 * a person understands (with SDS's own diagnostics, in its words, when it gave any);
 * {@link #detail()} is the raw detail for a ticket (method, path, status, correlation id). Neither
 * ever contains the API key.
 */
public class SdsException extends RuntimeException {
    private final Reason reason;
    private final int status;
    private final List<String> diagnostics;
    private final Duration retryAfter;
    private final String correlationId;
    private final String detail;

    /** What went wrong, by what can be done about it. */
    public enum Reason {
        /** No API key was sent, or SDS refused it: check the connection's key. */
        API_KEY_REFUSED("api-key-refused"),
        /** SDS has no such resource: the base URL (environment) is wrong. */
        NOT_FOUND("not-found"),
        /** SDS refused the search as asked (a parameter missing or malformed): its diagnostics say which. */
        INVALID_REQUEST("invalid-request"),
        /** SDS's rate limit was reached and stayed reached: try again after {@link #retryAfter()}. */
        RATE_LIMITED("rate-limited"),
        /** SDS could not be reached, failed, or did not answer in time: try again later. */
        UNAVAILABLE("unavailable"),
        /** SDS answered something the console cannot use. */
        UNEXPECTED_ANSWER("unexpected-answer");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** A stable code, for message keys and logs. */
        public String code() {
            return code;
        }
    }

    public SdsException(Reason reason, int status, String message, List<String> diagnostics, Duration retryAfter,
                        String correlationId, String detail, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        this.retryAfter = retryAfter;
        this.correlationId = correlationId;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** What SDS said about the failure (an OperationOutcome's diagnostics), in its words; may be empty. */
    public List<String> diagnostics() {
        return diagnostics;
    }

    /** For {@link Reason#RATE_LIMITED}: how long SDS asked to wait; otherwise null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The {@code X-Correlation-Id} of the failed request, to quote to the service desk; null before any request. */
    public String correlationId() {
        return correlationId;
    }

    public String detail() {
        return detail;
    }
}
