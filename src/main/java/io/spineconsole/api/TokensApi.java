package io.spineconsole.api;

import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Token administration (see openapi.yaml, tag "auth"; admin only). Every method is asynchronous;
 * failures complete the future with an {@link ApiException}.
 */
public interface TokensApi {

    /**
     * The tokens, newest first, never their secrets.
     *
     * @param role only tokens with this role, or null for all
     */
    CompletableFuture<Page<Token>> list(Role role, boolean includeRevoked, Integer limit, String cursor);

    CompletableFuture<Token> get(long tokenId);

    /** Issues a token; its secret is in this answer only. Not retried (the server keeps no replay of a secret). */
    CompletableFuture<TokenCreated> create(TokenCreate request);

    /** Revokes a token at once, against the version shown ({@code If-Match}); {@code reason} goes to the audit log. */
    CompletableFuture<Token> revoke(long tokenId, String reason, long version);

    /** Sets when a token stops working ({@code expiresAt} null: never), against the version shown; audited with {@code reason}. */
    CompletableFuture<Token> setExpiry(long tokenId, Instant expiresAt, String reason, long version);
}
