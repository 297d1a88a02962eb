package io.spineconsole.testing;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.TokenRequest;
import io.spineconsole.sandbox.sso.OidcSettings;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real OpenID Connect provider for tests: NAV's mock-oauth2-server on loopback (discovery, JWKS,
 * authorize, token, revocation endpoints), serving one issuer. Who it signs in (subject, name, roles), the
 * audience it puts in tokens, its clock and its signing key are the test's to set.
 */
public final class OidcProvider implements AutoCloseable {
    public static final String ISSUER_ID = "nhs-cis2";
    public static final String AUDIENCE = "spine-console";
    public static final String CLIENT_ID = "spine-console-desktop";

    private final MockOAuth2Server server;
    private final KeyProvider keys = new KeyProvider(List.of());
    private volatile Duration clockOffset = Duration.ZERO;
    private volatile Person person = new Person("9990001", "Asha Patel", List.of("admin"));
    private volatile List<String> audience = List.of(AUDIENCE);
    private volatile long lifetimeSeconds = 3600;
    private int rotations;

    /** Who the provider signs in next. */
    public record Person(String subject, String name, List<String> roles) {
    }

    public OidcProvider() {
        OAuth2TokenProvider tokens = new OAuth2TokenProvider(keys, () -> Clock.systemUTC().instant().plus(clockOffset));
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false, tokens, Set.of(new Callback()),
                new NettyWrapper()));
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new IllegalStateException("mock-oauth2-server did not start", e);
        }
    }

    /** The issuer identifier, as its tokens' {@code iss} claim says it. */
    public URI issuer() {
        return server.issuerUrl(ISSUER_ID).uri();
    }

    /** Server settings that trust this provider, with the default role claim. */
    public OidcSettings settings() {
        return OidcSettings.of(issuer(), AUDIENCE);
    }

    public MockOAuth2Server server() {
        return server;
    }

    public OidcProvider signingIn(Person who) {
        this.person = who;
        return this;
    }

    public OidcProvider audience(String... aud) {
        this.audience = List.of(aud);
        return this;
    }

    /** The provider's clock, this far from the real one (tokens issued then, and expiring from then). */
    public OidcProvider clockOffset(Duration offset) {
        this.clockOffset = offset;
        return this;
    }

    public OidcProvider lifetime(Duration lifetime) {
        this.lifetimeSeconds = lifetime.toSeconds();
        return this;
    }

    /** An access token for the current person, as the token endpoint would issue it. */
    public String accessToken() {
        return server.issueToken(ISSUER_ID, CLIENT_ID, new Callback()).serialize();
    }

    /**
     * Rotates the issuer's signing key: from now on it signs with a new key under a new key id and publishes
     * only that one in its JWKS, as an issuer does once a rotation has finished. (mock-oauth2-server names its
     * one key after the issuer and keeps it for its life; the test swaps it in the server's own key map.)
     */
    @SuppressWarnings("unchecked")
    public void rotateKey() {
        try {
            RSAKey next = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(ISSUER_ID + "-" + (++rotations))
                    .generate();
            for (Field f : KeyProvider.class.getDeclaredFields()) {
                if (ConcurrentHashMap.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    ((ConcurrentHashMap<String, JWK>) f.get(keys)).put(ISSUER_ID, next);
                    return;
                }
            }
            throw new IllegalStateException("mock-oauth2-server's key map was not found");
        } catch (Exception e) {
            throw new IllegalStateException("Could not rotate the provider's key", e);
        }
    }

    /** The key id the provider signs with now. */
    public String keyId() {
        return keys.signingKey(ISSUER_ID).getKeyID();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /** Claims for every token the provider issues: the current person, audience and lifetime. */
    private final class Callback implements OAuth2TokenCallback {
        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return person.subject();
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return "JWT";
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return audience;
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("name", person.name());
            claims.put("roles", person.roles());
            return claims;
        }

        @Override
        public long tokenExpiry() {
            return lifetimeSeconds;
        }
    }

    /** When tokens issued now expire, by the provider's clock. */
    public Instant expiresAtFromNow() {
        return Clock.systemUTC().instant().plus(clockOffset).plusSeconds(lifetimeSeconds);
    }
}
