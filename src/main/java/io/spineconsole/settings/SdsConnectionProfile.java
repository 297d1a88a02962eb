package io.spineconsole.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.spineconsole.domain.sds.SdsEnvironment;

import java.util.Objects;
import java.util.UUID;

/**
 * A connection to the Spine Directory Service's FHIR API: a second kind of connection profile,
 * beside the backbone's. The environment gives the base URL (as the published API lists them).
 * The API key is never part of a profile: it is kept in the {@link SecretStore} under
 * {@link SecretStore.Secret#SDS_API_KEY}.
 *
 * @param requestsPerSecond the pace to keep, as the application's rate limit allows; null for the
 *                          default ({@value #DEFAULT_REQUESTS_PER_SECOND} a second)
 */
public record SdsConnectionProfile(String id, String name, SdsEnvironment environment, Double requestsPerSecond) {
    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;

    public SdsConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        if (requestsPerSecond != null && !(requestsPerSecond > 0 && requestsPerSecond <= 1000)) {
            throw new IllegalArgumentException("The pace must be between 0 and 1000 requests a second, not "
                    + requestsPerSecond + ".");
        }
    }

    public static SdsConnectionProfile create(String name, SdsEnvironment environment) {
        return new SdsConnectionProfile(UUID.randomUUID().toString(), name, environment, null);
    }

    public SdsConnectionProfile withPace(Double perSecond) {
        return new SdsConnectionProfile(id, name, environment, perSecond);
    }

    @JsonIgnore // derived from the environment
    public String baseUrl() {
        return environment.baseUrl();
    }

    /** The pace to keep, in requests a second. */
    @JsonIgnore
    public double pace() {
        return requestsPerSecond == null ? DEFAULT_REQUESTS_PER_SECOND : requestsPerSecond;
    }

    /** The sandbox takes any key; every other environment needs the application's own. */
    @JsonIgnore
    public boolean needsApiKey() {
        return environment != SdsEnvironment.SANDBOX;
    }
}
