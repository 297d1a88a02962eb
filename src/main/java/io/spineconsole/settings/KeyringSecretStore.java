package io.spineconsole.settings;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Optional;

/**
 * Secrets in the OS credential store (Windows Credential Manager, macOS Keychain, the Secret
 * Service on Linux desktops) through java-keyring: service {@value #SERVICE}, one entry per
 * profile and secret ({@code <profile>/<secret>}).
 *
 * <p>Secrets an earlier run kept in the file store (no OS store was found then) are moved into
 * the OS store the first time they are read, and the file is deleted.
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    static final String SERVICE = "Spine Console";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private final Entries keyring;
    private final String description;
    private final SecretStore earlierFileStore;

    /** The OS store's entries as this class uses them; java-keyring's {@link Keyring} in the console. */
    interface Entries extends AutoCloseable {
        /** @throws PasswordAccessException when there is no such entry, or the store refused */
        String get(String service, String account) throws PasswordAccessException;

        void set(String service, String account, String value) throws PasswordAccessException;

        void delete(String service, String account) throws PasswordAccessException;

        /** Releases the connection to the store; never fails. */
        @Override
        void close();

        static Entries of(Keyring keyring) {
            return new Entries() {
                @Override
                public String get(String service, String account) throws PasswordAccessException {
                    return keyring.getPassword(service, account);
                }

                @Override
                public void set(String service, String account, String value) throws PasswordAccessException {
                    keyring.setPassword(service, account, value);
                }

                @Override
                public void delete(String service, String account) throws PasswordAccessException {
                    keyring.deletePassword(service, account);
                }

                @Override
                public void close() {
                    try {
                        keyring.close();
                    } catch (Exception e) {
                        LOG.debug("Closing the keyring failed", e);
                    }
                }
            };
        }
    }

    KeyringSecretStore(Keyring keyring, SecretStore earlierFileStore) {
        this(Entries.of(keyring), describe(keyring.getKeyringStorageType()), earlierFileStore);
    }

    KeyringSecretStore(Entries keyring, String description, SecretStore earlierFileStore) {
        this.keyring = keyring;
        this.description = description;
        this.earlierFileStore = earlierFileStore;
    }

    @Override
    public String description() {
        return description;
    }

    static String describe(KeyringStorageType type) {
        if (type == null) {
            return "OS credential store";
        }
        return switch (type) {
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case GNOME_KEYRING -> "Secret Service (desktop keyring)";
            case KWALLET -> "KDE Wallet";
        };
    }

    @Override
    public Optional<String> read(String profileId, Secret secret) throws IOException {
        String value = lookUp(account(profileId, secret));
        if (value != null && !value.isBlank()) {
            return Optional.of(value);
        }
        Optional<String> earlier = earlierFileStore.read(profileId, secret);
        if (earlier.isPresent()) {
            save(profileId, secret, earlier.get());
            earlierFileStore.delete(profileId, secret);
            LOG.info("Moved the {} of profile {} from the secrets file into the {}", secret.code(), profileId, description());
        }
        return earlier;
    }

    @Override
    public void save(String profileId, Secret secret, String value) throws IOException {
        try {
            keyring.set(SERVICE, account(profileId, secret), value);
        } catch (PasswordAccessException e) {
            throw new IOException("The " + description() + " refused to store the " + secret.code()
                    + " of profile " + profileId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String profileId, Secret secret) throws IOException {
        if (lookUp(account(profileId, secret)) != null) {
            try {
                keyring.delete(SERVICE, account(profileId, secret));
            } catch (PasswordAccessException e) {
                throw new IOException("The " + description() + " refused to delete the " + secret.code()
                        + " of profile " + profileId + ": " + e.getMessage(), e);
            }
        }
        earlierFileStore.delete(profileId, secret);
    }

    /**
     * The stored value, or null. The backends report "no such entry" as an access failure with
     * messages of their own, so any failure to read counts as "not stored" (the user is asked).
     */
    private String lookUp(String account) {
        try {
            return keyring.get(SERVICE, account);
        } catch (PasswordAccessException notStoredOrRefused) {
            LOG.debug("No entry {} in the {} ({})", account, description(), notStoredOrRefused.getMessage());
            return null;
        }
    }

    private static String account(String profileId, Secret secret) {
        return profileId + "/" + secret.code();
    }

    @Override
    public void close() {
        keyring.close();
    }
}
