package io.spineconsole.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;
import java.util.UUID;

/**
 * A named backbone to connect to. The sandbox profile has no URL: the console starts its own.
 * No token is ever part of a profile; tokens live in a {@link SecretStore}.
 */
public record ConnectionProfile(String id, String name, EnvironmentKind kind, String url) {
    public static final String SANDBOX_ID = "sandbox";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static ConnectionProfile sandbox() {
        return new ConnectionProfile(SANDBOX_ID, "Sandbox", EnvironmentKind.SANDBOX, null);
    }

    public static ConnectionProfile remote(String name, EnvironmentKind kind, String url) {
        return new ConnectionProfile(UUID.randomUUID().toString(), name, kind, url);
    }

    @JsonIgnore // derived from the id; not a stored field
    public boolean isSandbox() {
        return SANDBOX_ID.equals(id);
    }
}
