package io.spineconsole.api;

import io.spineconsole.domain.migration.MigrationBlocker;

import java.util.List;

/**
 * A failed API call, typed by what the user can do about it. {@link #getMessage()} is a sentence a
 * person understands; {@link #detail()} is the raw detail for copying into a ticket.
 */
public class ApiException extends RuntimeException {
    /** The code of an acting request that was sent but got no answer: it may or may not have been carried out. */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private final Kind kind;
    private final int status;
    private final String code;
    private final String detail;
    private final List<FieldError> fieldErrors;
    private final Object current;
    private List<MigrationBlocker> blockers = List.of();

    public enum Kind {
        /** The request was malformed or a field is invalid: fix the input. */
        VALIDATION,
        /** Someone else changed the record first: review and re-apply. */
        CONFLICT,
        NOT_FOUND,
        /** No token, or the token was refused: sign in again. */
        UNAUTHORISED,
        /** The token's role may not do this. */
        FORBIDDEN,
        /** The server could not be reached, or did not answer in time. */
        OFFLINE,
        /** The server failed, or answered something the console cannot read. */
        SERVER_ERROR,
        /** The connection profile cannot be used as it is (a TLS file missing, or its password wrong): fix the profile. */
        CONFIGURATION
    }

    /** One invalid field, as the server named it. */
    public record FieldError(String field, String code, String message) {
    }

    public ApiException(Kind kind, int status, String code, String message, String detail,
                        List<FieldError> fieldErrors, Throwable cause) {
        this(kind, status, code, message, detail, fieldErrors, null, cause);
    }

    /** @param current for a 412 conflict, the record as the server holds it now (typed by the call) */
    public ApiException(Kind kind, int status, String code, String message, String detail,
                        List<FieldError> fieldErrors, Object current, Throwable cause) {
        super(message, cause);
        this.current = current;
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    /** The server's stable problem code (for example {@code NO_RECORD_FOUND}), or the client's own. */
    public String code() {
        return code;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    /** For a conflict (412), the server's current version of the record, as the operation's type; else null. */
    @SuppressWarnings("unchecked")
    public <T> T current() {
        return (T) current;
    }

    /** For a refused migration transition or sign-off (409), the components that block it; else empty. */
    public List<MigrationBlocker> blockers() {
        return blockers;
    }

    /** Attaches the blockers a refusal named (set once by the client that read the answer). */
    public ApiException withBlockers(List<MigrationBlocker> blockers) {
        this.blockers = List.copyOf(blockers);
        return this;
    }

    /**
     * True when an acting request got no answer, so it may have been carried out: sending it again as the
     * same intent (same Idempotency-Key) is safe and tells which.
     */
    public boolean outcomeUnknown() {
        return kind == Kind.OFFLINE && OUTCOME_UNKNOWN.equals(code);
    }

    /** True for a 412: someone changed the record since it was read. */
    public boolean isStale() {
        return status == 412;
    }

    /** Finds the {@link ApiException} behind a future's failure, if there is one. */
    public static ApiException unwrap(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof ApiException api) {
                return api;
            }
            t = t.getCause();
        }
        return null;
    }
}
