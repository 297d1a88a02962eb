package io.spineconsole.sandbox.sso;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Checks single sign-on access tokens (signed JWTs) from the one issuer the server trusts: the signature
 * against the issuer's published keys (fetched through its discovery document, cached, and fetched again
 * when a token names a key not seen before, so the issuer can rotate its keys), then the issuer, the
 * audience and the expiry with a small allowed clock skew, then the claim that grants a role. The checks
 * themselves are Nimbus JOSE+JWT's; this class chooses them and turns the person into a {@link Principal}.
 */
public final class OidcTokens {
    private static final Logger LOG = LoggerFactory.getLogger(OidcTokens.class);
    /** How long after a failed discovery the next request tries again. */
    private static final Duration RETRY_DISCOVERY = Duration.ofSeconds(30);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    /** A display name is at most as long as the audit log's actor name. */
    private static final int NAME_LENGTH = 100;

    private final OidcSettings settings;
    private final SignedInPeople people;
    private final Clock clock;
    private volatile ConfigurableJWTProcessor<SecurityContext> processor;
    private volatile Instant discoveryFailedAt;

    /** The token is not one this server accepts; the message says why, for the caller. */
    public static final class Rejected extends RuntimeException {
        public Rejected(String message) {
            super(message);
        }
    }

    /** The token is signed by a person this server knows but grants no role here. */
    public static final class NoRole extends RuntimeException {
        public NoRole(String message) {
            super(message);
        }
    }

    /** The issuer's discovery document or keys cannot be fetched: the server's trouble, not the caller's. */
    public static final class IssuerUnavailable extends RuntimeException {
        public IssuerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public OidcTokens(OidcSettings settings, SignedInPeople people, Clock clock) {
        this.settings = settings;
        this.people = people;
        this.clock = clock;
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Whether {@code token} looks like a JWT (three base64url parts), so it is this class's to check. */
    public static boolean looksLikeJwt(String token) {
        return token != null && token.length() < 16_384 && token.chars().filter(ch -> ch == '.').count() == 2;
    }

    /**
     * Fetches the issuer's discovery document now, so a wrong issuer shows in the log at start-up rather than
     * at the first sign-in. A failure is logged, not thrown: API tokens keep working, and the next single
     * sign-on request tries again.
     */
    public void warmUp() {
        try {
            processor();
            LOG.info("Single sign-on: accepting access tokens from {} for audience {}, role claim '{}'",
                    settings.issuer(), settings.audience(), settings.roleClaim());
        } catch (IssuerUnavailable e) {
            LOG.warn("Single sign-on: {} API tokens keep working; single sign-on tries again at the next request.",
                    e.getMessage());
        }
    }

    /**
     * The person {@code token} speaks for.
     *
     * @throws Rejected          when the token is malformed, not signed by the issuer's keys, from another
     *                           issuer, for another audience, or expired
     * @throws NoRole            when the token is good but its role claim grants nothing here
     * @throws IssuerUnavailable when the issuer's keys cannot be fetched
     */
    public Principal authenticate(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor().process(token, null);
        } catch (ParseException e) {
            throw new Rejected("The bearer token is not a well-formed JWT.");
        } catch (RemoteKeySourceException e) {
            throw new IssuerUnavailable("The single sign-on issuer's keys could not be fetched: " + e.getMessage(), e);
        } catch (BadJWTException e) {
            throw new Rejected("The single sign-on token was refused: " + claimsProblem(e.getMessage()));
        } catch (BadJOSEException e) {
            throw new Rejected("The single sign-on token was refused: its signature does not match any key the "
                    + "issuer publishes.");
        } catch (KeySourceException e) {
            // the keys were fetched (often moments ago, hence the rate limit) and none signed this token
            LOG.debug("No key of the issuer verifies a token: {}", e.getMessage());
            throw new Rejected("The single sign-on token was refused: its signature does not match any key the "
                    + "issuer publishes.");
        } catch (JOSEException e) {
            throw new Rejected("The single sign-on token was refused: " + e.getMessage());
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            throw new Rejected("The single sign-on token names no subject (or one over 255 characters).");
        }
        String name = displayName(claims);
        Role role = role(claims);
        if (role == null) {
            throw new NoRole(name + " (" + subject + ") is signed in, but the '" + settings.roleClaim() + "' claim "
                    + "grants no role on this server. Ask its administrator for viewer, operator or admin.");
        }
        return Principal.person(subject, name, role, people.idOf(settings.issuer().toString(), subject, name, role));
    }

