package io.spineconsole.sandbox.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A client's mistake (or a refusal), answered as RFC 9457 problem details with a stable code.
 * Thrown by the HTTP side (routes and request readers; stores throw outcomes instead); the server
 * turns it into the answer.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String code;
    private final String title;
    private final List<FieldProblem> errors;
    private final Object current;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> members = new LinkedHashMap<>();

    /** One invalid field: a dotted path or JSON pointer, a stable code, and a sentence. */
    public record FieldProblem(String field, String code, String message) {
    }

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), null);
    }

    public ProblemException(int status, String code, String title, String detail, List<FieldProblem> errors,
                            Object current) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.current = current;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** For 412: the record as it stands now, so the client can show mine against theirs. */
    public Object current() {
        return current;
    }

    /** Adds a header to the problem answer (ETag of the current version, Retry-After, Allow). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Adds an extension member to the problem document ({@code blockers}, {@code related}). */
    public ProblemException withMember(String name, Object value) {
        members.put(name, value);
        return this;
    }

    public Map<String, Object> members() {
        return members;
    }

    /** For 409: the other records involved (a blocking owner, the existing duplicate), as record references. */
    public ProblemException withRelated(List<?> records) {
        return withMember("related", List.copyOf(records));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "NO_RECORD_FOUND", "No record found", what + " was not found.");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "BAD_REQUEST", "Bad request", detail);
    }

    /** 400 naming one bad parameter, for example {@code query.limit} or {@code header.If-Match}. */
    public static ProblemException badParameter(String field, String code, String message) {
        return new ProblemException(400, "BAD_REQUEST", "Bad request", message,
                List.of(new FieldProblem(field, code, message)), null);
    }

    /** 409 when a state rule refuses an action; {@code errors} say which rule and why. */
    public static ProblemException transitionRefused(String detail, List<FieldProblem> errors, Object current) {
        return new ProblemException(409, "TRANSITION_REFUSED", "Transition refused", detail, errors, current);
    }
}
