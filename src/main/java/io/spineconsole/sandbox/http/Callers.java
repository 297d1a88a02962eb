package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.Actor;

/**
 * Who is calling: the principal the server authenticated for the request, and the
 * request's id. Routes hand stores an {@link Actor} made of the two, so every change is audited
 * under the person and the request that made it.
 */
public final class Callers {
    private static final String PRINCIPAL = "principal";
    private static final String REQUEST_ID = "requestId";

    private Callers() {
    }

    /** The caller, as authenticated for this request (every non-public route has one). */
    public static Principal principal(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    /** The request's {@code X-Request-Id}. */
    public static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }

    /** The caller acting through this request. */
    public static Actor actor(Context ctx) {
        return new Actor(principal(ctx), requestId(ctx));
    }

    /** For the server: names the request, as it starts. */
    public static void handling(Context ctx, String requestId) {
        ctx.attribute(REQUEST_ID, requestId);
    }

    /** For the server: the principal it authenticated the request as. */
    public static void authenticated(Context ctx, Principal principal) {
        ctx.attribute(PRINCIPAL, principal);
    }
}
