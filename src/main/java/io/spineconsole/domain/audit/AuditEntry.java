package io.spineconsole.domain.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited change: who, what (action on an entity), when, why, and the record before and after
 * (its GET representation as a JSON object; null for a create or a delete).
 */
public record AuditEntry(long id, Instant at, AuditActor actor, String action, String entityType, String entityId,
                         String reason, Map<String, Object> before, Map<String, Object> after, String requestId) {
}
