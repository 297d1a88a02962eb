package io.spineconsole.domain.audit;

import io.spineconsole.domain.Role;

import java.time.Instant;
import java.util.Map;

/**
 * One audited change: who did what to which record, when and why, with the record before and after
 * (as the API serves it; null for a create or a delete). {@code action} and {@code entityType} are
 * the codes in openapi.yaml ({@code transition}, {@code sign-off}; {@code component}, {@code site}).
 */
public record AuditEntry(long id, Instant at, Actor actor, String action, String entityType, String entityId,
                         String reason, Map<String, Object> before, Map<String, Object> after, String requestId) {

    /** Who made the change; {@code tokenId} is null for history recorded before tokens existed (seeded data). */
    public record Actor(String name, Long tokenId, Role role) {
    }

    /** A member of the record after the change (or before it, for a delete), as text; null when absent. */
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
