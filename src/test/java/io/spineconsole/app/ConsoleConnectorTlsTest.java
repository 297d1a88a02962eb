package io.spineconsole.app;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.http.TestCertificates;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.FileSecretStore;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.ui.shell.Session;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile's trust store, client certificate and stored passwords reach the HTTP client: mutual TLS end to end. */
class ConsoleConnectorTlsTest {
    @TempDir
    Path dir;
    private final TestCertificates pki = new TestCertificates();
    private MockWebServer server;
    private ConnectionProfile profile;
    private FileSecretStore secrets;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.useHttps(pki.serverHandshake().sslSocketFactory());
        server.requireClientAuth();
        server.start();
        Path ca = TestCertificates.writePem(dir.resolve("spine-ca.pem"), pki.ca);
        Path p12 = pki.writeClientPkcs12(dir.resolve("console.p12"), TestCertificates.CLIENT_PASSWORD);
        profile = ConnectionProfile.remote("INT (mTLS)", EnvironmentKind.INT, server.url("/").toString())
                .withTls(ca.toString(), p12.toString());
        secrets = new FileSecretStore(dir);
        secrets.saveToken(profile.id(), "spc_int-token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aProfileWithItsTlsFilesAndStoredPasswordSignsInOverMutualTls() throws Exception {
        secrets.save(profile.id(), Secret.CLIENT_CERTIFICATE_PASSWORD, TestCertificates.CLIENT_PASSWORD);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"name\":\"INT operator\",\"role\":\"operator\",\"tokenId\":7}").build());
        try (ConsoleConnector connector = new ConsoleConnector(Path.of("never-started"), secrets)) {
            Session session = connector.connect(profile, step -> { }).join();
            assertEquals(Role.OPERATOR, session.principal().role());
            session.close();
        }
        assertEquals(pki.client.certificate(),
                server.takeRequest(5, TimeUnit.SECONDS).getHandshake().peerCertificates().get(0));
    }

    @Test
    void aWrongStoredPasswordFailsTheConnectionWithAProfileProblemNamingTheFile() throws Exception {
        secrets.save(profile.id(), Secret.CLIENT_CERTIFICATE_PASSWORD, "stale-password");
        try (ConsoleConnector connector = new ConsoleConnector(Path.of("never-started"), secrets)) {
            CompletionException e = assertThrows(CompletionException.class, () -> connector.connect(profile, step -> { }).join());
            ApiException api = ApiException.unwrap(e);
            assertNotNull(api, e.toString());
            assertEquals(ApiException.Kind.CONFIGURATION, api.kind());
            assertTrue(api.getMessage().contains("console.p12"), api.getMessage());
        }
        assertEquals(0, server.getRequestCount());
    }
}
