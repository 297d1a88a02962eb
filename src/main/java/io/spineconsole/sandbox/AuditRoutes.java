package io.spineconsole.sandbox;

import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The audit log search ({@code GET /api/v1/audit}). Per-record histories live with their records' routes. */
final class AuditRoutes implements RouteGroup {
    /** EntityType in openapi.yaml. */
    static final Set<String> ENTITY_TYPES = Set.of("organisation", "accredited-system", "endpoint", "message",
            "redelivery-job", "site", "component", "wave", "runbook-step", "checklist-item", "site-checklist", "token");
    /** AuditAction in openapi.yaml. */
    static final Set<String> ACTIONS = Set.of("create", "update", "delete", "transition", "import", "export",
            "redeliver", "cancel", "sign-off", "revoke", "view-payload");
    private final AuditTrail trail;

    AuditRoutes(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/v1/audit", Access.VIEWER, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "entityType", "entityId", "actor", "action", "from", "to", "sort",
                    "limit", "cursor");
            Optional<String> type = q.string("entityType");
            type.ifPresent(t -> oneOf("entityType", t, ENTITY_TYPES));
            Optional<String> id = q.string("entityId");
            if (id.isPresent() && type.isEmpty()) {
                throw ProblemException.badParameter("query.entityId", "REQUIRES_ENTITY_TYPE",
                        "'entityId' needs 'entityType' (an id alone could name records of several types).");
            }
            id.ifPresent(v -> maxLength("entityId", v, 100));
            Optional<String> actor = q.string("actor");
            actor.ifPresent(v -> maxLength("actor", v, 100));
            Optional<String> action = q.string("action");
            action.ifPresent(a -> oneOf("action", a, ACTIONS));
            String sort = q.string("sort").orElse("-at");
            oneOf("sort", sort, Set.of("-at", "at"));
            List<AuditTrail.Subject> subjects = type.map(t -> List.of(new AuditTrail.Subject(t, id.orElse(null), false)))
                    .orElse(List.of());
            return ApiResponse.ok(trail.search(new AuditTrail.Search(subjects, actor.orElse(null), action.orElse(null),
                    q.instant("from").orElse(null), q.instant("to").orElse(null), sort.equals("at"),
                    q.integer("limit", 1, 500, 100), q.string("cursor").orElse(null))));
        });
    }

    /** A 400 naming the allowed values when {@code value} is not one of them. */
    static void oneOf(String name, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw ProblemException.badParameter("query." + name, "INVALID_VALUE", "'" + value + "' is not a valid "
                    + name + ". Use one of: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
        }
    }

    private static void maxLength(String name, String value, int max) {
        if (value.length() > max) {
            throw ProblemException.badParameter("query." + name, "TOO_LONG", "'" + name + "' must be at most " + max
                    + " characters.");
        }
    }
}
