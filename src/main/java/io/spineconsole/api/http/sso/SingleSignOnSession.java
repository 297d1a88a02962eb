package io.spineconsole.api.http.sso;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A person signed in to a backbone through single sign-on, as a native app does it (RFC 8252): authorization
 * code with PKCE, in the system browser, back to a loopback redirect. It hands out the access token for each
 * request, refreshing it silently shortly before it expires; the refresh token is kept where the console keeps
 * secrets (the OS credential store), so the next start signs in without the browser. Signing out revokes the
 * refresh token when the issuer offers revocation, and forgets it. The OAuth messages are Nimbus's
 * (oauth2-oidc-sdk); this class only puts them in order.
 */
public final class SingleSignOnSession {
    private static final Logger LOG = LoggerFactory.getLogger(SingleSignOnSession.class);
    /** Refreshed when it has less than this left, so no request goes out with a token about to expire. */
    private static final Duration REFRESH_BEFORE = Duration.ofSeconds(60);
    private static final Scope SCOPE = new Scope("openid", "profile", "offline_access");
    private static final int TIMEOUT_MS = 10_000;

    /** Where a profile's refresh token is kept: the OS credential store. */
    public interface RefreshTokens {
        void save(String refreshToken) throws IOException;

        void delete() throws IOException;
    }

    /** The issuer and this console's client id there (a public client: no secret). */
    public record Client(URI issuer, String clientId) {
    }

    private final Client client;
    private final OIDCProviderMetadata issuer;
    private final RefreshTokens store;
    private final Clock clock;
    private String accessToken;
    private Instant expiresAt;
    private RefreshToken refreshToken;
    private String personName;

    private SingleSignOnSession(Client client, OIDCProviderMetadata issuer, RefreshTokens store, Clock clock) {
        this.client = client;
        this.issuer = issuer;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Signs in through the browser: opens the issuer's sign-in page with {@code browser} and waits up to
     * {@code timeout} for the issuer to send the browser back. Blocks: call off the UI thread.
     */
    public static SingleSignOnSession signIn(Client client, Consumer<URI> browser, Duration timeout,
                                             RefreshTokens store) {
        SingleSignOnSession session = new SingleSignOnSession(client, discover(client), store, Clock.systemUTC());
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        // The page the browser shows once it is back: the console itself says whether the sign-in worked.
        try (LoopbackRedirect redirect = new LoopbackRedirect("Spine Console",
                "Spine Console has the answer from your sign-in. You can close this tab and return to it.")) {
            AuthorizationRequest request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                    new ClientID(client.clientId())).scope(SCOPE).state(state).redirectionURI(redirect.redirectUri())
                    .codeChallenge(verifier, CodeChallengeMethod.S256)
                    .endpointURI(session.issuer.getAuthorizationEndpointURI()).build();
            browser.accept(request.toURI());
            AuthorizationResponse response = AuthorizationResponse.parse(redirect.await(timeout.toSeconds()));
            if (!state.equals(response.getState())) {
                throw new SignInException(SignInException.Reason.DENIED, "The sign-in answer does not belong to this "
                        + "sign-in (its state differs); nothing was signed in.", null);
            }
            if (!response.indicatesSuccess()) {
                ErrorObject error = response.toErrorResponse().getErrorObject();
                throw new SignInException(SignInException.Reason.DENIED, "The issuer did not sign you in: "
                        + describe(error), null);
            }
            AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
            session.token(new AuthorizationCodeGrant(code, redirect.redirectUri(), verifier));
            return session;
        } catch (TimeoutException e) {
            throw new SignInException(SignInException.Reason.TIMED_OUT, "No sign-in came back from the browser within "
                    + timeout.toMinutes() + " minutes.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException(SignInException.Reason.TIMED_OUT, "The sign-in was cancelled.", e);
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.ISSUER_UNREACHABLE, "The console could not listen for "
                    + "the sign-in on this computer: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new SignInException(SignInException.Reason.DENIED, "The browser came back without a sign-in: "
                    + e.getMessage(), e);
        }
    }

    /** Signs in again without the browser, with the refresh token kept from last time. Blocks. */
    public static SingleSignOnSession resume(Client client, String refreshToken, RefreshTokens store) {
        SingleSignOnSession session = new SingleSignOnSession(client, discover(client), store, Clock.systemUTC());
        session.token(new RefreshTokenGrant(new RefreshToken(refreshToken)));
        return session;
    }

