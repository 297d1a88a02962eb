package io.spineconsole.sandbox;

import io.javalin.http.Context;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.tokens.RevokeRequest;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.ApiResponse;
import io.spineconsole.sandbox.http.Etags;
import io.spineconsole.sandbox.http.FieldErrors;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.QueryParams;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;

import java.util.List;

/** The audit log ({@code /api/v1/audit}) and token administration ({@code /api/v1/tokens}, admin only). */
final class AuditAndTokenRoutes implements RouteGroup {
    private final SandboxContext context;
    private final TokenStore tokens;
    private final AuditStore audit;

    AuditAndTokenRoutes(SandboxContext context, TokenStore tokens) {
        this.context = context;
        this.tokens = tokens;
        this.audit = new AuditStore(context.sql(), context.mapper());
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/v1/audit", Access.VIEWER, (ctx, caller) -> ApiResponse.ok(audit.page(AuditStore.search(ctx))));
        routes.get("/api/v1/audit/{auditId}", Access.VIEWER, (ctx, caller) -> {
            long id = positiveId(ctx, "auditId", "An audit entry id");
            QueryParams.of(ctx);
            AuditEntry entry = audit.get(id).orElseThrow(() -> ProblemException.notFound("Audit entry " + id));
            return ApiResponse.ok(entry);
        });

        routes.get("/api/v1/tokens", Access.ADMIN, (ctx, caller) -> {
            QueryParams q = QueryParams.of(ctx, "role", "includeRevoked", "limit", "cursor");
            return ApiResponse.ok(tokens.list(q.coded("role", Role.class).orElse(null),
                    q.bool("includeRevoked").orElse(false), q.integer("limit", 1, 500, 100),
                    q.string("cursor").orElse(null)));
        });
        // Not idempotent on purpose: a stored replay would have to keep the secret (see openapi.yaml).
        routes.post("/api/v1/tokens", Access.ADMIN, (ctx, caller) -> {
            QueryParams.of(ctx);
            TokenCreate body = Requests.body(ctx, context.mapper(), TokenCreate.class);
            FieldErrors errors = new FieldErrors();
            if (body.name() == null || body.name().isBlank()) {
                errors.add("/name", "REQUIRED", "Name the token's holder.");
            } else if (body.name().length() > 100) {
                errors.add("/name", "TOO_LONG", "A token name is at most 100 characters.");
            }
            if (body.role() == null) {
                errors.add("/role", "REQUIRED", "Give the token a role: viewer, operator or admin.");
            }
            if (body.expiresAt() != null && !body.expiresAt().isAfter(context.clock().instant())) {
                errors.add("/expiresAt", "OUT_OF_RANGE", "expiresAt must be in the future.");
            }
            errors.throwIfAny();
            TokenCreated created = context.sql().inTransaction(c -> {
                TokenCreated t = tokens.insert(c, body.name().trim(), body.role(), body.expiresAt(), caller.name());
                context.audit().record(c, caller, "create", "token", Long.toString(t.token().id()), null, null, t.token());
                return t;
            });
            return ApiResponse.created(created, "/api/v1/tokens/" + created.token().id())
                    .etag(created.token().version()).header("Cache-Control", "no-store");
        });
        routes.get("/api/v1/tokens/{tokenId}", Access.ADMIN, (ctx, caller) -> {
            long id = positiveId(ctx, "tokenId", "A token id");
            QueryParams.of(ctx);
            Token token = tokens.find(id).orElseThrow(() -> ProblemException.notFound("Token " + id));
            return ApiResponse.ok(token).etag(token.version());
        });
        routes.postIdempotent("/api/v1/tokens/{tokenId}/revoke", Access.ADMIN, (ctx, caller) -> {
            long id = positiveId(ctx, "tokenId", "A token id");
            QueryParams.of(ctx);
            long version = Etags.requireIfMatch(ctx);
            RevokeRequest body = Requests.body(ctx, context.mapper(), RevokeRequest.class);
            FieldErrors errors = new FieldErrors();
            if (body.reason() == null || body.reason().trim().length() < 3) {
                errors.add("/reason", body.reason() == null ? "REQUIRED" : "TOO_SHORT", "Say why, in at least 3 characters.");
            } else if (body.reason().length() > 500) {
                errors.add("/reason", "TOO_LONG", "A reason is at most 500 characters.");
            }
            errors.throwIfAny();
            Token revoked = context.sql().inTransaction(c -> {
                Token before = tokens.find(c, id).orElseThrow(() -> ProblemException.notFound("Token " + id));
                Etags.checkVersion(version, before.version(), before);
                if (before.revokedAt() != null) {
                    throw ProblemException.transitionRefused("Token " + id + " is already revoked.",
                            List.of(new ProblemException.FieldProblem("", "INVALID_TRANSITION", "The token is already revoked.")),
                            null);
                }
                if (before.role() == Role.ADMIN && tokens.otherUsableAdmins(c, id) == 0) {
                    throw ProblemException.transitionRefused("Token " + id + " is the last usable admin token; "
                                    + "issue another admin token first.",
                            List.of(new ProblemException.FieldProblem("", "LAST_ADMIN_TOKEN",
                                    "Revoking it would leave no one able to administer the server.")), null);
                }
                Token after = tokens.revoke(c, id, caller.name(), body.reason().trim());
                context.audit().record(c, caller, "revoke", "token", Long.toString(id), body.reason().trim(), before, after);
                return after;
            });
            return ApiResponse.ok(revoked).etag(revoked.version());
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
