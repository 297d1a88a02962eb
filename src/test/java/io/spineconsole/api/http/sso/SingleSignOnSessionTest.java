package io.spineconsole.api.http.sso;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.testing.OidcProvider;
import io.spineconsole.testing.OidcProvider.Person;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A full single sign-on, driven headless against a real OpenID Connect provider (mock-oauth2-server): the
 * "browser" fetches the authorize URL and follows the issuer's redirect to the console's loopback listener,
 * as a person's browser would. The access token it yields signs the person in to a sandbox that trusts the
 * issuer; it refreshes silently; the refresh token is kept and, at sign-out, revoked and forgotten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnSessionTest {
    private OidcProvider provider;
    private SandboxFixture sandbox;
    private SingleSignOnSession.Client client;
    private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(true).build();
    private final List<URI> opened = new ArrayList<>();

    /** The OS credential store, as far as this test can see it. */
    private static final class Kept implements SingleSignOnSession.RefreshTokens {
        final AtomicReference<String> token = new AtomicReference<>();
        int saves;

        @Override
        public void save(String refreshToken) {
            token.set(refreshToken);
            saves++;
        }

        @Override
        public void delete() {
            token.set(null);
        }
    }

    @BeforeAll
    void start() {
        provider = new OidcProvider().signingIn(new Person("9990011", "Hana Brooks", List.of("operator")));
        sandbox = SandboxFixture.startWithOidc(provider.settings());
        client = new SingleSignOnSession.Client(provider.issuer(), OidcProvider.CLIENT_ID);
    }

    @AfterAll
    void stop() {
        sandbox.close();
        provider.close();
    }

    /** The person's browser: opens the page and follows the issuer's redirect back to the console. */
    private void openInBrowser(URI uri) {
        opened.add(uri);
        new Thread(() -> {
            try (Response r = browser.newCall(new Request.Builder().url(uri.toString()).build()).execute()) {
                r.body().string();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "test-browser").start();
    }

    @Test
    void aFullSignInThroughTheBrowserSignsThePersonInToTheServer() {
        Kept kept = new Kept();
        SingleSignOnSession session = SingleSignOnSession.signIn(client, this::openInBrowser, Duration.ofSeconds(30), kept);

        URI authorize = opened.get(opened.size() - 1);
        assertTrue(authorize.getQuery().contains("code_challenge_method=S256"), "PKCE: " + authorize);
        assertTrue(authorize.getQuery().contains("redirect_uri=http://127.0.0.1:")
                || authorize.getRawQuery().contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"), "loopback redirect: " + authorize);
        assertEquals("Hana Brooks", session.personName());
        assertTrue(kept.token.get() != null, "the refresh token is kept for the next start");

        try (BackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), session::accessToken,
                sandbox.clientOptions(HttpClientOptions.defaults()))) {
            Principal me = api.me().join();
            assertEquals("Hana Brooks", me.name());
            assertEquals(Role.OPERATOR, me.role());
            assertEquals("9990011", me.subject());
            assertTrue(me.signedIn());
        }
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedSilently() {
        provider.lifetime(Duration.ofSeconds(30)); // inside the refresh margin: every request refreshes
        try {
            Kept kept = new Kept();
            SingleSignOnSession session = SingleSignOnSession.signIn(client, this::openInBrowser,
                    Duration.ofSeconds(30), kept);
            String first = session.accessToken();
            String second = session.accessToken();
            assertNotEquals(first, second, "a fresh access token");
            assertTrue(kept.saves >= 1);
            try (BackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), session::accessToken,
                    sandbox.clientOptions(HttpClientOptions.defaults()))) {
                assertEquals("Hana Brooks", api.me().join().name());
            }
        } finally {
            provider.lifetime(Duration.ofHours(1));
        }
    }

    @Test
    void theKeptRefreshTokenSignsInAgainWithoutTheBrowser() {
        Kept kept = new Kept();
        SingleSignOnSession.signIn(client, this::openInBrowser, Duration.ofSeconds(30), kept);
        int browsed = opened.size();
        SingleSignOnSession again = SingleSignOnSession.resume(client, kept.token.get(), kept);
        assertEquals(browsed, opened.size(), "no browser the second time");
        assertTrue(again.accessToken() != null);
    }

    @Test
    void signingOutRevokesAtTheIssuerAndForgetsTheRefreshToken() {
        Kept kept = new Kept();
        SingleSignOnSession session = SingleSignOnSession.signIn(client, this::openInBrowser, Duration.ofSeconds(30), kept);
        assertTrue(session.signOut(), "the issuer offers revocation and accepted it");
        assertNull(kept.token.get());
        assertNull(session.accessToken());
    }

    @Test
    void aBrowserThatNeverComesBackTimesOutWithASentence() {
        SignInException e = assertThrows(SignInException.class, () -> SingleSignOnSession.signIn(client, uri -> { },
                Duration.ofSeconds(1), new Kept()));
        assertEquals(SignInException.Reason.TIMED_OUT, e.reason());
    }

    @Test
    void anUnreachableIssuerIsSaidSo() {
        var nowhere = new SingleSignOnSession.Client(URI.create("http://127.0.0.1:9/nhs-cis2"), "x");
        SignInException e = assertThrows(SignInException.class, () -> SingleSignOnSession.signIn(nowhere,
                this::openInBrowser, Duration.ofSeconds(5), new Kept()));
        assertEquals(SignInException.Reason.ISSUER_UNREACHABLE, e.reason());
    }
}
