package io.spineconsole.sandbox;

import io.spineconsole.sandbox.http.RouteGroup;

import java.util.List;

/** Every route group the sandbox serves. One line per area of the admin API. */
final class RouteGroups {
    private RouteGroups() {
    }

    static List<RouteGroup> all(SandboxContext context, SummaryStore summaries, String mode, RouteGroup messages,
                                TokenStore tokens) {
        return List.of(
                new SystemRoutes(summaries, mode, context.databaseProduct()),
                new io.spineconsole.sandbox.migration.MigrationRoutes(context),
                new io.spineconsole.sandbox.http.registrations.RegistrationRoutes(context),
                messages,
                new AuditAndTokenRoutes(context, tokens));
    }
}
