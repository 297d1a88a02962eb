package io.spineconsole.sandbox;

import io.javalin.http.Context;
import io.spineconsole.sandbox.http.AuditQueries;

/**
 * Keeps {@code AuditStore.history(ctx, ...)} callable by the registrations routes, which read their
 * history query through it, until they move to {@code sandbox.http.registrations}. The query is read
 * by {@link AuditQueries} now; the store itself no longer sees a request.
 *
 * @deprecated removed when sandbox-registrations merges (and {@code AuditStore} stops extending it).
 */
@Deprecated(forRemoval = true)
public abstract class RegistrationsAuditBridge {
    RegistrationsAuditBridge() {
    }

    /** @deprecated use {@link AuditQueries#history}. */
    @Deprecated(forRemoval = true)
    public static AuditStore.Query history(Context ctx, String entityType, String entityId,
                                           AuditStore.Subject... parts) {
        return AuditQueries.history(ctx, entityType, entityId, parts);
    }
}
