package io.spineconsole.domain.audit;

import java.time.Instant;

/**
 * A search of the audit log; null members are "any". {@code entityId} needs {@code entityType}.
 *
 * @param entityType  {@code organisation}, {@code accredited-system}, {@code endpoint}, ...
 * @param action      {@code create}, {@code update}, {@code transition}, ...
 * @param oldestFirst false (the default) lists the newest first
 */
public record AuditQuery(String entityType, String entityId, String actor, String action, Instant from, Instant to,
                         boolean oldestFirst) {

    /** The history of one record, newest first. */
    public static AuditQuery forRecord(String entityType, String entityId) {
        return new AuditQuery(entityType, entityId, null, null, null, null, false);
    }
}
