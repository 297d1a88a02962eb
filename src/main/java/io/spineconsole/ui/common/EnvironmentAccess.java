package io.spineconsole.ui.common;

import io.spineconsole.api.BackboneApi;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin connection profiles a view may open besides the one the console is connected to, for comparing two
 * environments (INT and LIVE): their names, and a way to open a connection to one (signed in with its stored
 * token). Whoever opens one closes it. Provided by the composition root; none in tests that do not need it.
 */
public final class EnvironmentAccess {
    /** A profile to choose: its id and its name as the user gave it. */
    public record Environment(String id, String name) {
        public Environment {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Supplier<List<Environment>> environments;
    private final Function<String, CompletableFuture<BackboneApi>> open;

    private EnvironmentAccess(Supplier<List<Environment>> environments, Function<String, CompletableFuture<BackboneApi>> open) {
        this.environments = environments;
        this.open = open;
    }

    /** No profiles to compare. */
    public static EnvironmentAccess none() {
        return new EnvironmentAccess(List::of, id -> CompletableFuture.failedFuture(
                new IllegalStateException("No connection profile " + id)));
    }

    /**
     * @param environments the profiles as they are now (read each time a view asks)
     * @param open         opens a connection to the profile with this id, without blocking
     */
    public static EnvironmentAccess of(Supplier<List<Environment>> environments,
                                       Function<String, CompletableFuture<BackboneApi>> open) {
        return new EnvironmentAccess(environments, open);
    }

    public List<Environment> environments() {
        return List.copyOf(environments.get());
    }

    /** Opens a connection to {@code environment}; the caller closes it. */
    public CompletableFuture<BackboneApi> open(Environment environment) {
        return open.apply(environment.id());
    }
}
