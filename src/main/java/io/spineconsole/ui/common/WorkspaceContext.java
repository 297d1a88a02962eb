package io.spineconsole.ui.common;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.EnvironmentKind;

import java.util.Objects;

/**
 * What a workspace needs of the open session: the API, who is signed in (to reflect, never decide,
 * what they may do: the server decides), and which environment it is (a LIVE one asks for its name
 * before a destructive action).
 *
 * @param profileId       the connection profile's id, for what is remembered per environment
 * @param environmentName the profile's name as the user gave it (typed to confirm on LIVE)
 */
public record WorkspaceContext(BackboneApi api, Principal principal, String profileId, String environmentName,
                               EnvironmentKind environment) {
    public WorkspaceContext {
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(environmentName, "environmentName");
        Objects.requireNonNull(environment, "environment");
    }

    /** True when the signed-in role includes {@code needed}: enables the UI's actions, nothing more. */
    public boolean may(Role needed) {
        return principal.role().includes(needed);
    }

    public boolean isLive() {
        return environment.isLive();
    }
}
