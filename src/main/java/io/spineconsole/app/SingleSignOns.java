package io.spineconsole.app;

import io.spineconsole.api.http.sso.SignInException;
import io.spineconsole.api.http.sso.SingleSignOnSession;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.SecretStore.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.awt.Desktop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The single sign-on sessions of the profiles that use it: signs in silently with the refresh token kept in
 * the OS credential store, else through the system browser; signs out (revoking at the issuer) on request.
 */
final class SingleSignOns {
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOns.class);
    /** How long the console waits for the person to finish signing in in their browser. */
    static final Duration BROWSER_SIGN_IN = Duration.ofMinutes(5);

    private final SecretStore secrets;
    private final Map<String, SingleSignOnSession> sessions = new ConcurrentHashMap<>();
    private volatile Consumer<URI> browser = SingleSignOns::openInSystemBrowser;

    SingleSignOns(SecretStore secrets) {
        this.secrets = secrets;
    }

    /** Where sign-in pages open (tests: a client that follows the issuer's redirect). */
    void useBrowser(Consumer<URI> opener) {
        this.browser = opener;
    }

    /**
     * A signed-in session for {@code profile}: silently with the kept refresh token, else through the browser
     * ({@code progress} hears {@code startup.step.browserSignIn} while the console waits). Blocks.
     */
    SingleSignOnSession signIn(ConnectionProfile profile, Consumer<String> progress) {
        SingleSignOnSession.Client client = new SingleSignOnSession.Client(URI.create(profile.ssoIssuer()),
                profile.ssoClientId());
        SingleSignOnSession.RefreshTokens kept = new SingleSignOnSession.RefreshTokens() {
            @Override
            public void save(String refreshToken) throws IOException {
                secrets.save(profile.id(), Secret.SSO_REFRESH_TOKEN, refreshToken);
            }

            @Override
            public void delete() throws IOException {
                secrets.delete(profile.id(), Secret.SSO_REFRESH_TOKEN);
            }
        };
        SingleSignOnSession session = null;
        Optional<String> refreshToken = read(profile);
        if (refreshToken.isPresent()) {
            try {
                session = SingleSignOnSession.resume(client, refreshToken.get(), kept);
            } catch (SignInException e) {
                if (e.reason() != SignInException.Reason.REFUSED) {
                    throw e;
                }
                LOG.info("Single sign-on for {}: the kept sign-in has ended; signing in through the browser",
                        profile.name());
            }
        }
        if (session == null) {
            progress.accept("startup.step.browserSignIn");
            session = SingleSignOnSession.signIn(client, browser, BROWSER_SIGN_IN, kept);
        }
        sessions.put(profile.id(), session);
        return session;
    }

    /** Signs {@code profile} out: revokes where the issuer allows, and forgets the kept sign-in. Blocks. */
    boolean signOut(ConnectionProfile profile) {
        SingleSignOnSession session = sessions.remove(profile.id());
        if (session != null) {
            return session.signOut();
        }
        try {
            secrets.delete(profile.id(), Secret.SSO_REFRESH_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return false;
    }

    private Optional<String> read(ConnectionProfile profile) {
        try {
            return secrets.read(profile.id(), Secret.SSO_REFRESH_TOKEN);
        } catch (IOException e) {
            LOG.warn("Single sign-on for {}: the kept sign-in could not be read ({})", profile.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Opens the page in the person's default browser. */
    private static void openInSystemBrowser(URI page) {
        try {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(page);
                return;
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            String[] command = os.contains("mac") ? new String[] {"open", page.toString()}
                    : os.contains("win") ? new String[] {"rundll32", "url.dll,FileProtocolHandler", page.toString()}
                    : new String[] {"xdg-open", page.toString()};
            new ProcessBuilder(command).start();
        } catch (IOException | UnsupportedOperationException e) {
            throw new SignInException(SignInException.Reason.DENIED, "The browser could not be opened for the sign-in: "
                    + e.getMessage(), e);
        }
    }
}
