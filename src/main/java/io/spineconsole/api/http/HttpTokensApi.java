package io.spineconsole.api.http;

import io.spineconsole.api.Page;
import io.spineconsole.api.TokensApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.RevokeRequest;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.domain.tokens.TokenExpiry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** {@link TokensApi} over HTTP. */
final class HttpTokensApi implements TokensApi {
    private static final String BASE = "api/v1/tokens";
    private final HttpTransport http;

    HttpTokensApi(HttpTransport http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<Page<Token>> list(Role role, boolean includeRevoked, Integer limit, String cursor) {
        Map<String, Object> query = new HashMap<>();
        query.put("role", role == null ? null : role.code());
        query.put("includeRevoked", includeRevoked ? Boolean.TRUE : null);
        query.put("limit", limit);
        query.put("cursor", cursor);
        return http.get(BASE, query, http.types().constructParametricType(Page.class, Token.class));
    }

    @Override
    public CompletableFuture<Token> get(long tokenId) {
        return http.get(BASE + "/" + tokenId, null, Token.class);
    }

    @Override
    public CompletableFuture<TokenCreated> create(TokenCreate request) {
        return http.postOnce(BASE, request, http.types().constructType(TokenCreated.class));
    }

    @Override
    public CompletableFuture<Token> revoke(long tokenId, String reason, long version) {
        return http.guardedPost(BASE + "/" + tokenId + "/revoke", new RevokeRequest(reason), version,
                http.types().constructType(Token.class));
    }

    @Override
    public CompletableFuture<Token> setExpiry(long tokenId, Instant expiresAt, String reason, long version) {
        return http.guardedPost(BASE + "/" + tokenId + "/expiry", new TokenExpiry(expiresAt, reason), version,
                http.types().constructType(Token.class));
    }
}
