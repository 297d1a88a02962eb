package io.spineconsole.sandbox;

import io.javalin.http.Context;
import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.http.Callers;

/**
 * The HTTP server moved to {@code sandbox.http.SandboxServer}; this keeps
 * {@code SandboxServer.principal(ctx)} callable by the registrations routes until they move to
 * {@code sandbox.http.registrations}.
 *
 * @deprecated removed when sandbox-registrations merges: use {@link Callers#principal}.
 */
@Deprecated(forRemoval = true)
public final class SandboxServer {
    private SandboxServer() {
    }

    /** @deprecated use {@link Callers#principal}. */
    @Deprecated(forRemoval = true)
    public static Principal principal(Context ctx) {
        return Callers.principal(ctx);
    }
}
