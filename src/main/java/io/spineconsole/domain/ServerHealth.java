package io.spineconsole.domain;

/**
 * What an admin API says about itself, before any sign-in; {@code store} is null when the server
 * does not say how big its store is; {@code sandbox} is true only on a sandbox backbone, whose
 * traffic and scenarios an admin may drive (null or false on a real backbone).
 */
public record ServerHealth(String status, String version, String apiVersion, String mode, String database,
                           StoreUsage store, Boolean sandbox) {
    public ServerHealth(String status, String version, String apiVersion, String mode, String database) {
        this(status, version, apiVersion, mode, database, null, null);
    }

    public ServerHealth(String status, String version, String apiVersion, String mode, String database,
                        StoreUsage store) {
        this(status, version, apiVersion, mode, database, store, null);
    }

    /** True when the server says it is a sandbox: the only kind whose traffic and scenarios can be driven. */
    public boolean offersSandboxControls() {
        return Boolean.TRUE.equals(sandbox);
    }
}