    /**
     * The access token to send now, refreshed first when it is about to expire. When the refresh fails the
     * old token is returned: the server then answers 401 and the console asks the person to sign in again.
     */
    public synchronized String accessToken() {
        if (refreshToken != null && expiresAt != null && clock.instant().isAfter(expiresAt.minus(REFRESH_BEFORE))) {
            try {
                token(new RefreshTokenGrant(refreshToken));
            } catch (SignInException e) {
                LOG.warn("Single sign-on: the access token could not be refreshed ({})", e.getMessage());
            }
        }
        return accessToken;
    }

    /** Who signed in, as the issuer's ID token names them (null if it gave none). */
    public synchronized String personName() {
        return personName;
    }

    /** When the current access token expires (null if the issuer did not say). */
    public synchronized Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Signs out: revokes the refresh token at the issuer when it offers revocation (RFC 7009), and forgets it
     * here whatever the issuer answered. Returns whether the issuer revoked it. Blocks.
     */
    public synchronized boolean signOut() {
        boolean revoked = false;
        URI revocation = issuer.getRevocationEndpointURI();
        if (revocation != null && refreshToken != null) {
            try {
                HTTPRequest request = timed(new TokenRevocationRequest(revocation, new ClientID(client.clientId()),
                        refreshToken).toHTTPRequest());
                revoked = request.send().indicatesSuccess();
            } catch (IOException e) {
                LOG.warn("Single sign-on: the issuer could not be reached to revoke the sign-in ({})", e.getMessage());
            }
        }
        refreshToken = null;
        accessToken = null;
        try {
            store.delete();
        } catch (IOException e) {
            LOG.warn("Single sign-on: the stored sign-in could not be forgotten ({})", e.getMessage());
        }
        return revoked;
    }

    /** Asks the token endpoint for tokens with {@code grant}, and keeps them (a new refresh token included). */
    private synchronized void token(AuthorizationGrant grant) {
        TokenRequest request = new TokenRequest(issuer.getTokenEndpointURI(), new ClientID(client.clientId()), grant,
                grant instanceof RefreshTokenGrant ? null : SCOPE);
        TokenResponse response;
        try {
            response = OIDCTokenResponseParser.parse(timed(request.toHTTPRequest()).send());
        } catch (IOException e) {
            throw new SignInException(SignInException.Reason.ISSUER_UNREACHABLE, "The issuer " + client.issuer()
                    + " could not be reached: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new SignInException(SignInException.Reason.REFUSED, "The issuer's answer could not be read: "
                    + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new SignInException(SignInException.Reason.REFUSED, "The issuer refused the sign-in: "
                    + describe(response.toErrorResponse().getErrorObject()), null);
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        accessToken = tokens.getAccessToken().getValue();
        long lifetime = tokens.getAccessToken().getLifetime();
        expiresAt = lifetime > 0 ? clock.instant().plusSeconds(lifetime) : null;
        if (response instanceof OIDCTokenResponse oidc) {
            OIDCTokens ids = oidc.getOIDCTokens();
            if (ids.getIDToken() != null) {
                try {
                    Object name = ids.getIDToken().getJWTClaimsSet().getClaim("name");
                    personName = name instanceof String s ? s : personName;
                } catch (java.text.ParseException ignored) {
                    // no name: the server's own account of the person is shown instead
                }
            }
        }
        if (tokens.getRefreshToken() != null) {
            refreshToken = tokens.getRefreshToken();
            try {
                store.save(refreshToken.getValue());
            } catch (IOException e) {
                LOG.warn("Single sign-on: the sign-in could not be kept for the next start ({})", e.getMessage());
            }
        }
    }

    private static OIDCProviderMetadata discover(Client client) {
        try {
            return OIDCProviderMetadata.resolve(new Issuer(client.issuer()), TIMEOUT_MS, TIMEOUT_MS);
        } catch (GeneralException | IOException e) {
            throw new SignInException(SignInException.Reason.ISSUER_UNREACHABLE, "The single sign-on issuer "
                    + client.issuer() + " could not be reached: " + e.getMessage(), e);
        }
    }

    private static HTTPRequest timed(HTTPRequest request) {
        request.setConnectTimeout(TIMEOUT_MS);
        request.setReadTimeout(TIMEOUT_MS);
        return request;
    }

    private static String describe(ErrorObject error) {
        String text = error.getDescription() != null ? error.getDescription() : error.getCode();
        return text == null ? "no reason given." : text;
    }
}
