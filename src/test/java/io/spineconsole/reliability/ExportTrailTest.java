package io.spineconsole.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.spineconsole.domain.Role;
import io.spineconsole.reliability.Wire.Call;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.sandbox.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A governed export is audited from start to end: who started it with what filter, format and cap,
 * before the first row; then its completion with the rows written, or, when the client goes away
 * part-way, its abort with the rows written until then.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExportTrailTest {
    private SandboxFixture sandbox;
    private Wire wire;
    private String operator;

    @BeforeAll
    void start() {
        sandbox = SandboxFixture.start();
        wire = new Wire(sandbox.baseUrl());
        operator = sandbox.backbone().tokens().create("olu.operator", Role.OPERATOR);
    }

    @AfterAll
    void stop() {
        wire.close();
        sandbox.close();
    }

    @Test
    void aCompletedExportIsAuditedBeforeItsFirstRowAndAfterItsLast() throws Exception {
        Wire.Answer answer = wire.send(Call.get("/api/v1/messages/export?format=ndjson&maxRows=25", operator));
        assertEquals(200, answer.status());
        List<String> lines = answer.text().lines().toList();
        assertEquals("{\"truncated\":true}", lines.get(lines.size() - 1), "the cap applied and the file says so");

        List<JsonNode> trail = trail(answer.raw().headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals(2, trail.size(), trail.toString());
        assertEquals("started", trail.get(0).get("phase").asText());
        assertEquals("ndjson", trail.get(0).get("format").asText());
        assertEquals(25, trail.get(0).get("maxRows").asInt());
        assertEquals("25", trail.get(0).at("/filter/maxRows/0").asText());
        assertEquals("completed", trail.get(1).get("phase").asText());
        assertEquals(25, trail.get(1).get("rows").asInt());
        assertTrue(trail.get(1).get("truncated").asBoolean());
    }

    @Test
    void anExportTheClientAbandonsIsAuditedAsAbortedWithTheRowsWritten() throws Exception {
        URI base = URI.create(sandbox.baseUrl());
        String requestId;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setReceiveBufferSize(4096);
            socket.setSoLinger(true, 0); // closing resets the connection, as a killed client's would
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/messages/export?format=ndjson&maxRows=1000000&from=" + java.time.Instant.now()
                    .minus(java.time.Duration.ofDays(30)) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + operator
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            requestId = headers(socket.getInputStream()).lines().filter(l -> l.toLowerCase().startsWith("x-request-id:"))
                    .findFirst().orElseThrow().substring("x-request-id:".length()).strip();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<JsonNode> trail = trail(requestId);
        while (trail.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            trail = trail(requestId);
        }
        assertEquals(2, trail.size(), trail.toString());
        assertEquals("aborted", trail.get(1).get("phase").asText(), trail.toString());
        long total = sql().count("SELECT COUNT(*) FROM message");
        long rows = trail.get(1).get("rows").asLong();
        assertTrue(rows < total, "cut short: " + rows + " of " + total);
    }

    /** The after-records of the export entries made by a request, in order. */
    private List<JsonNode> trail(String requestId) {
        return sql().list("SELECT after_json FROM audit_event WHERE action = 'export' AND request_id = ? ORDER BY id",
                r -> json(r.getString(1)), requestId);
    }

    private static JsonNode json(String text) {
        try {
            return Wire.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String headers(InputStream in) throws Exception {
        StringBuilder b = new StringBuilder();
        while (!b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private Sql sql() {
        return new Sql(sandbox.backbone().database().dataSource());
    }
}
