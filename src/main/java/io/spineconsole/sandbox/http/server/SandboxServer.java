package io.spineconsole.sandbox.http.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.AuditLog;
import io.spineconsole.sandbox.TokenStore;
import io.spineconsole.sandbox.http.Access;
import io.spineconsole.sandbox.http.Callers;
import io.spineconsole.sandbox.http.Idempotency;
import io.spineconsole.sandbox.http.OutcomeProblems;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.RateLimit;
import io.spineconsole.sandbox.http.RequestLimiter;
import io.spineconsole.sandbox.http.Requests;
import io.spineconsole.sandbox.http.RouteGroup;
import io.spineconsole.sandbox.http.Routes;
import io.spineconsole.sandbox.outcome.Outcome;
import io.spineconsole.sandbox.sso.OidcTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sandbox backbone's HTTP server: the admin API routes behind bearer-token authentication,
 * with every failure answered as RFC 9457 problem details. A client's mistake is never a 5xx.
 */
public final class SandboxServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServer.class);
    static final String REQUEST_ID = "X-Request-Id";
    static final String IMPORT_PATH = "/api/v1/registrations/import";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private final Javalin app;
    private final ServerTls tls;
    private volatile String host;
    private volatile int port;

    /**
     * @param rateLimit  each token's request limit (429 beyond it)
     * @param afterWrite run after every successful write request, before its answer is sent: makes
     *                   the change durable, so that an acknowledged write survives a crash
     * @param tls        HTTPS (and client certificates, if it asks for them); null for plain HTTP
     * @param sso        single sign-on access tokens accepted beside API tokens; null for API tokens only
     */
    public SandboxServer(TokenStore tokens, Idempotency idempotency, ObjectMapper mapper, List<RouteGroup> groups,
                         RateLimit rateLimit, Runnable afterWrite, ServerTls tls, OidcTokens sso) {
        RequestLimiter limiter = new RequestLimiter(rateLimit);
        this.tls = tls;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            if (tls != null) {
                // the only connector: Javalin adds its plain one only when none is given
                config.jetty.addConnector((server, http) -> tls.connector(server, http, host, port));
            }
            config.http.maxRequestSize = Requests.MAX_IMPORT_BYTES;
            config.jsonMapper(new JavalinJackson(mapper, false));
            // What Jetty refuses before a route sees the request is problem+json too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(mapper)));
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler(mapper)));
            // Every answer carries a request id; problems name it as their instance.
            config.routes.before(ctx -> {
                // Refuse a body over its limit by its declared length, before anything reads it.
                long limit = IMPORT_PATH.equals(ctx.path())
                        ? Requests.importLimit(ctx.header(io.spineconsole.sandbox.http.Idempotency.HEADER) != null)
                        : Requests.MAX_JSON_BYTES;
                if (ctx.contentLength() > limit) {
                    ctx.header(REQUEST_ID, UUID.randomUUID().toString());
                    throw Requests.tooLarge(limit);
                }
                String requestId = UUID.randomUUID().toString();
                ctx.header(REQUEST_ID, requestId);
                Callers.handling(ctx, requestId);
            });
            config.routes.beforeMatched(ctx -> authorise(ctx, new Authenticator(tokens, sso), limiter));
            config.routes.after(ctx -> {
                if (WRITES.contains(ctx.method().name()) && ctx.statusCode() < 400) {
                    afterWrite.run();
                }
            });
            Routes routes = new Routes(config.routes, mapper, idempotency);
            groups.forEach(g -> g.register(routes));
            config.routes.exception(ProblemException.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(Outcome.class, (e, ctx) -> problem(ctx, OutcomeProblems.of(e)));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, fromJavalin(e)));
            config.routes.exception(JacksonException.class, (e, ctx) -> problem(ctx, new ProblemException(400,
                    "INVALID_REQUEST_BODY", "Invalid request body", "The request body is not valid JSON for this "
                    + "operation: " + e.getOriginalMessage())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                problem(ctx, new ProblemException(500, "INTERNAL_ERROR", "Internal error",
                        "The server failed to handle this request. It has been logged."));
            });
        });
    }

    /** Starts listening; {@code port} 0 picks a free port. Returns the port in use. */
    public int start(String host, int port) {
        if (tls == null) {
            app.start(host, port);
        } else {
            this.host = host;
            this.port = port;
            app.start();
        }
        return app.port();
    }

    /** Whether this server speaks HTTPS. */
    public boolean secure() {
        return tls != null;
    }

    /** Every route served, as {@code "GET /api/v1/me"}: the contract test checks each is in openapi.yaml. */
    public List<String> routes() {
        Set<String> methods = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint.method.toString() + " " + p.endpoint.path)
                .filter(r -> methods.contains(r.substring(0, r.indexOf(' '))))
                .distinct().sorted().toList();
    }

    /**
     * The access each served route declares, by route as in {@link #routes()}: the contract test
     * checks it against each operation's {@code x-required-role} and drives the role matrix from it.
     * A route that declares none maps to null (and answers 500: every route must declare one).
     */
    public Map<String, Access> routeAccess() {
        Map<String, Access> out = new java.util.TreeMap<>();
        Set<String> served = Set.copyOf(routes());
        app.unsafe.internalRouter.allHttpHandlers().forEach(p -> {
            String route = p.endpoint.method.toString() + " " + p.endpoint.path;
            if (served.contains(route)) {
                io.javalin.security.Roles roles = p.endpoint.metadata(io.javalin.security.Roles.class);
                out.put(route, roles == null ? null : roles.getRoles().stream().filter(Access.class::isInstance)
                        .map(Access.class::cast).findFirst().orElse(null));
            }
        });
        return out;
    }

    private static void authorise(Context ctx, Authenticator authenticator, RequestLimiter limiter) {
        Set<RouteRole> roles = ctx.routeRoles();
        Access access = roles.stream().filter(Access.class::isInstance).map(Access.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("Route " + ctx.path() + " declares no access"));
        if (access == Access.PUBLIC) {
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        Principal principal = authenticator.authenticate(token);
        limiter.admit(principal.tokenId());
        if (!principal.role().includes(access.role())) {
            throw new ProblemException(403, "ACCESS_DENIED", "Access denied", "This operation needs the "
                    + access.role().code() + " role; " + (principal.signedIn() ? principal.name() + " has" : "the token has")
                    + " the " + principal.role().code() + " role.");
        }
        Callers.authenticated(ctx, principal);
    }

    private static ProblemException fromJavalin(HttpResponseException e) {
        int status = e.getStatus();
        return switch (status) {
            case 404 -> new ProblemException(404, "NO_RECORD_FOUND", "Not found", "There is no such resource.");
            case 405 -> new ProblemException(405, "METHOD_NOT_ALLOWED", "Method not allowed",
                    "This resource does not support that method.");
            case 413 -> Requests.tooLarge(Requests.MAX_IMPORT_BYTES);
            case 415 -> new ProblemException(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
                    "Send the request body as application/json.");
            default -> new ProblemException(status, status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST",
                    status >= 500 ? "Internal error" : "Bad request", e.getMessage());
        };
    }

    private static void problem(Context ctx, ProblemException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        String requestId = ctx.res().getHeader(REQUEST_ID);
        if (requestId != null) {
            body.put("instance", "urn:uuid:" + requestId);
        }
        body.put("code", e.code());
        body.put("errors", e.errors());
        if (e.current() != null) {
            body.put("current", e.current());
        }
        body.putAll(e.members());
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(body).contentType("application/problem+json");
    }

    @Override
    public void close() {
        app.stop();
    }
}
