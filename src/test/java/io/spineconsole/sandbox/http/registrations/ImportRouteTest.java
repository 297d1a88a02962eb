package io.spineconsole.sandbox.http.registrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.http.ProblemException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The import route reads its body as it arrives: sent without a length (chunked) and without an
 * Idempotency-Key it is streamed into the import, with one it comes from what the idempotency check
 * read; either way the answer is the same, and an unreadable file is a 400 naming where.
 */
class ImportRouteTest {
    private static final String IMPORT = "/api/v1/registrations/import";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.startTiny();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void aChunkedBodyIsImportedAsItArrivesWithOrWithoutAnIdempotencyKey() throws Exception {
        String csv = "odsCode,name,kind\nZZ901,Streamed practice,gp-practice\nZZ902,Another,gp-practice\n";
        for (String key : new String[] {null, UUID.randomUUID().toString()}) {
            HttpResponse<String> answer = post("?dryRun=true&type=organisations", "text/csv", csv, key);

            assertEquals(200, answer.statusCode(), answer.body());
            JsonNode report = JSON.readTree(answer.body());
            assertEquals(2, report.path("counts").path("created").asInt(), answer.body());
            assertEquals("ZZ902", report.path("results").path(1).path("identifier").asText());
            assertEquals(3, report.path("results").path(1).path("line").asInt());
        }
    }

    @Test
    void anUnreadableFileIsA400NamingWhere() throws Exception {
        HttpResponse<String> answer = post("?dryRun=true", "application/fhir+json",
                "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"colour\":\"red\",\"entry\":[]}", null);

        assertEquals(400, answer.statusCode(), answer.body());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals("INVALID_REQUEST_BODY", problem.path("code").asText());
        assertEquals("/colour", problem.path("errors").path(0).path("field").asText());
        assertEquals("INVALID_BODY", problem.path("errors").path(0).path("code").asText());
        assertEquals("Unknown Bundle member 'colour'.", problem.path("detail").asText());
    }

    @Test
    void aBodyIsRefusedOnceItPassesTheLimit() throws Exception {
        try (InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10)) {
            assertEquals(10, in.readAllBytes().length, "up to the limit is fine");
        }
        InputStream over = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        ProblemException e = assertThrows(ProblemException.class, over::readAllBytes);
        assertEquals(413, e.status());
        assertEquals("PAYLOAD_TOO_LARGE", e.code());
    }

    private static HttpResponse<String> post(String query, String contentType, String body, String idempotencyKey)
            throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + IMPORT + query))
                .header("Authorization", "Bearer " + sandbox.adminToken())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
