package io.spineconsole.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.http.server.SandboxBackbone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox over real HTTP on loopback, seen as any client would see it. */
class SandboxServerTest {
    private static SandboxFixture sandbox;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listensOnLoopbackOnly() {
        assertTrue(sandbox.baseUrl().startsWith("http://127.0.0.1:"), sandbox.baseUrl());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> r = get("/api/v1/health", null);
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals("ok", body.get("status").asText());
        assertEquals("h2", body.get("database").asText());
    }

    @Test
    void meNamesTheTokensHolderAndRole() throws Exception {
        HttpResponse<String> r = get("/api/v1/me", sandbox.adminToken());
        assertEquals(200, r.statusCode());
        JsonNode body = json.readTree(r.body());
        assertEquals(SandboxBackbone.EMBEDDED_CONSOLE_TOKEN, body.get("name").asText());
        assertEquals("admin", body.get("role").asText());
    }

    @Test
    void noTokenOrAWrongTokenGets401ProblemDetails() throws Exception {
        for (String token : new String[] {null, "spc_not-a-real-token", "garbage"}) {
            HttpResponse<String> r = get("/api/v1/registrations/summary", token);
            assertEquals(401, r.statusCode());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode problem = json.readTree(r.body());
            assertEquals("UNAUTHORISED", problem.get("code").asText());
            assertEquals(401, problem.get("status").asInt());
            assertFalse(problem.get("detail").asText().isBlank());
        }
    }

    @Test
    void anUnknownRouteIs404ProblemDetailsNot500() throws Exception {
        HttpResponse<String> r = get("/api/v1/no-such-thing", sandbox.adminToken());
        assertEquals(404, r.statusCode());
        assertEquals("NO_RECORD_FOUND", json.readTree(r.body()).get("code").asText());
    }

    @Test
    void summariesCountTheSeededRows() throws Exception {
        JsonNode reg = json.readTree(get("/api/v1/registrations/summary", sandbox.adminToken()).body());
        assertEquals(SandboxFixture.SMALL.organisations(), reg.get("organisations").asLong());
        assertTrue(reg.get("endpoints").asLong() > 0);
        JsonNode msg = json.readTree(get("/api/v1/messages/summary", sandbox.adminToken()).body());
        assertTrue(msg.get("messagesLastHour").asLong() > 0);
        assertTrue(msg.get("messagesLastHour").asLong() <= SandboxFixture.SMALL.messages());
        JsonNode mig = json.readTree(get("/api/v1/migration/summary", sandbox.adminToken()).body());
        assertEquals(4, mig.get("sites").asLong());
        assertTrue(mig.get("onPremises").asLong() > 0);
    }

    @Test
    void aViewerTokenCanReadSummaries() throws Exception {
        String viewer = sandbox.backbone().tokens().create("Test viewer", Role.VIEWER);
        assertEquals(200, get("/api/v1/migration/summary", viewer).statusCode());
        assertEquals("viewer", json.readTree(get("/api/v1/me", viewer).body()).get("role").asText());
    }

    @Test
    void tokensAreStoredHashedNeverInClear() {
        String secret = sandbox.backbone().tokens().create("Hash check", Role.OPERATOR);
        Sql sql = new Sql(dataSourceOf(sandbox));
        assertEquals(0, sql.count("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", secret));
        assertEquals(1, sql.count("SELECT COUNT(*) FROM api_token WHERE token_hash = ?", TokenStore.hash(secret)));
    }

    @Test
    void aHeadlessServerWritesItsAdminTokenToAnOwnerOnlyFileOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("admin.token");
        assertTrue(sandbox.backbone().ensureAdminTokenFile(file));
        String token = Files.readString(file).trim();
        assertEquals(200, get("/api/v1/me", token).statusCode());
        assertFalse(sandbox.backbone().ensureAdminTokenFile(file), "a working token is kept");
        assertEquals(token, Files.readString(file).trim());
        assertTrue(io.spineconsole.platform.OwnerOnlyFiles.isOwnerOnly(file));
    }

    private static javax.sql.DataSource dataSourceOf(SandboxFixture fixture) {
        return fixture.backbone().database().dataSource();
    }
}
