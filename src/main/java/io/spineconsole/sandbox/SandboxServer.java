package io.spineconsole.sandbox;

import io.javalin.http.Context;
import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.http.Callers;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.http.Requests;

/**
 * The HTTP server moved to {@code sandbox.http.server.SandboxServer}; this keeps what the
 * registrations routes call on it ({@code principal}, the body limits, {@code tooLarge}) callable
 * until they are switched to {@link Callers} and {@link Requests}.
 *
 * @deprecated removed when sandbox-registrations merges: use {@link Callers} and {@link Requests}.
 */
@Deprecated(forRemoval = true)
public final class SandboxServer {
    /** @deprecated use {@link Requests#MAX_JSON_BYTES}. */
    @Deprecated(forRemoval = true)
    public static final long MAX_JSON_BYTES = Requests.MAX_JSON_BYTES;
    /** @deprecated use {@link Requests#MAX_IMPORT_BYTES}. */
    @Deprecated(forRemoval = true)
    public static final long MAX_IMPORT_BYTES = Requests.MAX_IMPORT_BYTES;

    private SandboxServer() {
    }

    /** @deprecated use {@link Callers#principal}. */
    @Deprecated(forRemoval = true)
    public static Principal principal(Context ctx) {
        return Callers.principal(ctx);
    }

    /** @deprecated use {@link Requests#tooLarge}. */
    @Deprecated(forRemoval = true)
    public static ProblemException tooLarge(long limit) {
        return Requests.tooLarge(limit);
    }
}
