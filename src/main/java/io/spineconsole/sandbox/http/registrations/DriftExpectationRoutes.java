package io.spineconsole.sandbox.http.registrations;

import io.spineconsole.domain.registrations.RecordType;
import io.spineconsole.domain.sds.DriftExpectation;
import io.spineconsole.domain.sds.DriftExpectationCreate;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;
import io.spineconsole.sandbox.registrations.DriftExpectations;

import java.util.List;
import java.util.UUID;

import static io.spineconsole.sandbox.http.Callers.actor;

/** Drift rows marked as expected: listed by anyone, marked and un-marked by operators and admins, audited. */
public final class DriftExpectationRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/registrations/drift-expectations";
    private final SandboxContext context;
    private final DriftExpectations expectations;

    public DriftExpectationRoutes(SandboxContext context) {
        this.context = context;
        this.expectations = new DriftExpectations(context);
    }

    @Override
    public void register(Routes routes) {
        routes.get(BASE, Access.VIEWER, (ctx, caller) -> {
            QueryParams p = QueryParams.of(ctx, "type", "limit", "cursor");
            RecordType type = p.coded("type", RecordType.class).orElse(null);
            if (type == RecordType.ORGANISATION) {
                throw ProblemException.badParameter("query.type", "ENUM", "type is accredited-system or endpoint.");
            }
            int limit = p.integer("limit", 1, 500, 100);
            return ApiResponse.ok(expectations.list(type, p.cursor(), limit));
        });
        routes.postIdempotent(BASE, Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            DriftExpectation created = expectations.mark(actor(ctx),
                    Requests.body(ctx, context.mapper(), DriftExpectationCreate.class));
            return ApiResponse.created(created, BASE + "/" + created.id());
        });
        routes.delete(BASE + "/{expectationId}", Access.OPERATOR, (ctx, caller) -> {
            QueryParams.of(ctx);
            expectations.unmark(actor(ctx), expectationId(ctx.pathParam("expectationId")));
            return ApiResponse.noContent();
        });
    }

    private static UUID expectationId(String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            String message = "An expectation id is a UUID, for example 6f1c1e0a-8a6b-4a4e-9d2f-3b7c2f9e0b11.";
            throw new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Invalid identifier value", message,
                    List.of(new ProblemException.FieldProblem("path.expectationId", "PATTERN", message)), null);
        }
    }
}
