package io.spineconsole.domain;

import java.util.Objects;

/**
 * Who the server says the caller is: the holder of an API token, or a person signed in through
 * single sign-on (OpenID Connect).
 *
 * @param name    the token's name, or the person's display name
 * @param role    what the caller may do
 * @param tokenId the caller's key: the token's id, or, for a person, the negative of the server's id for
 *                them (so a token and a person never share rate limits or idempotency keys)
 * @param owner   the person answerable for the token (null when not recorded, and for a person)
 * @param subject the person's subject at the single sign-on issuer (null for a token)
 */
public record Principal(String name, Role role, long tokenId, String owner, String subject) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** A token's holder, owner not known. */
    public Principal(String name, Role role, long tokenId) {
        this(name, role, tokenId, null, null);
    }

    /** A person signed in through single sign-on; {@code personId} is the server's id for them (positive). */
    public static Principal person(String subject, String displayName, Role role, long personId) {
        return new Principal(displayName, role, -personId, null, Objects.requireNonNull(subject, "subject"));
    }

    /** Whether this is a person signed in through single sign-on, not an API token. */
    public boolean signedIn() {
        return subject != null;
    }
}
