package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Page;
import io.spineconsole.api.TokensApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.tokens.Token;
import io.spineconsole.domain.tokens.TokenCreate;
import io.spineconsole.domain.tokens.TokenCreated;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every token operation of the client against the real sandbox on loopback, answers checked against openapi.yaml. */
class HttpTokensApiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi adminApi;
    private static HttpBackboneApi viewerApi;
    private static TokensApi api;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
        adminApi = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, sandbox.clientOptions(HttpClientOptions.defaults()));
        String viewer = sandbox.backbone().tokens().create("support.viewer", Role.VIEWER);
        viewerApi = new HttpBackboneApi(sandbox.baseUrl(), () -> viewer, sandbox.clientOptions(HttpClientOptions.defaults()));
        api = adminApi.tokens();
    }

    @AfterAll
    static void stop() {
        adminApi.close();
        viewerApi.close();
        sandbox.close();
    }

    private static ApiException failure(CompletableFuture<?> call) {
        return ApiException.unwrap(assertThrows(CompletionException.class, call::join));
    }

    @Test
    void aTokenIsIssuedListedReadAndRevoked() {
        Instant expires = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TokenCreated created = api.create(new TokenCreate("interface.engine", Role.OPERATOR, expires)).join();
        Token token = created.token();
        assertTrue(created.secret().startsWith(token.prefix()), "the secret is shown once, and begins with its prefix");
        assertEquals(Role.OPERATOR, token.role());
        assertEquals(expires, token.expiresAt());

        Page<Token> operators = api.list(Role.OPERATOR, false, null, null).join();
        assertTrue(operators.items().stream().anyMatch(t -> t.id() == token.id()));
        assertTrue(operators.items().stream().allMatch(t -> t.role() == Role.OPERATOR));
        assertEquals("interface.engine", api.get(token.id()).join().name());

        try (HttpBackboneApi holder = new HttpBackboneApi(sandbox.baseUrl(), created::secret,
                sandbox.clientOptions(HttpClientOptions.defaults()))) {
            assertEquals("interface.engine", holder.me().join().name(), "the new token works");

            ApiException stale = failure(api.revoke(token.id(), "Rotated", token.version() + 7));
            assertTrue(stale.isStale(), "revoking needs the version shown");

            Token revoked = api.revoke(token.id(), "Rotated after the supplier's engineer left", token.version()).join();
            assertNotNull(revoked.revokedAt());
            assertEquals("Rotated after the supplier's engineer left", revoked.revokeReason());
            assertEquals(ApiException.Kind.UNAUTHORISED, failure(holder.me()).kind(), "a revoked token is refused at once");
        }
        assertTrue(api.list(null, false, 500, null).join().items().stream().noneMatch(t -> t.id() == token.id()),
                "revoked tokens are left out unless asked for");
        assertTrue(api.list(null, true, 500, null).join().items().stream().anyMatch(t -> t.id() == token.id()));
    }

    @Test
    void onlyAnAdminAdministersTokensAndBadInputIsNamed() {
        assertEquals(ApiException.Kind.FORBIDDEN, failure(viewerApi.tokens().list(null, false, null, null)).kind());
        assertEquals(ApiException.Kind.FORBIDDEN,
                failure(viewerApi.tokens().create(new TokenCreate("sneaky", Role.ADMIN, null))).kind());
        ApiException blank = failure(api.create(new TokenCreate(" ", Role.VIEWER, null)));
        assertEquals(ApiException.Kind.VALIDATION, blank.kind());
        assertTrue(blank.fieldErrors().stream().anyMatch(f -> f.field().contains("name")), blank.fieldErrors().toString());
        assertEquals(ApiException.Kind.NOT_FOUND, failure(api.get(987_654_321L)).kind());
    }

    @Test
    void aTokenNamesItsOwnerAndItsExpiryIsSetOrClearedWithAReasonThatIsAudited() {
        TokenCreated created = api.create(new TokenCreate("jane.doe", "Jane Doe <jane.doe@nhs.net>", Role.VIEWER,
                null, "Joined the support team")).join();
        Token token = created.token();
        assertEquals("Jane Doe <jane.doe@nhs.net>", token.owner());
        assertEquals("Jane Doe <jane.doe@nhs.net>", api.get(token.id()).join().owner());

        Instant expires = Instant.now().plus(14, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Token expiring = api.setExpiry(token.id(), expires, "Contract ends in two weeks", token.version()).join();
        assertEquals(expires, expiring.expiresAt());
        assertEquals(token.version() + 1, expiring.version());
        assertTrue(failure(api.setExpiry(token.id(), null, "Stale", token.version())).isStale());
        ApiException past = failure(api.setExpiry(token.id(), Instant.now().minusSeconds(60), "Too late",
                expiring.version()));
        assertEquals(ApiException.Kind.VALIDATION, past.kind());
        Token never = api.setExpiry(token.id(), null, "Contract extended indefinitely", expiring.version()).join();
        assertEquals(null, never.expiresAt());

        var entries = adminApi.audit().search(new io.spineconsole.domain.audit.AuditQuery("token",
                Long.toString(token.id()), null, null, null, null, false, 10, null)).join().items();
        assertTrue(entries.stream().anyMatch(e -> "create".equals(e.action())
                && "Joined the support team".equals(e.reason())), entries.toString());
        assertTrue(entries.stream().anyMatch(e -> "set-expiry".equals(e.action())
                && "Contract ends in two weeks".equals(e.reason())), entries.toString());

        Token revoked = api.revoke(token.id(), "Left the team", never.version()).join();
        assertEquals(ApiException.Kind.CONFLICT, failure(api.setExpiry(token.id(), expires, "Too late",
                revoked.version())).kind(), "a revoked token's expiry is not changed");
        assertEquals(ApiException.Kind.FORBIDDEN,
                failure(viewerApi.tokens().setExpiry(token.id(), null, "Sneaky", revoked.version())).kind());
    }
}
