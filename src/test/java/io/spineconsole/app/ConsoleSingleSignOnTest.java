package io.spineconsole.app;

import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.FileSecretStore;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.testing.OidcProvider;
import io.spineconsole.testing.OidcProvider.Person;
import io.spineconsole.ui.shell.Session;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A profile that signs in through single sign-on: the first connect opens the browser (here a client that
 * follows the issuer's redirect, as a person's browser would) and keeps the refresh token in the secret store;
 * the next start signs in silently with it; signing out revokes it and forgets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleSingleSignOnTest {
    @TempDir
    Path dir;
    private OidcProvider provider;
    private SandboxFixture sandbox;
    private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(true).build();
    private final AtomicInteger browsed = new AtomicInteger();

    @BeforeAll
    void start() {
        provider = new OidcProvider().signingIn(new Person("9990021", "Iris Kaur", List.of("operator")));
        sandbox = SandboxFixture.startWithOidc(provider.settings());
    }

    @AfterAll
    void stop() {
        sandbox.close();
        provider.close();
    }

    private void openInBrowser(URI page) {
        browsed.incrementAndGet();
        new Thread(() -> {
            try (Response r = browser.newCall(new Request.Builder().url(page.toString()).build()).execute()) {
                r.body().string();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-browser").start();
    }

    @Test
    void signsInThroughTheBrowserOnceThenSilentlyAndSignsOut() throws Exception {
        FileSecretStore secrets = new FileSecretStore(dir);
        ConnectionProfile profile = ConnectionProfile.remote("Team server", EnvironmentKind.INT, sandbox.baseUrl())
                .withSingleSignOn(provider.issuer().toString(), OidcProvider.CLIENT_ID);
        List<String> steps = new CopyOnWriteArrayList<>();
        try (ConsoleConnector connector = new ConsoleConnector(Path.of("never-started"), secrets)) {
            connector.useBrowser(this::openInBrowser);
            try (Session session = connector.connect(profile, steps::add).join()) {
                assertEquals("Iris Kaur", session.principal().name());
                assertEquals(Role.OPERATOR, session.principal().role());
                assertTrue(session.principal().signedIn());
            }
            assertEquals(1, browsed.get());
            assertTrue(steps.contains("startup.step.browserSignIn"), steps.toString());
            assertTrue(secrets.read(profile.id(), Secret.SSO_REFRESH_TOKEN).isPresent(), "kept in the secret store");
        }

        // the next start: no browser
        try (ConsoleConnector next = new ConsoleConnector(Path.of("never-started"), secrets)) {
            next.useBrowser(this::openInBrowser);
            try (Session session = next.connect(profile, step -> { }).join()) {
                assertEquals("Iris Kaur", session.principal().name());
            }
            assertEquals(1, browsed.get(), "signed in silently with the kept refresh token");
            assertTrue(next.signOut(profile).join(), "revoked at the issuer");
            assertTrue(secrets.read(profile.id(), Secret.SSO_REFRESH_TOKEN).isEmpty(), "forgotten");
        }
    }
}
