package io.spineconsole.sandbox.sso;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.testing.OidcProvider;
import io.spineconsole.testing.OidcProvider.Person;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server accepts a real OpenID Connect provider's access tokens (mock-oauth2-server) beside API tokens,
 * and refuses them, with a sentence saying why, when the signature, issuer, audience, expiry or role claim is
 * wrong. Every answer is checked against openapi.yaml.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleSignOnServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private OidcProvider provider;
    private SandboxFixture sandbox;
    private OkHttpClient http;

    record Answer(int status, JsonNode json, String challenge) {
        String detail() {
            return json.path("detail").asText();
        }
    }

    @BeforeAll
    void start() {
        provider = new OidcProvider();
        sandbox = SandboxFixture.startWithOidc(provider.settings());
        http = sandbox.contract().client();
    }

    @AfterAll
    void stop() {
        sandbox.close();
        provider.close();
    }

    @BeforeEach
    void everyTestStartsFromTheUsualPerson() {
        provider.signingIn(new Person("9990001", "Asha Patel", List.of("admin"))).audience(OidcProvider.AUDIENCE)
                .clockOffset(Duration.ZERO).lifetime(Duration.ofHours(1));
    }

    @Test
    void aValidTokenSignsThePersonInWithTheirNameSubjectAndRole() {
        Answer me = get("/api/v1/me", provider.accessToken());
        assertEquals(200, me.status(), me.json().toString());
        assertEquals("Asha Patel", me.json().path("name").asText());
        assertEquals("9990001", me.json().path("subject").asText());
        assertEquals("admin", me.json().path("role").asText());
        assertTrue(me.json().path("tokenId").isNull(), "a person has no token id: " + me.json());
    }

    @Test
    void apiTokensKeepWorkingBesideSingleSignOn() {
        Answer me = get("/api/v1/me", sandbox.adminToken());
        assertEquals(200, me.status());
        assertTrue(me.json().path("tokenId").asLong() > 0);
        assertTrue(me.json().path("subject").isNull());
    }

    @Test
    void anExpiredTokenIsRefusedButAMinuteOfClockSkewIsAllowed() {
        provider.clockOffset(Duration.ofMinutes(-70)).lifetime(Duration.ofHours(1)); // expired ten minutes ago
        Answer expired = get("/api/v1/me", provider.accessToken());
        assertEquals(401, expired.status());
        assertTrue(expired.detail().contains("expired"), expired.detail());
        assertTrue(expired.challenge().contains("invalid_token"), expired.challenge());

        provider.clockOffset(Duration.ofSeconds(-3630)); // expired thirty seconds ago: within the skew
        assertEquals(200, get("/api/v1/me", provider.accessToken()).status());
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        provider.audience("some-other-service");
        Answer a = get("/api/v1/me", provider.accessToken());
        assertEquals(401, a.status());
        assertTrue(a.detail().contains("not meant for this server"), a.detail());
    }

    @Test
    void aTamperedTokenIsRefused() {
        provider.signingIn(new Person("9990002", "Ben Okafor", List.of("viewer")));
        String token = provider.accessToken();
        String[] parts = token.split("\\.");
        // the viewer promotes themselves to admin in the payload and keeps the signature
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"viewer\"", "\"admin\"");
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        Answer a = get("/api/v1/me", promoted);
        assertEquals(401, a.status());
        assertTrue(a.detail().contains("signature"), a.detail());

        char last = parts[2].charAt(10);
        String flipped = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A')
                + parts[2].substring(11);
        assertEquals(401, get("/api/v1/me", flipped).status());
        assertEquals(401, get("/api/v1/me", "not.a.jwt").status());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        try (OidcProvider other = new OidcProvider()) {
            Answer a = get("/api/v1/me", other.accessToken());
            assertEquals(401, a.status());
        }
    }

    @Test
    void aRotatedSigningKeyIsPickedUpFromTheIssuer() throws Exception {
        assertEquals(200, get("/api/v1/me", provider.accessToken()).status()); // the first key is cached
        String before = provider.keyId();
        provider.rotateKey();
        String token = provider.accessToken();
        assertNotEquals(before, SignedJWT.parse(token).getHeader().getKeyID());
        Answer a = get("/api/v1/me", token);
        assertEquals(200, a.status(), a.json().toString());
    }

    @Test
    void theRoleClaimMapsToTheHighestRoleItGrants() {
        provider.signingIn(new Person("9990003", "Cara Singh", List.of("viewer", "operator")));
        Answer me = get("/api/v1/me", provider.accessToken());
        assertEquals("operator", me.json().path("role").asText());
        Answer tokens = get("/api/v1/tokens", provider.accessToken());
        assertEquals(403, tokens.status());
        assertEquals("ACCESS_DENIED", tokens.json().path("code").asText());
        assertTrue(tokens.detail().contains("Cara Singh has the operator role"), tokens.detail());

        provider.signingIn(new Person("9990004", "Dev Rao", List.of("nurse")));
        Answer none = get("/api/v1/me", provider.accessToken());
        assertEquals(401, none.status());
        assertTrue(none.detail().contains("grants no role"), none.detail());
    }

    @Test
    void configuredRoleValuesMapAnIssuersOwnCodes() {
        var settings = new OidcSettings(provider.issuer(), OidcProvider.AUDIENCE, "roles",
                OidcSettings.roleValues(List.of("admin=R8000", "viewer=R8003")), null);
        try (SandboxFixture cis2 = SandboxFixture.startWithOidc(settings)) {
            provider.signingIn(new Person("9990005", "Eve Adams", List.of("R8003", "R8000")));
            Answer me = send(cis2, new Request.Builder().url(cis2.baseUrl() + "/api/v1/me")
                    .header("Authorization", "Bearer " + provider.accessToken()).build());
            assertEquals("admin", me.json().path("role").asText());
            provider.signingIn(new Person("9990006", "Fay Lin", List.of("admin"))); // the plain word maps no more
            me = send(cis2, new Request.Builder().url(cis2.baseUrl() + "/api/v1/me")
                    .header("Authorization", "Bearer " + provider.accessToken()).build());
            assertEquals(401, me.status());
        }
    }

    @Test
    void theAuditLogNamesThePersonOrTheTokensOwner() {
        String body = "{\"name\":\"ci-pipeline\",\"owner\":\"Gita Rao <gita.rao@nhs.net>\",\"role\":\"operator\","
                + "\"reason\":\"Nightly checks\"}";
        Answer created = post("/api/v1/tokens", provider.accessToken(), body);
        assertEquals(201, created.status(), created.json().toString());
        JsonNode entry = latestAudit("token");
        assertEquals("Asha Patel", entry.at("/actor/name").asText());
        assertEquals("9990001", entry.at("/actor/subject").asText());
        assertTrue(entry.at("/actor/tokenId").isNull());

        String secret = created.json().path("secret").asText();
        Answer limited = post("/api/v1/tokens", secret, body); // an operator may not: nothing audited
        assertEquals(403, limited.status());
        String adminByOwner = post("/api/v1/tokens", provider.accessToken(), body.replace("operator", "admin")
                .replace("ci-pipeline", "ci-admin")).json().path("secret").asText();
        post("/api/v1/tokens", adminByOwner, "{\"name\":\"made-by-ci\",\"role\":\"viewer\"}");
        JsonNode byToken = latestAudit("token");
        assertEquals("ci-admin", byToken.at("/actor/name").asText());
        assertEquals("Gita Rao <gita.rao@nhs.net>", byToken.at("/actor/owner").asText());
        assertTrue(byToken.at("/actor/subject").isNull());
    }

    @Test
    void onPostgresqlTooAPersonIsRecordedOnceAndAudited() {
        try (SandboxFixture pg = SandboxFixture.startWithOidc(provider.settings(), io.spineconsole.sandbox.TestStore.POSTGRES)) {
            provider.signingIn(new Person("9990007", "Gus Hale", List.of("admin")));
            for (int i = 0; i < 2; i++) {
                Answer me = send(pg, new Request.Builder().url(pg.baseUrl() + "/api/v1/me")
                        .header("Authorization", "Bearer " + provider.accessToken()).build());
                assertEquals("9990007", me.json().path("subject").asText(), me.json().toString());
            }
            Answer created = send(pg, new Request.Builder().url(pg.baseUrl() + "/api/v1/tokens")
                    .header("Authorization", "Bearer " + provider.accessToken())
                    .post(RequestBody.create("{\"name\":\"pg-token\",\"role\":\"viewer\"}",
                            MediaType.get("application/json"))).build());
            assertEquals(201, created.status(), created.json().toString());
            Answer audit = send(pg, new Request.Builder().url(pg.baseUrl() + "/api/v1/audit?entityType=token&limit=1")
                    .header("Authorization", "Bearer " + pg.adminToken()).build());
            assertEquals("9990007", audit.json().at("/items/0/actor/subject").asText());
            assertEquals(1L, pg.backbone().database() == null ? 0 : countPeople(pg));
        }
    }

    private static long countPeople(SandboxFixture fixture) {
        try (var c = fixture.backbone().database().dataSource().getConnection();
             var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM oidc_person")) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anUnreachableIssuerIsTheServersTroubleAndApiTokensStillWork() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        var nowhere = OidcSettings.of(URI.create("http://127.0.0.1:" + closed + "/nhs-cis2"), OidcProvider.AUDIENCE);
        try (SandboxFixture down = SandboxFixture.startWithOidc(nowhere)) {
            Answer a = send(down, new Request.Builder().url(down.baseUrl() + "/api/v1/me")
                    .header("Authorization", "Bearer " + provider.accessToken()).build());
            assertEquals(503, a.status());
            assertEquals("SERVICE_UNAVAILABLE", a.json().path("code").asText());
            Answer token = send(down, new Request.Builder().url(down.baseUrl() + "/api/v1/me")
                    .header("Authorization", "Bearer " + down.adminToken()).build());
            assertEquals(200, token.status());
        }
    }

    @Test
    void settingsRefuseAPlainHttpIssuerBeyondThisMachineAndBadRoleValues() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OidcSettings.of(URI.create("http://idp.example.org/realm"), "x"));
        assertTrue(e.getMessage().contains("https://"), e.getMessage());
        var bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OidcSettings.roleValues(List.of("boss=R1")));
        assertTrue(bad.getMessage().contains("boss=R1"), bad.getMessage());
        assertEquals(Map.of("R8000", Role.ADMIN), OidcSettings.roleValues(List.of("admin=R8000")));
    }

    private JsonNode latestAudit(String entityType) {
        Answer page = get("/api/v1/audit?entityType=" + entityType + "&limit=1", sandbox.adminToken());
        return page.json().path("items").get(0);
    }

    private Answer get(String path, String token) {
        return send(sandbox, new Request.Builder().url(sandbox.baseUrl() + path)
                .header("Authorization", "Bearer " + token).build());
    }

    private Answer post(String path, String token, String body) {
        return send(sandbox, new Request.Builder().url(sandbox.baseUrl() + path)
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create(body, MediaType.get("application/json"))).build());
    }

    private Answer send(SandboxFixture to, Request request) {
        OkHttpClient client = to == sandbox ? http : to.contract().client();
        try (Response r = client.newCall(request).execute()) {
            String text = r.body().string();
            return new Answer(r.code(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text),
                    String.valueOf(r.header("WWW-Authenticate")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
