package io.spineconsole.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Coded;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditActor;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.sandbox.http.Cursors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the audit log: the search behind {@code GET /api/v1/audit} and the per-record history
 * routes. Newest first by default, keyset-paged on the entry id (ids grow with time).
 */
public final class AuditStore {
    /** The entity types of openapi.yaml's {@code EntityType}. */
    public static final Set<String> ENTITY_TYPES = Set.of("organisation", "accredited-system", "endpoint", "message",
            "redelivery-job", "site", "component", "wave", "runbook-step", "checklist-item", "site-checklist", "token");
    /** The actions of openapi.yaml's {@code AuditAction}. */
    public static final Set<String> ACTIONS = Set.of("create", "update", "delete", "transition", "import", "export",
            "redeliver", "cancel", "sign-off", "revoke", "view-payload");
    private static final Pattern LEGACY_ACTOR = Pattern.compile("(.*) \\(token (\\d+), (viewer|operator|admin)\\)");
    private static final String COLUMNS = "id, occurred_at, actor, actor_name, actor_token_id, actor_role, action, "
            + "entity_type, entity_id, reason, before_json, after_json, request_id";

    private final Sql sql;
    private final ObjectMapper mapper;

    /** A search of the log; null members do not filter. */
    public record Query(String entityType, String entityId, String actor, String action, Instant from, Instant to,
                        boolean oldestFirst, int limit, String cursor) {
    }

    public AuditStore(Sql sql, ObjectMapper mapper) {
        this.sql = sql;
        this.mapper = mapper;
    }

    /** The query of {@code GET /api/v1/audit}, read strictly from the request. */
    public static Query search(Context ctx) {
        QueryParams q = QueryParams.of(ctx, "entityType", "entityId", "actor", "action", "from", "to", "sort", "limit",
                "cursor");
        String entityType = oneOf(q, "entityType", ENTITY_TYPES);
        String entityId = text(q, "entityId", 100);
        if (entityId != null && entityType == null) {
            throw ProblemException.badParameter("query.entityId", "REQUIRED",
                    "entityId needs entityType as well (an id alone is ambiguous).");
        }
        String sort = q.string("sort").orElse("-at");
        if (!sort.equals("-at") && !sort.equals("at")) {
            throw ProblemException.badParameter("query.sort", "ENUM", "sort is -at (newest first) or at.");
        }
        Instant from = q.instant("from").orElse(null);
        Instant to = q.instant("to").orElse(null);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badParameter("query.from", "DATE_ORDER", "from must be before to.");
        }
        return new Query(entityType, entityId, text(q, "actor", 100), oneOf(q, "action", ACTIONS), from, to,
                sort.equals("at"), q.integer("limit", 1, 500, 100), q.string("cursor").orElse(null));
    }

    /** The query of a record's history route: that record's entries, optionally of one action. */
    public static Query history(Context ctx, String entityType, String entityId) {
        QueryParams q = QueryParams.of(ctx, "action", "limit", "cursor");
        return new Query(entityType, entityId, null, oneOf(q, "action", ACTIONS), null, null, false,
                q.integer("limit", 1, 500, 100), q.string("cursor").orElse(null));
    }

    public Page<AuditEntry> page(Query query) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        filter(query, where, params);
        long total = sql.count("SELECT COUNT(*) FROM audit_event" + clause(where), params.toArray());
        String scope = String.join("|", String.valueOf(query.entityType()), String.valueOf(query.entityId()),
                String.valueOf(query.actor()), String.valueOf(query.action()), String.valueOf(query.from()),
                String.valueOf(query.to()), String.valueOf(query.oldestFirst()));
        if (query.cursor() != null) {
            long after;
            try {
                after = Long.parseLong(Cursors.decode(query.cursor(), scope).get(0));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                        "The cursor is not one this server issued. Pass nextCursor back unchanged.");
            }
            where.add(query.oldestFirst() ? "id > ?" : "id < ?");
            params.add(after);
        }
        List<AuditEntry> rows = sql.list("SELECT " + COLUMNS + " FROM audit_event" + clause(where) + " ORDER BY id "
                + (query.oldestFirst() ? "ASC" : "DESC") + " FETCH FIRST " + (query.limit() + 1) + " ROWS ONLY",
                this::entry, params.toArray());
        String next = null;
        if (rows.size() > query.limit()) {
            rows = rows.subList(0, query.limit());
            next = Cursors.encode(scope, List.of(Long.toString(rows.get(rows.size() - 1).id())));
        }
        return new Page<>(rows, next, total, true);
    }

    public java.util.Optional<AuditEntry> get(long id) {
        return sql.one("SELECT " + COLUMNS + " FROM audit_event WHERE id = ?", this::entry, id);
    }

    /** Whether the log holds anything about this record (its history outlives a delete). */
    public boolean mentions(String entityType, String entityId) {
        return sql.count("SELECT COUNT(*) FROM audit_event WHERE entity_type = ? AND entity_id = ?",
                entityType, entityId) > 0;
    }

    private static void filter(Query q, List<String> where, List<Object> params) {
        add(where, params, "entity_type = ?", q.entityType());
        add(where, params, "entity_id = ?", q.entityId());
        add(where, params, "actor_name = ?", q.actor());
        add(where, params, "action = ?", q.action());
        add(where, params, "occurred_at >= ?", q.from());
        add(where, params, "occurred_at < ?", q.to());
    }

    private static void add(List<String> where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.add(condition);
            params.add(value);
        }
    }

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    private AuditEntry entry(ResultSet r) throws SQLException {
        String name = r.getString("actor_name");
        long tokenId = r.getLong("actor_token_id");
        String role = r.getString("actor_role");
        if (role == null) { // written before the actor had columns of its own
            Matcher m = LEGACY_ACTOR.matcher(r.getString("actor"));
            name = m.matches() ? m.group(1) : r.getString("actor");
            tokenId = m.matches() ? Long.parseLong(m.group(2)) : 1;
            role = m.matches() ? m.group(3) : Role.ADMIN.code();
        }
        return new AuditEntry(r.getLong("id"), Sql.instant(r, "occurred_at"),
                new AuditActor(name, tokenId, Coded.fromCode(Role.class, role)), r.getString("action"),
                r.getString("entity_type"), r.getString("entity_id"), r.getString("reason"),
                json(r.getString("before_json")), json(r.getString("after_json")), r.getString("request_id"));
    }

    private Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return mapper.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalStateException("An audit entry holds JSON that is not an object", e);
        }
    }

    private static String oneOf(QueryParams q, String name, Set<String> allowed) {
        String value = q.string(name).orElse(null);
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.badParameter("query." + name, "ENUM",
                    "'" + value + "' is not a valid " + name + ". Use one of: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
        }
        return value;
    }

    private static String text(QueryParams q, String name, int max) {
        String value = q.string(name).orElse(null);
        if (value != null && value.length() > max) {
            throw ProblemException.badParameter("query." + name, "TOO_LONG", name + " is at most " + max + " characters.");
        }
        return value;
    }
}
