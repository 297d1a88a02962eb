package io.spineconsole.sandbox.http;

import io.spineconsole.domain.ServerHealth;
import io.spineconsole.domain.StoreUsage;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.sandbox.SummaryStore;

/** Health, identity and the workspaces' headline summaries. */
public final class SystemRoutes implements RouteGroup {
    /** The version of openapi.yaml this server implements. */
    static final String API_VERSION = "1.0.0";
    private final SummaryStore summaries;
    private final String mode;
    private final String database;
    private final java.util.function.Supplier<StoreUsage> store;

    public SystemRoutes(SummaryStore summaries, String mode, String database) {
        this(summaries, mode, database, () -> null);
    }

    /** @param store the store's size and retention (measured no more often than it likes) */
    public SystemRoutes(SummaryStore summaries, String mode, String database,
                        java.util.function.Supplier<StoreUsage> store) {
        this.summaries = summaries;
        this.mode = mode;
        this.database = database;
        this.store = store;
    }

    /** openapi.yaml's {@code Me}: a person signed in through single sign-on has a subject and no token. */
    private record Me(String name, io.spineconsole.domain.Role role, Long tokenId, String owner, String subject) {
    }

    @Override
    public void register(Routes routes) {
        // None of these takes a query parameter: any is refused, as everywhere else.
        routes.get("/api/v1/health", Access.PUBLIC, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(new ServerHealth("ok", BuildInfo.version(), API_VERSION, mode, database,
                    store.get(), true));
        });
        routes.get("/api/v1/me", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(new Me(caller.name(), caller.role(), caller.signedIn() ? null : caller.tokenId(),
                    caller.owner(), caller.subject()));
        });
        routes.get("/api/v1/registrations/summary", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(summaries.registrations());
        });
        routes.get("/api/v1/messages/summary", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(summaries.messages());
        });
        routes.get("/api/v1/migration/summary", Access.VIEWER, (ctx, caller) -> {
            QueryParams.of(ctx);
            return ApiResponse.ok(summaries.migration());
        });
    }
}