    /** The highest role the role claim grants (a string, or a list of strings), or null. */
    Role role(JWTClaimsSet claims) {
        Object value = claims.getClaim(settings.roleClaim());
        List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        Role best = null;
        for (Object v : values) {
            Role r = v instanceof String s ? settings.roleValues().get(s) : null;
            if (r != null && (best == null || r.includes(best))) {
                best = r;
            }
        }
        return best;
    }

    private static String displayName(JWTClaimsSet claims) {
        for (String claim : List.of("name", "preferred_username", "email")) {
            Object v = claims.getClaim(claim);
            if (v instanceof String s && !s.isBlank()) {
                String name = s.strip();
                return name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH - 1) + "…";
            }
        }
        String sub = claims.getSubject();
        return sub.length() <= NAME_LENGTH ? sub : sub.substring(0, NAME_LENGTH - 1) + "…";
    }

    /** Nimbus's reason, in the words of this API. */
    private static String claimsProblem(String reason) {
        String r = reason == null ? "" : reason;
        if (r.contains("Expired")) {
            return "it has expired.";
        }
        if (r.contains("aud")) {
            return "it is not meant for this server (its audience does not name it).";
        }
        if (r.contains("iss claim")) {
            return "it comes from another issuer.";
        }
        if (r.contains("before use time")) {
            return "it is not valid yet.";
        }
        if (r.contains("missing required claims")) {
            return "it lacks a claim every token must have (" + r.substring(r.indexOf('[')) + ").";
        }
        return r.isEmpty() ? "its claims are not acceptable." : r + ".";
    }

    /** The processor, made once the issuer's discovery document has been read. */
    private ConfigurableJWTProcessor<SecurityContext> processor() {
        ConfigurableJWTProcessor<SecurityContext> p = processor;
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (processor != null) {
                return processor;
            }
            Instant failed = discoveryFailedAt;
            if (failed != null && clock.instant().isBefore(failed.plus(RETRY_DISCOVERY))) {
                throw new IssuerUnavailable("The single sign-on issuer " + settings.issuer() + " could not be "
                        + "reached a moment ago.", null);
            }
            try {
                processor = make(jwksUrl());
                discoveryFailedAt = null;
                return processor;
            } catch (IssuerUnavailable e) {
                discoveryFailedAt = clock.instant();
                throw e;
            }
        }
    }

    private URL jwksUrl() {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), 5_000, 5_000);
            if (metadata.getJWKSetURI() == null) {
                throw new IssuerUnavailable("The single sign-on issuer " + settings.issuer() + " publishes no "
                        + "jwks_uri in its discovery document.", null);
            }
            return metadata.getJWKSetURI().toURL();
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            throw new IssuerUnavailable("The single sign-on issuer " + settings.issuer() + " could not be "
                    + "discovered: " + e.getMessage(), e);
        }
    }

    private ConfigurableJWTProcessor<SecurityContext> make(URL jwks) {
        // Cached for five minutes; a token naming an unknown key fetches the set again (rate limited), which is
        // how a rotation is picked up; a short outage of the issuer is ridden out on the cached keys.
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).outageTolerant(true).build();
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        // Access tokens are "JWT" or, per RFC 9068, "at+jwt"; some issuers set no type at all.
        p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"),
                new JOSEObjectType("application/at+jwt"), null));
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(Set.of(settings.audience()),
                new JWTClaimsSet.Builder().issuer(settings.issuer().toString()).build(), Set.of("sub", "exp"), null);
        claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }
}
