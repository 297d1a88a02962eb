package io.spineconsole.domain;

/**
 * What an admin API says about itself, before any sign-in; {@code store} is null when the server
 * does not say how big its store is.
 */
public record ServerHealth(String status, String version, String apiVersion, String mode, String database,
                           StoreUsage store) {
    public ServerHealth(String status, String version, String apiVersion, String mode, String database) {
        this(status, version, apiVersion, mode, database, null);
    }
}
