package io.spineconsole.domain.audit;

import io.spineconsole.domain.Role;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One audited change: who did what to which record, when and why, with the record before and after
 * (as the record's own representation; null for a create or a delete).
 */
public record AuditEntry(long id, Instant at, Actor actor, String action, String entityType, String entityId,
                         String reason, Map<String, Object> before, Map<String, Object> after, UUID requestId) {
    public AuditEntry {
        before = before == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(before));
        after = after == null ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(after));
    }

    /** The token holder who made the change. */
    public record Actor(String name, long tokenId, Role role) {
    }
}
