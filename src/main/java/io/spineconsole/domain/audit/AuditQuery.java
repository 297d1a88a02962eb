package io.spineconsole.domain.audit;

import java.time.Instant;

/**
 * An audit log search: every member optional; {@code entityId} needs {@code entityType}. Newest first
 * unless {@code oldestFirst}.
 */
public record AuditQuery(String entityType, String entityId, String actor, String action, Instant from, Instant to,
                         boolean oldestFirst, Integer limit, String cursor) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, false, null, null);
    }

    public AuditQuery withCursor(String next) {
        return new AuditQuery(entityType, entityId, actor, action, from, to, oldestFirst, limit, next);
    }
}
