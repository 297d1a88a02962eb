package io.spineconsole.sandbox.http;

import io.javalin.security.RouteRole;
import io.spineconsole.domain.Role;

/** The least a caller must be to use a route. Every route declares one; there is no default. */
public enum Access implements RouteRole {
    /** No token needed (health only). */
    PUBLIC(null),
    VIEWER(Role.VIEWER),
    OPERATOR(Role.OPERATOR),
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    /** The role required, or null for a public route. */
    public Role role() {
        return role;
    }
}
