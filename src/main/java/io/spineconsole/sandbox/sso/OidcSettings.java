package io.spineconsole.sandbox.sso;

import io.spineconsole.domain.Role;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which single sign-on issuer the server trusts, and how its access tokens map to roles.
 *
 * @param issuer     the issuer's identifier, exactly as its tokens' {@code iss} claim says it (its discovery
 *                   document is at {@code <issuer>/.well-known/openid-configuration})
 * @param audience   the {@code aud} a token must name: this server
 * @param roleClaim  the claim that says what a person may do (a string, or a list of strings)
 * @param roleValues the claim values that grant each role (the highest one a person holds wins)
 * @param clockSkew  how far the issuer's clock may be from this server's when expiry is checked
 */
public record OidcSettings(URI issuer, String audience, String roleClaim, Map<String, Role> roleValues,
                           Duration clockSkew) {
    /** The clock skew allowed unless told otherwise: the issuer's clock and ours may differ by a minute. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** The role claim unless told otherwise. */
    public static final String DEFAULT_ROLE_CLAIM = "roles";

    public OidcSettings {
        Objects.requireNonNull(issuer, "issuer");
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("Single sign-on needs an audience: the aud value the issuer puts in "
                    + "access tokens meant for this server.");
        }
        if (!"https".equals(issuer.getScheme()) && !isLoopback(issuer)) {
            throw new IllegalArgumentException("The single sign-on issuer must be an https:// URL (plain http only "
                    + "on this machine, for testing); got " + issuer + ".");
        }
        if (roleClaim == null || roleClaim.isBlank()) {
            throw new IllegalArgumentException("Name the claim that holds a person's role.");
        }
        roleValues = Map.copyOf(roleValues.isEmpty() ? byCode() : roleValues);
        clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    }

    /** The usual: role claim {@code roles}, its values {@code viewer}, {@code operator} and {@code admin}. */
    public static OidcSettings of(URI issuer, String audience) {
        return new OidcSettings(issuer, audience, DEFAULT_ROLE_CLAIM, Map.of(), null);
    }

    /**
     * Reads {@code role=value} pairs ({@code admin=R8000}); an empty list maps each role's own name to it.
     *
     * @throws IllegalArgumentException naming the pair that is not one
     */
    public static Map<String, Role> roleValues(List<String> pairs) {
        Map<String, Role> out = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            Role role = eq <= 0 ? null : java.util.Arrays.stream(Role.values())
                    .filter(r -> r.code().equals(pair.substring(0, eq).trim())).findFirst().orElse(null);
            if (role == null || eq == pair.length() - 1) {
                throw new IllegalArgumentException("A role value is role=value, role being viewer, operator or admin "
                        + "(for example admin=R8000); got '" + pair + "'.");
            }
            out.put(pair.substring(eq + 1).trim(), role);
        }
        return out;
    }

    private static Map<String, Role> byCode() {
        Map<String, Role> out = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            out.put(r.code(), r);
        }
        return out;
    }

    private static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        return "http".equals(uri.getScheme()) && host != null
                && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1"));
    }
}
