package io.spineconsole.sandbox.http;

import io.javalin.http.Context;
import io.spineconsole.domain.Principal;

/** A route's logic: reads the request, acts as the authenticated caller, returns the answer. */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(Context ctx, Principal caller) throws Exception;
}
