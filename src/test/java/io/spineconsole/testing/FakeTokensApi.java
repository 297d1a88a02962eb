package io.spineconsole.testing;

import io.spineconsole.api.Page;
import io.spineconsole.api.TokensApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link TokensApi} for tests: override the calls a test needs; every other call goes to the API
 * it was made over, or, made with no API, fails the test at once as not faked.
 */
public class FakeTokensApi implements TokensApi {
    private final TokensApi real;

    /** Answers only what a subclass overrides. */
    public FakeTokensApi() {
        this(NotFaked.port(TokensApi.class));
    }

    /** Forwards what a subclass does not override to {@code real}. */
    public FakeTokensApi(TokensApi real) {
        this.real = real;
    }

    @Override
    public CompletableFuture<Page<Token>> list(Role role, boolean includeRevoked, Integer limit, String cursor) {
        return real.list(role, includeRevoked, limit, cursor);
    }

    @Override
    public CompletableFuture<Token> get(long tokenId) {
        return real.get(tokenId);
    }

    @Override
    public CompletableFuture<TokenCreated> create(TokenCreate request) {
        return real.create(request);
    }

    @Override
    public CompletableFuture<Token> revoke(long tokenId, String reason, long version) {
        return real.revoke(tokenId, reason, version);
    }

    @Override
    public CompletableFuture<Token> setExpiry(long tokenId, Instant expiresAt, String reason, long version) {
        return real.setExpiry(tokenId, expiresAt, reason, version);
    }
}
