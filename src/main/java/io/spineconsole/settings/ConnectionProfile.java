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
 * @param ssoIssuer         optional: the single sign-on (OpenID Connect) issuer people sign in through
 *                          instead of a token; null to sign in with a token
 * @param ssoClientId       with {@code ssoIssuer}: the console's client id at that issuer
 */
public record ConnectionProfile(String id, String name, EnvironmentKind kind, String url,
                                String trustStore, String clientCertificate, String ssoIssuer, String ssoClientId) {
    public static final String SANDBOX_ID = "sandbox";

    public ConnectionProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        trustStore = blankToNull(trustStore);
        clientCertificate = blankToNull(clientCertificate);
        ssoIssuer = blankToNull(ssoIssuer);
        ssoClientId = ssoIssuer == null ? null : blankToNull(ssoClientId);
    }

    /** With a token, not single sign-on. */
    public ConnectionProfile(String id, String name, EnvironmentKind kind, String url,
                             String trustStore, String clientCertificate) {
        this(id, name, kind, url, trustStore, clientCertificate, null, null);
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
        return new ConnectionProfile(id, name, kind, url, trustStorePath, clientCertificatePath, ssoIssuer, ssoClientId);
    }

    /** The same, people signing in through this single sign-on issuer (null: with a token). */
    public ConnectionProfile withSingleSignOn(String issuer, String clientId) {
        return new ConnectionProfile(id, name, kind, url, trustStore, clientCertificate, issuer, clientId);
    }

    @JsonIgnore // derived: whether people sign in through single sign-on rather than with a token
    public boolean usesSingleSignOn() {
        return ssoIssuer != null;
    }

    @JsonIgnore // derived from the id; not a stored field
    public boolean isSandbox() {
        return SANDBOX_ID.equals(id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
