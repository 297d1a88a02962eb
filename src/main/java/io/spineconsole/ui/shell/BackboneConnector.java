package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;

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

    /** Where tokens are kept, for the UI to say (for example "a file readable only by you"). */
    String secretStoreDescription();

    /** Stores a token for a remote profile (never in the settings file). */
    void saveToken(String profileId, String token) throws java.io.IOException;

    /** Thrown (inside the future) when a profile needs a token before it can connect. */
    final class TokenRequiredException extends RuntimeException {
        public TokenRequiredException(String profileName) {
            super("No token is stored for " + profileName + ".");
        }
    }
}
