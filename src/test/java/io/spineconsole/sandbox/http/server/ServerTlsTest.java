package io.spineconsole.sandbox.http.server;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.api.http.TestCertificates;
import io.spineconsole.api.http.TlsOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SeedData;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.TlsVersion;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox served over HTTPS from a PKCS#12 key store, with and without client certificates, and the refusal of plain HTTP beyond loopback. */
class ServerTlsTest {
    private static final String PASSWORD = "server-p12-pass";
    private static final SeedData.Scale SMALLEST = new SeedData.Scale(2, 0);

    @TempDir
    Path dir;
    private final TestCertificates pki = new TestCertificates();

    private SandboxBackbone start(ServerTls tls) {
        return SandboxBackbone.start(new SandboxBackbone.Config("jdbc:h2:mem:tls-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", null, null, "127.0.0.1", 0, SMALLEST, "sandbox").withTls(tls),
                Clock.systemUTC());
    }

    private Path keyStore() throws Exception {
        return pki.writeServerPkcs12(dir.resolve("server.p12"), PASSWORD);
    }

    private OkHttpClient trustingTheCa(TlsVersion version) {
        HandshakeCertificates trust = new HandshakeCertificates.Builder().addTrustedCertificate(pki.ca.certificate())
                .build();
        return new OkHttpClient.Builder().sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .connectionSpecs(java.util.List.of(new okhttp3.ConnectionSpec.Builder(okhttp3.ConnectionSpec.MODERN_TLS)
                        .tlsVersions(version).build()))
                .callTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void servesHttpsWithTls12And13AndAnswersPlainHttpWithNothingButAnError() throws Exception {
        try (SandboxBackbone sandbox = start(ServerTls.load(keyStore(), PASSWORD, null))) {
            assertTrue(sandbox.baseUrl().startsWith("https://127.0.0.1:"), sandbox.baseUrl());
            for (TlsVersion version : new TlsVersion[]{TlsVersion.TLS_1_3, TlsVersion.TLS_1_2}) {
                try (Response r = trustingTheCa(version).newCall(new Request.Builder()
                        .url(sandbox.baseUrl() + "/api/v1/health").build()).execute()) {
                    assertEquals(200, r.code());
                    assertEquals(version, r.handshake().tlsVersion());
                    assertEquals(pki.server.certificate(), r.handshake().peerCertificates().get(0));
                }
            }
            int port = URI.create(sandbox.baseUrl()).getPort();
            // Plain HTTP to the same port gets no answer a client could read as the API's.
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            try {
                HttpResponse<String> r = plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, r.statusCode(), "plain HTTP is answered with an error, never the health: " + r.body());
            } catch (IOException refused) {
                // a closed connection is as good
            }
        }
    }

    @Test
    void withAClientCaTheConsoleSignsInWithItsCertificateAndAClientWithoutOneIsRefused() throws Exception {
        Path clientCa = TestCertificates.writePem(dir.resolve("client-ca.pem"), pki.ca);
        try (SandboxBackbone sandbox = start(ServerTls.load(keyStore(), PASSWORD, clientCa))) {
            String token = sandbox.tokens().create("Team operator", Role.OPERATOR);
            Path trust = TestCertificates.writePem(dir.resolve("trust.pem"), pki.ca);
            Path clientP12 = pki.writeClientPkcs12(dir.resolve("console.p12"), TestCertificates.CLIENT_PASSWORD);
            HttpClientOptions withCertificate = HttpClientOptions.defaults()
                    .withTls(new TlsOptions(trust, null, clientP12, TestCertificates.CLIENT_PASSWORD));
            try (HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, withCertificate)) {
                assertEquals(Role.OPERATOR, api.me().join().role());
            }
            HttpClientOptions withoutCertificate = HttpClientOptions.defaults()
                    .withTls(new TlsOptions(trust, null, null, null));
            try (HttpBackboneApi api = new HttpBackboneApi(sandbox.baseUrl(), () -> token, withoutCertificate)) {
                CompletionException e = assertThrows(CompletionException.class, () -> api.me().join());
                assertNotNull(ApiException.unwrap(e), e.toString());
            }
            try (Response r = trustingTheCa(TlsVersion.TLS_1_2).newCall(new Request.Builder()
                    .url(sandbox.baseUrl() + "/api/v1/health").build()).execute()) {
                throw new AssertionError("a client without a certificate was answered " + r.code());
            } catch (IOException expected) {
                // refused in the handshake
            }
        }
    }

    @Test
    void aWrongPasswordOrAFileWithoutAKeyIsNamedBeforeAnythingListens() throws Exception {
        Path store = keyStore();
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ServerTls.load(store, "not-the-password", null));
        assertTrue(wrong.getMessage().contains("server.p12"), wrong.getMessage());
        Path trustOnly = TestCertificates.writeTrustStore(dir.resolve("trust.p12"), "PKCS12", PASSWORD, pki.ca);
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> ServerTls.load(trustOnly, PASSWORD, null));
        assertTrue(noKey.getMessage().contains("no private key"), noKey.getMessage());
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        IllegalArgumentException badCa = assertThrows(IllegalArgumentException.class,
                () -> ServerTls.load(store, PASSWORD, notPem));
        assertTrue(badCa.getMessage().contains("ca.pem"), badCa.getMessage());
        assertFalse(ServerTls.load(store, PASSWORD, null).toString().contains(PASSWORD));
    }

    @Test
    void plainHttpBeyondLoopbackIsRefusedUnlessAskedForExplicitly() throws Exception {
        for (String loopback : new String[]{"127.0.0.1", "localhost", "::1", "127.0.0.2"}) {
            assertFalse(ServerTls.checkPlainHttp(loopback, null, false), loopback);
        }
        for (String network : new String[]{"0.0.0.0", "192.168.1.20", "::"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerTls.checkPlainHttp(network, null, false));
            assertTrue(e.getMessage().contains("--tls-keystore") && e.getMessage().contains(network), e.getMessage());
            assertTrue(ServerTls.checkPlainHttp(network, null, true), "allowed, and the caller warns");
            assertFalse(ServerTls.checkPlainHttp(network, ServerTls.load(keyStore(), PASSWORD, null), false));
        }
    }
}
