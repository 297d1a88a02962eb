package io.spineconsole.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.Principal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Writes the audit trail: who did what to which record, when, why, and the record before and
 * after, tied to the request that made the change. Called inside the same transaction as the
 * change, so a change is never unaudited.
 */
public final class AuditLog {
    /** The width of the one-line {@code actor} column. */
    private static final int ACTOR_TEXT = 100;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuditLog(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param actor      who acts, and through which request
     * @param action     what was done: one of {@link AuditStore#ACTIONS}
     * @param entityType what it was done to: one of {@link AuditStore#ENTITY_TYPES}
     * @param before     the record before (null when created)
     * @param after      the record after (null when deleted)
     */
    public void record(Connection c, Actor actor, String action, String entityType, String entityId,
                       String reason, Object before, Object after) throws SQLException {
        // A word the contract lacks would be unreadable to clients and missing from the console's filters.
        if (!AuditStore.ENTITY_TYPES.contains(entityType) || !AuditStore.ACTIONS.contains(action)) {
            throw new IllegalArgumentException("Not an audit entity type and action of openapi.yaml: " + entityType
                    + ", " + action);
        }
        Principal who = actor.principal();
        Sql.update(c, "INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, reason, "
                        + "before_json, after_json, actor_name, actor_token_id, actor_role, request_id, actor_subject, "
                        + "actor_owner) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.instant(), describe(who), action, entityType, entityId, reason, json(before), json(after),
                who.name(), who.signedIn() ? null : who.tokenId(), who.role().code(), actor.requestId(),
                who.subject(), who.owner());
    }

    /** The actor in one line, for readers of the table itself. */
    private static String describe(Principal who) {
        String role = who.role().code();
        String text = who.signedIn() ? who.name() + " (signed in as " + who.subject() + ", " + role + ")"
                : who.name() + " (token " + who.tokenId() + ", " + role + ")";
        return text.length() <= ACTOR_TEXT ? text : text.substring(0, ACTOR_TEXT - 1) + "…";
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot audit " + value.getClass().getSimpleName(), e);
        }
    }
}
