package io.spineconsole.api.http;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.http.HttpTransport.RetryPolicy;
import io.spineconsole.domain.Role;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutual TLS as Spine endpoints use it, against an HTTPS server that requires a client certificate. */
class MutualTlsTest {
    /** Retries allowed, to show that a refused handshake is not retried (it would fail the same way). */
    private static final HttpClientOptions OPTIONS = new HttpClientOptions(Duration.ofSeconds(3), Duration.ofSeconds(3),
            Duration.ofSeconds(10), new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(50)));
    private static final String ME = "{\"name\":\"Ann\",\"role\":\"operator\",\"tokenId\":4}";

    @TempDir
    Path dir;
    private final TestCertificates pki = new TestCertificates();
    private MockWebServer server;
    private Path trustPem;
    private Path clientP12;

    @BeforeEach
    void startServer() throws Exception {
        server = new MockWebServer();
        server.useHttps(pki.serverHandshake().sslSocketFactory());
        server.requireClientAuth();
        server.start();
        trustPem = TestCertificates.writePem(dir.resolve("spine-ca.pem"), pki.ca);
        clientP12 = pki.writeClientPkcs12(dir.resolve("client.p12"), TestCertificates.CLIENT_PASSWORD);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url() {
        return server.url("/").toString();
    }

    private static HttpClientOptions with(TlsOptions tls) {
        return OPTIONS.withTls(tls);
    }

    @Test
    void withTheRightTrustStoreAndClientCertificateTheCallSucceedsAndTheServerSeesTheCertificate() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ME).build());
        TlsOptions tls = new TlsOptions(trustPem, null, clientP12, TestCertificates.CLIENT_PASSWORD);
        try (HttpBackboneApi api = new HttpBackboneApi(url(), () -> "spc_t", with(tls))) {
            assertEquals(Role.OPERATOR, api.me().join().role());
            assertEquals(ConnectionState.ONLINE, api.connection().state());
        }
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        X509Certificate presented = (X509Certificate) request.getHandshake().peerCertificates().get(0);
        assertEquals(pki.client.certificate(), presented);
    }

    @Test
    void aPkcs12OrJksTrustStoreWithItsPasswordWorksLikeAPemFile() throws Exception {
        for (String type : new String[]{"PKCS12", "JKS"}) {
            Path store = TestCertificates.writeTrustStore(dir.resolve("trust." + type.toLowerCase()), type,
                    TestCertificates.TRUST_STORE_PASSWORD, pki.ca);
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(ME).build());
            TlsOptions tls = new TlsOptions(store, TestCertificates.TRUST_STORE_PASSWORD, clientP12,
                    TestCertificates.CLIENT_PASSWORD);
            try (HttpBackboneApi api = new HttpBackboneApi(url(), () -> "spc_t", with(tls))) {
                assertEquals(Role.OPERATOR, api.me().join().role(), type);
            }
        }
    }

    @Test
    void withoutAClientCertificateTheHandshakeFailsClearlyAndIsNotRetried() {
        TlsOptions tls = new TlsOptions(trustPem, null, null, null);
        try (HttpBackboneApi api = new HttpBackboneApi(url(), () -> "spc_t", with(tls))) {
            ApiException e = failureOf(() -> api.me().join());
            assertEquals(ApiException.Kind.OFFLINE, e.kind());
            assertEquals("TLS_HANDSHAKE_FAILED", e.code(), e.detail());
            assertTrue(e.getMessage().contains("client certificate"), e.getMessage());
            assertEquals(ConnectionState.OFFLINE, api.connection().state());
        }
        assertEquals(0, server.getRequestCount(), "no request reaches the server without a client certificate");
    }

    @Test
    void trustingTheWrongCaFailsWithAnUntrustedCertificateAndIsNotRetried() throws Exception {
        Path wrong = TestCertificates.writePem(dir.resolve("other-ca.pem"), pki.otherCa);
        TlsOptions tls = new TlsOptions(wrong, null, clientP12, TestCertificates.CLIENT_PASSWORD);
        try (HttpBackboneApi api = new HttpBackboneApi(url(), () -> "spc_t", with(tls))) {
            long started = System.nanoTime();
            ApiException e = failureOf(() -> api.me().join());
            assertEquals(ApiException.Kind.OFFLINE, e.kind());
            assertEquals("TLS_HANDSHAKE_FAILED", e.code(), e.detail());
            assertTrue(e.getMessage().contains("trust store"), e.getMessage());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3), "failed at once, not after retries");
        }
    }

    @Test
    void aWrongClientCertificatePasswordIsReportedBeforeAnyCallNamingTheFile() {
        TlsOptions tls = new TlsOptions(trustPem, null, clientP12, "not-the-password");
        ApiException e = failureOf(() -> new HttpBackboneApi(url(), () -> "spc_t", with(tls)));
        assertEquals(ApiException.Kind.CONFIGURATION, e.kind());
        assertEquals("TLS_SETUP_FAILED", e.code());
        assertTrue(e.getMessage().contains("client.p12") && e.getMessage().contains("password"), e.getMessage());
        assertTrue(!e.getMessage().contains("not-the-password") && !e.detail().contains("not-the-password"),
                "the password itself is never shown");
    }

    @Test
    void aMissingTrustStoreIsReportedBeforeAnyCall() {
        TlsOptions tls = new TlsOptions(dir.resolve("gone.pem"), null, null, null);
        ApiException e = failureOf(() -> new HttpBackboneApi(url(), () -> "spc_t", with(tls)));
        assertEquals("TLS_SETUP_FAILED", e.code());
        assertTrue(e.getMessage().contains("gone.pem") && e.getMessage().contains("no such file"), e.getMessage());
    }

    private static ApiException failureOf(Runnable action) {
        RuntimeException thrown = assertThrows(RuntimeException.class, action::run);
        ApiException api = ApiException.unwrap(thrown);
        assertNotNull(api, "expected an ApiException, got " + thrown);
        return api;
    }
}
