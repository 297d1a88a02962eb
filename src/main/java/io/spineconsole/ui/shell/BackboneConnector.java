package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.SecretStore.Secret;

import java.io.IOException;
import java.util.Optional;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Opens a {@link Session} for a profile: for the Sandbox profile it starts the embedded backbone
 * first. Implemented by the composition root, which is the only place that knows how.
 */
public interface BackboneConnector {
    /**
     * Connects without blocking the caller. {@code progress} receives i18n keys of the steps as they
     * happen (on any thread). Fails with {@link TokenRequiredException} when a remote profile has no
     * stored token.
     */
    CompletableFuture<Session> connect(ConnectionProfile profile, Consumer<String> progress);

    /** What a test of a profile found: the server's account of itself, and who the token signs in as (null: no token). */
    record ConnectionCheck(io.spineconsole.domain.ServerHealth health, io.spineconsole.domain.Principal principal) {
    }

    /**
     * Tries {@code profile} as typed, without opening a session: asks the server about itself, then who
     * the token signs in as. A secret left out of {@code typedSecrets} is read from the secret store.
     */
    default CompletableFuture<ConnectionCheck> test(ConnectionProfile profile, java.util.Map<Secret, String> typedSecrets) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("Testing a profile is not supported here."));
    }

    /**
     * Signs a single sign-on profile out: revokes the sign-in where the issuer allows it and forgets the kept
     * refresh token. Completes with whether the issuer revoked it.
     */
    default CompletableFuture<Boolean> signOut(ConnectionProfile profile) {
        return CompletableFuture.completedFuture(false);
    }

    /** Where tokens and passwords are kept, for the UI to say (for example "macOS Keychain"). */
    String secretStoreDescription();

    /** A stored secret of a profile (call off the UI thread: an OS credential store may be slow). */
    Optional<String> readSecret(String profileId, Secret secret) throws IOException;

    /** Stores a secret of a remote profile (never in the settings file). */
    void saveSecret(String profileId, Secret secret, String value) throws IOException;

    /** Forgets a secret of a profile; nothing happens when there is none. */
    void deleteSecret(String profileId, Secret secret) throws IOException;

    /** Stores a token for a remote profile (never in the settings file). */
    default void saveToken(String profileId, String token) throws IOException {
        saveSecret(profileId, Secret.TOKEN, token);
    }

    /** Thrown (inside the future) when the embedded sandbox's store is open in another console on this computer. */
    final class SandboxInUseException extends RuntimeException {
        public SandboxInUseException(Throwable cause) {
            super("The sandbox's database is open in another Spine Console on this computer.", cause);
        }
    }

    /** Thrown (inside the future) when a profile needs a token before it can connect. */
    final class TokenRequiredException extends RuntimeException {
        public TokenRequiredException(String profileName) {
            super("No token is stored for " + profileName + ".");
        }
    }
}
