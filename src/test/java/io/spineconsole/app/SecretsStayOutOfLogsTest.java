package io.spineconsole.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.spineconsole.api.ApiException;
import io.spineconsole.api.BackboneApi;
import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.api.http.HttpBackboneApi.HttpClientOptions;
import io.spineconsole.domain.Role;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.FileSecretStore;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.ui.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole session (sign in, calls, a refused token) with every logger at DEBUG, client and
 * sandbox server both, written to a file with the console's own log layout (LogConfiguration, which
 * masks credentials): no token or password may appear in it, nor in the settings file.
 */
class SecretsStayOutOfLogsTest {
    @TempDir
    Path dir;

    @Test
    void noTokenOrPasswordReachesTheLogOrTheSettingsFile() throws Exception {
        Path log = dir.resolve("debug.log");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Map<String, Level> before = new HashMap<>();
        List<String> everyLogger = context.getLoggerList().stream().map(Logger::getName).toList();
        FileAppender<ILoggingEvent> file = debugFile(context, log);
        root.addAppender(file);
        for (String name : everyLogger) {
            Logger logger = context.getLogger(name);
            before.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG); // including Jetty, Javalin and OkHttp, quiet by default
        }
        String wrongToken = "spc_wrongTokenNobodyIssued000";
        String certificatePassword = "p12-password-never-logged";
        List<String> secrets;
        try (SandboxFixture sandbox = SandboxFixture.start()) {
            String viewerToken = sandbox.backbone().tokens().create("log-scan viewer", Role.VIEWER);
            secrets = List.of(sandbox.adminToken(), viewerToken, wrongToken, certificatePassword);

            // The console's own path: profile saved, token into the secret store, connect, calls.
            SettingsStore settings = new SettingsStore(dir);
            FileSecretStore store = new FileSecretStore(dir);
            ConnectionProfile profile = ConnectionProfile.remote("Log scan", EnvironmentKind.INT, sandbox.baseUrl());
            settings.save(Settings.defaults().withProfile(profile));
            store.saveToken(profile.id(), viewerToken);
            store.save(profile.id(), Secret.CLIENT_CERTIFICATE_PASSWORD, certificatePassword);
            try (ConsoleConnector connector = new ConsoleConnector(Path.of("never-started"), store)) {
                Session session = connector.connect(profile, step -> { }).join();
                assertEquals(Role.VIEWER, session.principal().role());
                session.api().registrationSummary().join();
                session.api().messageFlowSummary().join();
                session.api().health().join();
                session.close();
            }
            try (BackboneApi admin = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpClientOptions.defaults())) {
                admin.me().join();
                admin.migrationSummary().join();
            }
            try (BackboneApi refused = new HttpBackboneApi(sandbox.baseUrl(), () -> wrongToken, HttpClientOptions.defaults())) {
                ApiException e = ApiException.unwrap(assertThrows(CompletionException.class, () -> refused.me().join()));
                assertEquals(401, e.status());
                assertFalse(e.getMessage().contains(wrongToken) || e.detail().contains(wrongToken),
                        "nor in the error a user may copy");
            }
        } finally {
            for (String name : everyLogger) {
                context.getLogger(name).setLevel(before.get(name));
            }
            root.detachAppender(file);
            file.stop();
        }

        String logged = Files.readString(log);
        assertTrue(logged.contains("DEBUG") && logged.contains("/api/v1/me") && logged.contains("401"),
                "the log recorded the session at DEBUG, the refused call included");
        String settingsFile = Files.readString(dir.resolve("settings.json"));
        for (String secret : secrets) {
            assertEquals(List.of(), linesWith(logged, secret), "a secret reached the log");
            assertFalse(settingsFile.contains(secret), "a secret reached the settings file");
        }
        assertEquals(List.of(), logged.lines().filter(line -> line.matches(".*Bearer (?!\\*\\*\\*).*")).toList(),
                "an unmasked Authorization header reached the log");
        assertTrue(logged.contains("Bearer ***"), "Jetty logged the headers at DEBUG, masked");
    }

    /** The log lines holding {@code secret}, with it masked so the failure report does not repeat it. */
    @Test
    void theLayoutMasksCredentialsWhoeverLogsThem() {
        assertEquals("FIELD(Authorization: Bearer ***)", LogRedaction.redact("FIELD(Authorization: Bearer spc_AbC-123_xyz)"));
        assertEquals("token spc_*** issued", LogRedaction.redact("token spc_0123456789abcdef issued"));
        assertEquals("refused eyJ*** at 10:00", LogRedaction.redact(
                "refused eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI5OTkwMDAxIn0.c2lnbmF0dXJl at 10:00"));
        assertEquals("Authorization: basic ***", LogRedaction.redact("Authorization: basic dXNlcjpwYXNz"));
        assertEquals("GET /api/v1/me -> 200 in 3 ms", LogRedaction.redact("GET /api/v1/me -> 200 in 3 ms"));
    }

    private static List<String> linesWith(String log, String secret) {
        return log.lines().filter(line -> line.contains(secret))
                .map(line -> line.replace(secret, "<secret>"))
                .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line).toList();
    }

    private static FileAppender<ILoggingEvent> debugFile(LoggerContext context, Path log) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        // The same conversions as LogConfiguration's appenders: %msg and %ex as the console configures them.
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setFile(log.toString());
        file.setEncoder(encoder);
        file.start();
        return file;
    }
}
