package io.spineconsole.sandbox.http.server;

import io.spineconsole.domain.Principal;
import io.spineconsole.sandbox.TokenStore;
import io.spineconsole.sandbox.http.ProblemException;
import io.spineconsole.sandbox.sso.OidcTokens;

/**
 * Who a bearer token speaks for: an API token ({@code spc_…}) is looked up in the token store; a JWT, when
 * single sign-on is configured, is checked as an access token of the trusted issuer. Anything else, or
 * nothing, is answered 401 with a {@code WWW-Authenticate} challenge (RFC 6750).
 */
record Authenticator(TokenStore tokens, OidcTokens sso) {
    private static final String REALM = "Bearer realm=\"spine-console\"";

    Principal authenticate(String token) {
        if (token == null) {
            throw unauthorised("This operation needs a bearer token in the Authorization header.", false);
        }
        if (sso != null && OidcTokens.looksLikeJwt(token)) {
            try {
                return sso.authenticate(token);
            } catch (OidcTokens.Rejected e) {
                throw unauthorised(e.getMessage(), true);
            } catch (OidcTokens.NoRole e) {
                // not a user of this server at all, like an unknown token (a role too low is a 403, later)
                throw unauthorised(e.getMessage(), false);
            } catch (OidcTokens.IssuerUnavailable e) {
                throw new ProblemException(503, "SERVICE_UNAVAILABLE", "Service unavailable", e.getMessage()
                        + " Try again shortly, or use an API token.").withHeader("Retry-After", "30");
            }
        }
        return tokens.authenticate(token).orElseThrow(() -> unauthorised(
                "The bearer token is not recognised or has been revoked.", true));
    }

    private static ProblemException unauthorised(String detail, boolean invalid) {
        return new ProblemException(401, "UNAUTHORISED", "Unauthorised", detail).withHeader("WWW-Authenticate",
                invalid ? REALM + ", error=\"invalid_token\"" : REALM);
    }
}
