package io.spineconsole.sandbox.http;

/** A set of related admin API routes, registered through {@link Routes}. */
public interface RouteGroup {
    void register(Routes routes);
}
