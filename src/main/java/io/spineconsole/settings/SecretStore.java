package io.spineconsole.settings;

import java.io.IOException;
import java.util.Optional;

/**
 * Keeps secrets out of the settings file: each profile's bearer token and the passwords that open
 * its TLS trust store and client certificate, and each SDS connection's API key. Implementations:
 * {@link KeyringSecretStore} (the OS credential store) and {@link FileSecretStore} (a file only the
 * user can read), chosen by {@link SecretStores}.
 */
public interface SecretStore {

    /** The secrets a profile may have; each is stored under its own entry. */
    enum Secret {
        TOKEN("token"),
        TRUST_STORE_PASSWORD("trust-store-password"),
        CLIENT_CERTIFICATE_PASSWORD("client-certificate-password"),
        /** The API key of an SDS connection ({@link SdsConnectionProfile}). */
        SDS_API_KEY("sds-api-key"),
        /** The refresh token of a profile's single sign-on: the next start signs in without the browser. */
        SSO_REFRESH_TOKEN("sso-refresh-token");

        private final String code;

        Secret(String code) {
            this.code = code;
        }

        /** The entry's name in a store, for example {@code token}. */
        public String code() {
            return code;
        }
    }

    /** Where secrets are kept, for the UI to say (for example "Windows Credential Manager"). */
    String description();

    Optional<String> read(String profileId, Secret secret) throws IOException;

    void save(String profileId, Secret secret, String value) throws IOException;

    /** Removes the entry; nothing happens when there is none. */
    void delete(String profileId, Secret secret) throws IOException;

    default Optional<String> token(String profileId) throws IOException {
        return read(profileId, Secret.TOKEN);
    }

    default void saveToken(String profileId, String token) throws IOException {
        save(profileId, Secret.TOKEN, token);
    }

    default void deleteToken(String profileId) throws IOException {
        delete(profileId, Secret.TOKEN);
    }

    default Optional<String> sdsApiKey(String sdsProfileId) throws IOException {
        return read(sdsProfileId, Secret.SDS_API_KEY);
    }

    default void saveSdsApiKey(String sdsProfileId, String apiKey) throws IOException {
        save(sdsProfileId, Secret.SDS_API_KEY, apiKey);
    }

    /** Removes every secret of a profile that is being deleted. */
    default void deleteAll(String profileId) throws IOException {
        for (Secret secret : Secret.values()) {
            delete(profileId, secret);
        }
    }
}
