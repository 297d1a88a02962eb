package io.spineconsole.sandbox;

import io.javalin.config.RoutesConfig;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.domain.ServerHealth;

/** Health, identity and the workspaces' headline summaries. */
final class SystemRoutes implements RouteGroup {
    /** The version of openapi.yaml this server implements. */
    static final String API_VERSION = "1.0.0";
    private final SummaryStore summaries;
    private final String mode;
    private final String database;

    SystemRoutes(SummaryStore summaries, String mode, String database) {
        this.summaries = summaries;
        this.mode = mode;
        this.database = database;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/health", ctx -> ctx.json(
                new ServerHealth("ok", BuildInfo.version(), API_VERSION, mode, database)), Access.PUBLIC);
        routes.get("/api/v1/me", ctx -> ctx.json(SandboxServer.principal(ctx)), Access.VIEWER);
        routes.get("/api/v1/registrations/summary", ctx -> ctx.json(summaries.registrations()), Access.VIEWER);
        routes.get("/api/v1/messages/summary", ctx -> ctx.json(summaries.messages()), Access.VIEWER);
        routes.get("/api/v1/migration/summary", ctx -> ctx.json(summaries.migration()), Access.VIEWER);
    }
}
