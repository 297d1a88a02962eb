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
    private final ObjectMapper mapper;
    private final Clock clock;

    public AuditLog(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param actor      who acts, and through which request
     * @param action     what was done, for example {@code create}, {@code update}, {@code approve}
     * @param entityType {@code organisation}, {@code accredited-system}, {@code endpoint}, {@code message},
     *                   {@code component}, {@code site}, {@code token}, ...
     * @param before     the record before (null when created)
     * @param after      the record after (null when deleted)
     */
    public void record(Connection c, Actor actor, String action, String entityType, String entityId,
                       String reason, Object before, Object after) throws SQLException {
        Principal who = actor.principal();
        Sql.update(c, "INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, reason, "
                        + "before_json, after_json, actor_name, actor_token_id, actor_role, request_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                clock.instant(), who.name() + " (token " + who.tokenId() + ", " + who.role().code() + ")",
                action, entityType, entityId, reason, json(before), json(after), who.name(), who.tokenId(),
                who.role().code(), actor.requestId());
    }

    // ---- Removed when sandbox-registrations merges: the registrations stores still audit as a bare
    // ---- Principal, so the HTTP server names the request each thread handles for them.

    private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();

    /**
     * @deprecated pass an {@link Actor}; kept for the registrations stores until sandbox-registrations merges.
     */
    @Deprecated(forRemoval = true)
    public void record(Connection c, Principal actor, String action, String entityType, String entityId,
                       String reason, Object before, Object after) throws SQLException {
        record(c, new Actor(actor, REQUEST_ID.get()), action, entityType, entityId, reason, before, after);
    }

    /**
     * Names the request the current thread handles (null: none), for {@link #record(Connection, Principal,
     * String, String, String, String, Object, Object)}.
     *
     * @deprecated removed with that method when sandbox-registrations merges.
     */
    @Deprecated(forRemoval = true)
    public static void handling(String requestId) {
        if (requestId == null) {
            REQUEST_ID.remove();
        } else {
            REQUEST_ID.set(requestId);
        }
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
