package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.spineconsole.domain.Principal;


/**
 * Registers admin API routes. Every route names its {@link Access}; handlers return an
 * {@link ApiResponse}. Creating and acting POSTs go through {@link #postIdempotent}, which honours
 * {@code Idempotency-Key}.
 */
public final class Routes {
    private final RoutesConfig routes;
    private final ObjectMapper mapper;
    private final Idempotency idempotency;

    public Routes(RoutesConfig routes, ObjectMapper mapper, Idempotency idempotency) {
        this.routes = routes;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The raw Javalin routes, for what {@link ApiHandler} does not fit (server-sent events, streams). */
    public RoutesConfig raw() {
        return routes;
    }

    public void get(String path, Access access, ApiHandler handler) {
        routes.get(path, adapt(handler), access);
    }

    /** A PUT; it takes no query parameters (any is a 400, so a typo is never ignored). */
    public void put(String path, Access access, ApiHandler handler) {
        routes.put(path, adapt(noQuery(handler)), access);
    }

    /** A PATCH; it takes no query parameters. */
    public void patch(String path, Access access, ApiHandler handler) {
        routes.patch(path, adapt(noQuery(handler)), access);
    }

    /** A DELETE; it takes no query parameters. */
    public void delete(String path, Access access, ApiHandler handler) {
        routes.delete(path, adapt(noQuery(handler)), access);
    }

    /** A POST that changes nothing (a query with a body, a dry run); no idempotency needed. */
    public void post(String path, Access access, ApiHandler handler) {
        routes.post(path, adapt(handler), access);
    }

    /**
     * A creating or acting POST: a retry with the same Idempotency-Key gets the first answer. It
     * takes no query parameters; {@link #postIdempotentWithQuery} is for one that reads its own.
     */
    public void postIdempotent(String path, Access access, ApiHandler handler) {
        postIdempotentWithQuery(path, access, noQuery(handler));
    }

    /**
     * A creating or acting POST whose handler reads (and strictly checks) its query parameters. With an
     * {@code Idempotency-Key}, the handler runs once per key ({@link Idempotency}): inside one transaction
     * with the key's reservation and its kept answer, so every store call it makes commits with them.
     */
    public void postIdempotentWithQuery(String path, Access access, ApiHandler handler) {
        routes.post(path, ctx -> {
            Principal caller = Callers.principal(ctx);
            String key = ctx.header(Idempotency.HEADER);
            if (key == null) {
                // Not kept for a replay: the answer is written as it is made (an import's report of 100,000 entries).
                ApiResponse answer = handler.handle(ctx, caller);
                answer.headers().forEach(ctx::header);
                ctx.status(answer.status());
                if (answer.body() != null) {
                    ctx.jsonStream(answer.body());
                }
                return;
            }
            Idempotency.checkKey(key);
            String scope = ctx.method() + " " + ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
            Idempotency.Request request = new Idempotency.Request(caller.tokenId(), scope, key,
                    Idempotency.hash(ctx.bodyAsBytes()));
            ApiResponse[] first = new ApiResponse[1];
            Idempotency.Result result = idempotency.once(request, () -> {
                ApiResponse answer = handler.handle(ctx, caller);
                first[0] = answer;
                return new Idempotency.Answer(answer.status(),
                        answer.body() == null ? null : mapper.writeValueAsString(answer.body()),
                        answer.headers().get("Location"), answer.headers().get("ETag"));
            });
            if (result.replayed()) {
                ctx.header("Idempotent-Replayed", "true");
            } else {
                first[0].headers().forEach(ctx::header);
            }
            Idempotency.Answer answer = result.answer();
            if (answer.location() != null) {
                ctx.header("Location", answer.location());
            }
            if (answer.etag() != null) {
                ctx.header("ETag", answer.etag());
            }
            ctx.status(answer.status());
            if (answer.body() != null) {
                ctx.contentType("application/json").result(answer.body());
            }
        }, access);
    }

    private static ApiHandler noQuery(ApiHandler handler) {
        return (ctx, caller) -> {
            QueryParams.of(ctx);
            return handler.handle(ctx, caller);
        };
    }

    private Handler adapt(ApiHandler handler) {
        return ctx -> write(ctx, handler.handle(ctx, Callers.principal(ctx)));
    }

    private static void write(Context ctx, ApiResponse answer) {
        answer.headers().forEach(ctx::header);
        ctx.status(answer.status());
        if (answer.body() != null) {
            ctx.json(answer.body());
        }
    }
}
