package io.spineconsole.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import io.spineconsole.api.Page;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Cursors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

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
 * {@code GET /api/v1/audit}: the audit log, newest first, filtered by record, actor, action and time;
 * keyset-paged on the entry id (the per-record lookup uses the (entity_type, entity_id, id) index).
 */
final class AuditRoutes implements RouteGroup {
    private static final Set<String> ENTITY_TYPES = Set.of("organisation", "accredited-system", "endpoint", "message",
            "redelivery-job", "site", "component", "wave", "runbook-step", "checklist-item", "site-checklist", "token");
    private static final Set<String> ACTIONS = Set.of("create", "update", "delete", "transition", "import", "export",
            "redeliver", "cancel", "sign-off", "revoke", "view-payload");
    /** How {@link AuditLog} writes the actor: {@code name (token 7, admin)}. */
    private static final Pattern ACTOR = Pattern.compile("(.*) \\(token (\\d+), ([a-z]+)\\)");
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final SandboxContext context;

    AuditRoutes(SandboxContext context) {
        this.context = context;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/v1/audit", Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "entityType", "entityId", "actor", "action", "from", "to", "sort",
                    "limit", "cursor");
            return ApiResponse.ok(list(p));
        });
    }

    private Page<AuditEntry> list(QueryParams p) {
        String entityType = oneOf(p, "entityType", ENTITY_TYPES);
        String entityId = p.string("entityId").orElse(null);
        if (entityId != null && entityType == null) {
            throw ProblemException.badParameter("query.entityId", "REQUIRES_ENTITY_TYPE",
                    "entityId needs entityType (for example entityType=endpoint).");
        }
        if (entityId != null && entityId.length() > 100) {
            throw ProblemException.badParameter("query.entityId", "TOO_LONG", "entityId is at most 100 characters.");
        }
        String actor = p.string("actor").orElse(null);
        if (actor != null && actor.length() > 100) {
            throw ProblemException.badParameter("query.actor", "TOO_LONG", "actor is at most 100 characters.");
        }
        String action = oneOf(p, "action", ACTIONS);
        Instant from = p.instant("from").orElse(null);
        Instant to = p.instant("to").orElse(null);
        String sort = p.string("sort").orElse("-at");
        if (!sort.equals("-at") && !sort.equals("at")) {
            throw ProblemException.badParameter("query.sort", "INVALID_VALUE", "sort is -at (newest first) or at.");
        }
        boolean ascending = sort.equals("at");
        int limit = p.integer("limit", 1, 500, 100);

        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (entityType != null) {
            where.append(" AND entity_type = ?");
            params.add(entityType);
        }
        if (entityId != null) {
            where.append(" AND entity_id = ?");
            params.add(entityId);
        }
        if (actor != null) {
            // The log keeps "name (token N, role)"; the filter is the name, exactly.
            where.append(" AND actor LIKE ? ESCAPE '\\'");
            params.add(actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " (token %");
        }
        if (action != null) {
            where.append(" AND action = ?");
            params.add(action);
        }
        if (from != null) {
            where.append(" AND occurred_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND occurred_at < ?");
            params.add(to);
        }
        String scope = where + params.toString() + sort;
        long total = context.sql().count("SELECT COUNT(*) FROM audit_event" + where, params.toArray());
        List<Object> pageParams = new ArrayList<>(params);
        StringBuilder pageWhere = new StringBuilder(where);
        String cursor = p.string("cursor").orElse(null);
        if (cursor != null) {
            List<String> last = Cursors.decode(cursor, scope);
            long lastId;
            try {
                lastId = Long.parseLong(last.get(0));
            } catch (RuntimeException e) {
                throw ProblemException.badParameter("query.cursor", "INVALID_CURSOR",
                        "The cursor is not one this server issued. Pass nextCursor back unchanged.");
            }
            pageWhere.append(ascending ? " AND id > ?" : " AND id < ?");
            pageParams.add(lastId);
        }
        pageParams.add(limit + 1);
        List<AuditEntry> rows = context.sql().list("SELECT id, occurred_at, actor, action, entity_type, entity_id, "
                + "reason, before_json, after_json FROM audit_event" + pageWhere + " ORDER BY id"
                + (ascending ? "" : " DESC") + " LIMIT ?", this::entry, pageParams.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode(scope, List.of(Long.toString(rows.get(limit - 1).id())));
        }
        return new Page<>(rows, next, total, true);
    }

    private AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(row.getLong("id"), Sql.instant(row, "occurred_at"), actor(row.getString("actor")),
                row.getString("action"), row.getString("entity_type"), row.getString("entity_id"),
                row.getString("reason"), json(row.getString("before_json")), json(row.getString("after_json")), null);
    }

    private static AuditEntry.Actor actor(String text) {
        Matcher m = ACTOR.matcher(text);
        if (m.matches()) {
            for (Role role : Role.values()) {
                if (role.code().equals(m.group(3))) {
                    return new AuditEntry.Actor(m.group(1), Long.parseLong(m.group(2)), role);
                }
            }
        }
        // Written by something other than AuditLog (a migration script): keep the text as the name.
        return new AuditEntry.Actor(text, 1, Role.ADMIN);
    }

    private Map<String, Object> json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return context.mapper().readValue(text, OBJECT);
        } catch (Exception e) {
            throw new IllegalStateException("An audit entry holds unreadable JSON", e);
        }
    }

    private static String oneOf(QueryParams p, String name, Set<String> allowed) {
        String value = p.string(name).orElse(null);
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.badParameter("query." + name, "INVALID_VALUE", "'" + value + "' is not a valid "
                    + name + ". Use one of: " + String.join(", ", allowed.stream().sorted().toList()) + ".");
        }
        return value;
    }
}
