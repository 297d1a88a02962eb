package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.tokens.RevokeRequest;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.domain.tokens.TokenExpiry;
import io.spineconsole.sandbox.AuditStore;
import io.spineconsole.sandbox.SandboxContext;
import io.spineconsole.sandbox.TokenStore;
import io.spineconsole.sandbox.outcome.Version;

import java.util.List;

/** The audit log ({@code /api/v1/audit}) and token administration ({@code /api/v1/tokens}, admin only). */
public final class AuditAndTokenRoutes implements RouteGroup {
    private final SandboxContext context;
    private final TokenStore tokens;
    private final AuditStore audit;

    public AuditAndTokenRoutes(SandboxContext context, TokenStore tokens) {
        this.context = context;
        this.tokens = tokens;
        this.audit = new AuditStore(context.sql(), context.mapper());
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/v1/audit", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(audit.page(AuditQueries.search(ctx))));
        // before /api/v1/audit/{auditId}, which would otherwise take "export" for an id
        routes.raw().get("/api/v1/audit/export", new AuditExportRoute(audit, context)::handle, Access.ADMIN);
        routes.get("/api/v1/audit/{auditId}", Access.VIEWER, (ctx, caller) -> {
            long id = positiveId(ctx, "auditId", "An audit entry id");
            QueryParams.of(ctx);
            AuditEntry entry = audit.get(id);
            return ApiResponse.ok(entry);
        });

        routes.get("/api/v1/tokens", Access.ADMIN, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "role", "includeRevoked", "limit", "cursor");
            return ApiResponse.ok(tokens.list(q.coded("role", Role.class).orElse(null),
                    q.bool("includeRevoked").orElse(false), q.integer("limit", 1, 500, 100), q.cursor()));
        });
        // Not idempotent on purpose: a stored replay would have to keep the secret (see openapi.yaml).
        routes.post("/api/v1/tokens", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            TokenCreated created = tokens.issue(Callers.actor(ctx), Requests.body(ctx, context.mapper(), TokenCreate.class));
            return ApiResponse.created(created, "/api/v1/tokens/" + created.token().id())
                    .etag(created.token().version()).header("Cache-Control", "no-store");
        });
        routes.get("/api/v1/tokens/{tokenId}", Access.ADMIN, (ctx, caller) -> {
            long id = positiveId(ctx, "tokenId", "A token id");
            QueryParams.of(ctx);
            Token token = tokens.get(id);
            return ApiResponse.ok(token).etag(token.version());
        });
        routes.postIdempotent("/api/v1/tokens/{tokenId}/revoke", Access.ADMIN, (ctx, caller) -> {
            long id = positiveId(ctx, "tokenId", "A token id");
            QueryParams.of(ctx);
            Version version = Etags.ifMatch(ctx);
            RevokeRequest body = Requests.body(ctx, context.mapper(), RevokeRequest.class);
            Token revoked = tokens.revoke(Callers.actor(ctx), id, version, body.reason());
            return ApiResponse.ok(revoked).etag(revoked.version());
        });
        routes.postIdempotent("/api/v1/tokens/{tokenId}/expiry", Access.ADMIN, (ctx, caller) -> {
            long id = positiveId(ctx, "tokenId", "A token id");
            QueryParams.of(ctx);
            Version version = Etags.ifMatch(ctx);
            TokenExpiry body = Requests.body(ctx, context.mapper(), TokenExpiry.class);
            Token changed = tokens.setExpiry(Callers.actor(ctx), id, version, body.expiresAt(), body.reason());
            return ApiResponse.ok(changed).etag(changed.version());
        });
    }

    /** A positive whole-number id from the path, or 400 INVALID_IDENTIFIER_VALUE. */
    static long positiveId(Context ctx, String name, String what) {
        String text = ctx.pathParam(name);
        try {
            long id = Long.parseLong(text);
            if (id < 1 || !text.equals(Long.toString(id))) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            String message = what + " is a whole number from 1, not '" + text + "'.";
            throw new ProblemException(400, "INVALID_IDENTIFIER_VALUE", "Invalid identifier value", message,
                    List.of(new ProblemException.FieldProblem("path." + name, "PATTERN", message)), null);
        }
    }
}
