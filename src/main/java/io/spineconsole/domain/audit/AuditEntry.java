package io.spineconsole.domain.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited change: who did what to which record, when and why, with the record before and after
 * (its GET representation as a JSON object; null for a create or a delete). {@code action} and
 * {@code entityType} are the codes in openapi.yaml ({@code transition}, {@code sign-off};
 * {@code component}, {@code site}).
 */
public record AuditEntry(long id, Instant at, AuditActor actor, String action, String entityType, String entityId,
                         String reason, Map<String, Object> before, Map<String, Object> after, String requestId) {

    /** A member of the record after the change, as text; null when absent. */
    public String afterValue(String member) {
        Object value = after != null ? after.get(member) : null;
        return value == null ? null : value.toString();
    }

    /** A member of the record before the change, as text; null when absent. */
    public String beforeValue(String member) {
        Object value = before != null ? before.get(member) : null;
        return value == null ? null : value.toString();
    }
}
