package io.spineconsole.settings;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Objects;
import java.util.UUID;

/**
 * A named backbone to connect to. The sandbox profile has no URL: the console starts its own.
 * No secret is ever part of a profile: the token and the passwords that open the trust store and
 * client certificate live in a {@link SecretStore}.
 *
 * @param trustStore        optional: the CA certificates to trust for this server instead of the
 *                          system's (a PEM file, or a PKCS#12 or JKS store); null for the system's
 * @param clientCertificate optional: a PKCS#12 file with the private key and certificate chain the
 *                          console presents for mutual TLS, as Spine endpoints require; null for none
 */
public record ConnectionProfile(String id, String name, EnvironmentKind kind, String url,
                                String trustStore, String clientCertificate) {
    public static final String SANDBOX_ID = "sandbox";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        trustStore = blankToNull(trustStore);
        clientCertificate = blankToNull(clientCertificate);
    }

    /** A profile on the system's trusted CAs, with no client certificate. */
    public ConnectionProfile(String id, String name, EnvironmentKind kind, String url) {
        this(id, name, kind, url, null, null);
    }

    public static ConnectionProfile sandbox() {
        return new ConnectionProfile(SANDBOX_ID, "Sandbox", EnvironmentKind.SANDBOX, null);
    }

    public static ConnectionProfile remote(String name, EnvironmentKind kind, String url) {
        return new ConnectionProfile(UUID.randomUUID().toString(), name, kind, url);
    }

    public ConnectionProfile withTls(String trustStorePath, String clientCertificatePath) {
        return new ConnectionProfile(id, name, kind, url, trustStorePath, clientCertificatePath);
    }

    @JsonIgnore // derived from the id; not a stored field
    public boolean isSandbox() {
        return SANDBOX_ID.equals(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
