package io.spineconsole.sandbox;

import io.spineconsole.domain.Principal;

import java.util.Objects;

/**
 * Who acts, and through which request: what a change is audited under. {@code requestId} is the
 * {@code X-Request-Id} of the request that made the change, or null when no request did (seeding,
 * a background job working through its items).
 */
public record Actor(Principal principal, String requestId) {
    public Actor {
        Objects.requireNonNull(principal, "principal");
    }

    /** The same person, acting outside any request (a job carrying on after the request that started it). */
    public Actor outsideRequest() {
        return new Actor(principal, null);
    }

    public String name() {
        return principal.name();
    }
}
