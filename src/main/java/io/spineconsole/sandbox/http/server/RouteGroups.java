package io.spineconsole.sandbox.http.server;

import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.SummaryStore;
import io.spineconsole.sandbox.TokenStore;
import io.spineconsole.sandbox.alerts.AlertsModule;
import io.spineconsole.sandbox.http.alerts.AlertRoutes;
import io.spineconsole.sandbox.drive.DriveModule;
import io.spineconsole.sandbox.http.drive.DriveRoutes;
import io.spineconsole.sandbox.http.AuditAndTokenRoutes;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.SystemRoutes;
import io.spineconsole.sandbox.http.messages.MessageRoutes;
import io.spineconsole.sandbox.http.migration.MigrationRoutes;
import io.spineconsole.sandbox.messages.MessagesModule;
import io.spineconsole.sandbox.http.registrations.DriftExpectationRoutes;
import io.spineconsole.sandbox.http.registrations.RegistrationRoutes;

import java.util.List;

/** Every route group the sandbox serves. One line per area of the admin API. */
final class RouteGroups {
    private RouteGroups() {
    }

    static List<RouteGroup> all(SandboxContext context, SummaryStore summaries, String mode, MessagesModule messages,
                                DriveModule drive, AlertsModule alerts, TokenStore tokens,
                                java.util.function.Supplier<io.spineconsole.domain.StoreUsage> store) {
        return List.of(
                new SystemRoutes(summaries, mode, context.databaseProduct(), store),
                new MigrationRoutes(context),
                new RegistrationRoutes(context),
                new DriftExpectationRoutes(context),
                new MessageRoutes(context, messages),
                new AlertRoutes(context, alerts),
                new AuditAndTokenRoutes(context, tokens),
                new DriveRoutes(context, drive));
    }
}
