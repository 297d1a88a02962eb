package io.spineconsole.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spineconsole.sandbox.SandboxFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the web server refuses before any route sees the request (a path it cannot decode, a URI or
 * headers over its limits, a body over the limit) is answered like every other refusal: RFC 9457
 * problem details with a stable code, a request id, and never a 5xx. Sent over a raw socket, since an
 * HTTP client would not send most of these.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusalsBelowTheRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private SandboxFixture sandbox;
    private URI base;

    @BeforeAll
    void start() {
        sandbox = SandboxFixture.startTiny();
        base = URI.create(sandbox.baseUrl());
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    record Refusal(String what, String request, int status, String code) {
        @Override
        public String toString() {
            return what;
        }
    }

    Stream<Refusal> refusals() {
        String auth = "Authorization: Bearer " + sandbox.adminToken() + "\r\n";
        String longPath = "/api/v1/messages?q=" + "x".repeat(20_000);
        return Stream.of(
                new Refusal("bad percent-encoding in the path", "GET /api/v1/messages/%ZZ HTTP/1.1\r\nHost: x\r\n" + auth
                        + "\r\n", 400, "BAD_REQUEST"),
                new Refusal("an encoded slash in the path", "GET /api/v1/migration/sites/a%2Fb HTTP/1.1\r\nHost: x\r\n"
                        + auth + "\r\n", 400, "INVALID_IDENTIFIER_VALUE"),
                new Refusal("invalid UTF-8 in the path", "GET /api/v1/migration/sites/%C3%28 HTTP/1.1\r\nHost: x\r\n"
                        + auth + "\r\n", 400, "BAD_REQUEST"),
                new Refusal("a URI over the limit", "GET " + longPath + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", 414,
                        "URI_TOO_LONG"),
                new Refusal("headers over the limit", "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + auth + "X-Padding: "
                        + "y".repeat(20_000) + "\r\n\r\n", 431, "HEADERS_TOO_LARGE"),
                new Refusal("a body over the limit, by its declared length", "POST /api/v1/migration/sites HTTP/1.1\r\n"
                        + "Host: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{",
                        413, "PAYLOAD_TOO_LARGE"),
                new Refusal("a malformed request line", "GET /api/v1/me HTTP/1.1 extra\r\nHost: x\r\n\r\n", 400,
                        "BAD_REQUEST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isAnsweredAsProblemDetails(Refusal refusal) throws Exception {
        String answer = send(refusal.request());
        // A server that answers and closes before reading a request over its limits resets the connection; on a
        // busy machine the reset can overtake its answer on the way in. A client would ask again; so does this.
        for (int retry = 0; answer.isEmpty() && retry < 3; retry++) {
            answer = send(refusal.request());
        }
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        String statusLine = head.lines().findFirst().orElse("");
        assertEquals(refusal.status(), Integer.parseInt(statusLine.split(" ")[1]), answer);
        String lower = head.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("content-type: application/problem+json"), head);
        assertTrue(lower.contains("x-request-id: "), head);
        JsonNode body = JSON.readTree(body(answer, head));
        assertEquals(refusal.status(), body.get("status").asInt());
        assertEquals(refusal.code(), body.get("code").asText());
        assertEquals("about:blank", body.get("type").asText());
        assertTrue(body.get("errors").isArray());
        assertFalse(body.get("detail").asText().isBlank());
        assertTrue(body.get("instance").asText().startsWith("urn:uuid:"));
    }

    private String send(String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before reading everything; its answer is still there to read
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) > 0; ) {
                    all.write(buf, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // answered, then reset: keep what arrived
            }
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static String body(String answer, String head) {
        String rest = answer.substring(head.length() + 4);
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            StringBuilder b = new StringBuilder();
            List<String> lines = rest.lines().toList();
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                if (Integer.parseInt(lines.get(i).strip(), 16) == 0) {
                    break;
                }
                b.append(lines.get(i + 1));
            }
            return b.toString();
        }
        return rest;
    }
}
