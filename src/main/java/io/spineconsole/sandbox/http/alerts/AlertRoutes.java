package io.spineconsole.sandbox.http.alerts;

import io.spineconsole.domain.alerts.Alert;
import io.spineconsole.domain.alerts.AlertQuery;
import io.spineconsole.domain.alerts.AlertRule;
import io.spineconsole.domain.alerts.AlertRuleDraft;
import io.spineconsole.domain.alerts.AlertRuleKind;
import io.spineconsole.domain.alerts.AlertState;
import io.spineconsole.domain.alerts.SnoozeRequest;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.alerts.AlertsModule;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.util.UUID;

import static io.spineconsole.sandbox.http.Callers.actor;

/**
 * Alert rules and alerts: anyone signed in reads them, operators acknowledge and snooze, admins create,
 * replace and delete rules (with {@code If-Match}). Every change is audited by the stores; changes to
 * alerts go out on the live stream.
 */
public final class AlertRoutes implements RouteGroup {
    private static final String RULES = "/api/v1/alert-rules";
    private static final String ALERTS = "/api/v1/alerts";
    private final SandboxContext context;
    private final AlertsModule alerts;

    public AlertRoutes(SandboxContext context, AlertsModule alerts) {
        this.context = context;
        this.alerts = alerts;
    }

    /** The body of an acknowledgement (public for the test that checks request bodies against openapi.yaml). */
    public record AcknowledgeBody(String note) {
    }

    @Override
    public void register(Routes routes) {
        routes.get(RULES, Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "limit", "cursor");
            return ApiResponse.ok(alerts.rules().list(p.cursor(), p.integer("limit", 1, 500, 100)));
        });
        routes.postIdempotent(RULES, Access.ADMIN, (ctx, caller) -> {
            AlertRule created = alerts.rules().create(actor(ctx), draft(ctx));
            return ApiResponse.created(created, RULES + "/" + created.id()).etag(created.version());
        });
        routes.get(RULES + "/{ruleId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            AlertRule rule = alerts.rules().get(QueryParams.pathUuid(ctx, "ruleId"));
            return ApiResponse.ok(rule).etag(rule.version());
        });
        routes.put(RULES + "/{ruleId}", Access.ADMIN, (ctx, caller) -> {
            UUID id = QueryParams.pathUuid(ctx, "ruleId");
            var version = Etags.ifMatch(ctx);
            AlertRule rule = alerts.rules().update(actor(ctx), id, version, draft(ctx));
            return ApiResponse.ok(rule).etag(rule.version());
        });
        routes.delete(RULES + "/{ruleId}", Access.ADMIN, (ctx, caller) -> {
            UUID id = QueryParams.pathUuid(ctx, "ruleId");
            alerts.deleteRule(actor(ctx), id, Etags.ifMatch(ctx));
            return ApiResponse.noContent();
        });
        routes.get(ALERTS, Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "state", "ruleId", "kind", "subject", "resolvedSince", "limit",
                    "cursor");
            String subject = p.string("subject").orElse(null);
            if (subject != null && subject.length() > 64) {
                throw ProblemException.badParameter("query.subject", "TOO_LONG",
                        "'subject' is an endpoint id, ODS code or component code of at most 64 characters.");
            }
            AlertQuery q = new AlertQuery(p.allCoded("state", AlertState.class),
                    p.string("ruleId").map(text -> QueryParams.uuid("query.ruleId", text)).orElse(null),
                    p.coded("kind", AlertRuleKind.class).orElse(null), subject, p.instant("resolvedSince").orElse(null),
                    null, null);
            return ApiResponse.ok(alerts.alerts().list(q, p.cursor(), p.integer("limit", 1, 500, 100)));
        });
        routes.get(ALERTS + "/{alertId}", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(alerts.alerts().get(QueryParams.pathUuid(ctx, "alertId")));
        });
        routes.postIdempotent(ALERTS + "/{alertId}/acknowledge", Access.OPERATOR, (ctx, caller) -> {
            UUID id = QueryParams.pathUuid(ctx, "alertId");
            AcknowledgeBody body = Requests.body(ctx, context.mapper(), AcknowledgeBody.class);
            Alert alert = alerts.actions().acknowledge(actor(ctx), id, body.note());
            return ApiResponse.ok(alert);
        });
        routes.postIdempotent(ALERTS + "/{alertId}/snooze", Access.OPERATOR, (ctx, caller) -> {
            UUID id = QueryParams.pathUuid(ctx, "alertId");
            SnoozeRequest body = Requests.body(ctx, context.mapper(), SnoozeRequest.class);
            return ApiResponse.ok(alerts.actions().snooze(actor(ctx), id, body));
        });
    }

    private AlertRuleDraft draft(io.javalin.http.Context ctx) {
        return Requests.body(ctx, context.mapper(), AlertRuleDraft.class);
    }
}
