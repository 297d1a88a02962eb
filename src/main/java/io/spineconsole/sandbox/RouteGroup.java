package io.spineconsole.sandbox;

import io.javalin.config.RoutesConfig;

/** A set of related admin API routes. Each route names its {@link Access}. */
public interface RouteGroup {
    void register(RoutesConfig routes);
}
