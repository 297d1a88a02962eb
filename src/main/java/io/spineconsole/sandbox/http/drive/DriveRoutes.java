package io.spineconsole.sandbox.http.drive;

import io.javalin.http.Context;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficChange;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.drive.DriveModule;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.spineconsole.sandbox.http.Callers.actor;

/**
 * The admin API's sandbox operations (openapi.yaml tag "sandbox"): the live traffic rate and the
 * incident scenarios. Admins only; every change is audited. A backbone that is not a sandbox does
 * not serve these (it answers {@code NOT_A_SANDBOX}); this one always is.
 */
public final class DriveRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/sandbox";
    private final SandboxContext context;
    private final DriveModule drive;

    public DriveRoutes(SandboxContext context, DriveModule drive) {
        this.context = context;
        this.drive = drive;
    }

    @Override
    public void register(Routes routes) {
        routes.get(BASE + "/traffic", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(drive.traffic().setting());
        });
        routes.put(BASE + "/traffic", Access.ADMIN, (ctx, caller) -> ApiResponse.ok(drive.traffic()
                .change(actor(ctx), Requests.body(ctx, context.mapper(), TrafficChange.class))));
        routes.get(BASE + "/scenarios", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(Map.of("items", drive.scenarios().catalogue()));
        });
        routes.get(BASE + "/scenario-runs", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            List<ScenarioRun> runs = drive.scenarios().list();
            return ApiResponse.ok(Map.of("items", runs));
        });
        routes.postIdempotent(BASE + "/scenario-runs", Access.ADMIN, (ctx, caller) -> {
            ScenarioRun run = drive.scenarios().start(actor(ctx),
                    Requests.body(ctx, context.mapper(), ScenarioStart.class));
            return ApiResponse.created(run, BASE + "/scenario-runs/" + run.runId());
        });
        routes.get(BASE + "/scenario-runs/{runId}", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(drive.scenarios().get(runId(ctx)));
        });
        routes.postIdempotent(BASE + "/scenario-runs/{runId}/stop", Access.ADMIN, (ctx, caller) ->
                ApiResponse.ok(drive.scenarios().stop(actor(ctx), runId(ctx))));
    }

    private static UUID runId(Context ctx) {
        String text = ctx.pathParam("runId");
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        String message = "'" + text + "' is not a scenario run id (a UUID such as 7D9B3C2E-1A4F-4E8B-9C6D-2F5A8B1E3C70).";
        throw new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Bad request", message,
                List.of(new ProblemException.FieldProblem("path.runId", "INVALID_IDENTIFIER_VALUE", message)), null);
    }
}
