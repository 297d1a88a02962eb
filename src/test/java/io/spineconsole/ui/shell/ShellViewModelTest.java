package io.spineconsole.ui.shell;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.ConnectionState;
import io.spineconsole.api.http.TestCertificates;
import io.spineconsole.domain.Role;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.settings.SecretStore.Secret;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.testing.FakeBackboneApi;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's behaviour with direct executors: no toolkit, no threads, no network. */
class ShellViewModelTest {
    @TempDir
    Path dir;

    private final I18n i18n = new I18n(Locale.UK);
    private final UiExecutor direct = new UiExecutor(Runnable::run);

    /** Connects instantly; profiles named in {@code needingToken} fail until a token is saved. */
    private static final class FakeConnector implements BackboneConnector {
        final Map<String, String> tokens = new HashMap<>();
        final List<FakeBackboneApi> opened = new ArrayList<>();
        RuntimeException failWith;

        @Override
        public CompletableFuture<Session> connect(ConnectionProfile profile, Consumer<String> progress) {
            progress.accept("startup.step.signIn");
            if (failWith != null) {
                return CompletableFuture.failedFuture(failWith);
            }
            if (!profile.isSandbox() && !tokens.containsKey(profile.id())) {
                return CompletableFuture.failedFuture(new TokenRequiredException(profile.name()));
            }
            FakeBackboneApi api = new FakeBackboneApi(profile.isSandbox() ? Role.ADMIN : Role.VIEWER);
            opened.add(api);
            return CompletableFuture.completedFuture(new Session(profile, api, api.me().join()));
        }

        @Override
        public String secretStoreDescription() {
            return "test store";
        }

        /** What a test of a profile answers; the secrets it was given are kept to look at. */
        CompletableFuture<ConnectionCheck> testAnswer;
        Map<Secret, String> testedWith;

        @Override
        public CompletableFuture<ConnectionCheck> test(ConnectionProfile profile, Map<Secret, String> typedSecrets) {
            testedWith = typedSecrets;
            return testAnswer;
        }

        /** Every secret but the token, as "profileId/secret-code" → value. */
        final Map<String, String> otherSecrets = new HashMap<>();

        @Override
        public Optional<String> readSecret(String profileId, Secret secret) {
            return Optional.ofNullable(secret == Secret.TOKEN ? tokens.get(profileId)
                    : otherSecrets.get(profileId + "/" + secret.code()));
        }

        /** When set, storing a secret fails with it (the credential store is locked). */
        java.io.IOException failSaving;

        @Override
        public void saveSecret(String profileId, Secret secret, String value) throws java.io.IOException {
            if (failSaving != null) {
                throw failSaving;
            }
            if (secret == Secret.TOKEN) {
                tokens.put(profileId, value);
            } else {
                otherSecrets.put(profileId + "/" + secret.code(), value);
            }
        }

        @Override
        public void deleteSecret(String profileId, Secret secret) {
            if (secret == Secret.TOKEN) {
                tokens.remove(profileId);
            } else {
                otherSecrets.remove(profileId + "/" + secret.code());
            }
        }
    }

    private ShellViewModel model(FakeConnector connector, Settings settings) {
        return new ShellViewModel(connector, new SettingsStore(dir), settings, direct, Runnable::run, i18n);
    }

    @Test
    void startsOnTheSandboxAndShowsTheServersRole() {
        FakeConnector connector = new FakeConnector();
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        assertEquals(ShellViewModel.Phase.READY, model.phaseProperty().get());
        assertTrue(model.profileProperty().get().isSandbox());
        assertEquals(Role.ADMIN, model.roleProperty().get());
    }

    @Test
    void connectionStateFollowsTheClientsReports() {
        FakeConnector connector = new FakeConnector();
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        connector.opened.get(0).connection().report(ConnectionState.OFFLINE);
        assertEquals(ConnectionState.OFFLINE, model.connectionStateProperty().get());
        connector.opened.get(0).connection().report(ConnectionState.ONLINE);
        assertEquals(ConnectionState.ONLINE, model.connectionStateProperty().get());
    }

    @Test
    void aRemoteProfileWithoutATokenAsksForOneThenConnects() {
        FakeConnector connector = new FakeConnector();
        ConnectionProfile integration = ConnectionProfile.remote("INT", EnvironmentKind.INT, "https://int.example.nhs.uk");
        ShellViewModel model = model(connector, Settings.defaults().withProfile(integration));
        model.connect(integration);
        assertEquals(ShellViewModel.Phase.NEEDS_TOKEN, model.phaseProperty().get());
        assertNull(model.sessionProperty().get());

        model.submitToken("  spc_typed  ");
        assertEquals("spc_typed", connector.tokens.get(integration.id()));
        assertEquals(ShellViewModel.Phase.READY, model.phaseProperty().get());
        assertEquals(Role.VIEWER, model.roleProperty().get());
    }

    @Test
    void switchingProfileClosesTheOldSession() {
        FakeConnector connector = new FakeConnector();
        ConnectionProfile dep = ConnectionProfile.remote("DEP", EnvironmentKind.DEP, "https://dep.example.nhs.uk");
        connector.tokens.put(dep.id(), "t");
        ShellViewModel model = model(connector, Settings.defaults().withProfile(dep));
        model.start();
        model.connect(dep);
        assertTrue(connector.opened.get(0).closed);
        assertFalse(connector.opened.get(1).closed);
        assertEquals(dep.id(), model.settingsProperty().get().preferences().activeProfileId());
    }

    @Test
    void aFailedConnectionSaysWhyAndKeepsADetailToCopy() {
        FakeConnector connector = new FakeConnector();
        connector.failWith = new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE", "unreachable",
                "GET /api/v1/me: connection refused", List.of(), null);
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        assertEquals(ShellViewModel.Phase.FAILED, model.phaseProperty().get());
        assertTrue(model.phaseMessageProperty().get().contains("Sandbox"), model.phaseMessageProperty().get());
        assertTrue(model.phaseDetailProperty().get().contains("connection refused"));
        assertEquals(ConnectionState.OFFLINE, model.connectionStateProperty().get());
    }

    @Test
    void retryAfterAFailedConnectionConnectsAgainAndTheStatusFollows() {
        FakeConnector connector = new FakeConnector();
        connector.failWith = new ApiException(ApiException.Kind.OFFLINE, 0, "OFFLINE", "unreachable",
                "GET /api/v1/me: connection refused", List.of(), null);
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        assertEquals(io.spineconsole.ui.common.LoadState.FAILED, model.openingStatus().state());
        assertEquals(model.phaseMessageProperty().get(), model.openingStatus().errorProperty().get(),
                "the placeholder says what the phase says");

        connector.failWith = null;
        model.openingStatus().retry();
        assertEquals(ShellViewModel.Phase.READY, model.phaseProperty().get());
        assertEquals(io.spineconsole.ui.common.LoadState.LOADED, model.openingStatus().state());
        assertEquals("", model.phaseDetailProperty().get(), "the old detail is gone");
        assertEquals(Role.ADMIN, model.roleProperty().get());
    }

    @Test
    void aTokenThatCannotBeStoredSaysSoAndNothingConnects() {
        FakeConnector connector = new FakeConnector();
        connector.failSaving = new java.io.IOException("keychain locked");
        ConnectionProfile integration = ConnectionProfile.remote("INT", EnvironmentKind.INT, "https://int.example.nhs.uk");
        ShellViewModel model = model(connector, Settings.defaults().withProfile(integration));
        model.connect(integration);
        assertEquals(ShellViewModel.Phase.NEEDS_TOKEN, model.phaseProperty().get());
        assertTrue(model.phaseMessageProperty().get().contains("INT"), model.phaseMessageProperty().get());
        model.submitToken("spc_typed");
        assertEquals(ShellViewModel.Phase.FAILED, model.phaseProperty().get());
        assertEquals(i18n.get("startup.tokenNotSaved"), model.phaseMessageProperty().get());
        assertNull(model.sessionProperty().get());
        assertTrue(connector.opened.isEmpty());
        assertTrue(model.phaseDetailProperty().get().contains("keychain locked"), model.phaseDetailProperty().get());
    }

    @Test
    void workspaceAndThemeAreRememberedInTheSettingsFile() throws Exception {
        ShellViewModel model = model(new FakeConnector(), Settings.defaults());
        model.selectWorkspace(Workspace.MIGRATION);
        model.toggleTheme();
        Settings saved = new SettingsStore(dir).load();
        assertEquals("migration", saved.preferences().lastWorkspace());
        assertEquals(Preferences.Theme.DARK, saved.preferences().theme());

        ShellViewModel reopened = model(new FakeConnector(), saved);
        assertEquals(Workspace.MIGRATION, reopened.workspaceProperty().get());
        assertEquals(Preferences.Theme.DARK, reopened.themeProperty().get());
        assertTrue(Files.isRegularFile(dir.resolve("settings.json")));
    }

    @Test
    void windowGeometryIsRememberedForTheNextRun() {
        ShellViewModel model = model(new FakeConnector(), Settings.defaults());
        Preferences.WindowGeometry geometry = new Preferences.WindowGeometry(40, 60, 1400, 900, true);
        model.rememberWindow(geometry);
        assertEquals(geometry, new SettingsStore(dir).load().preferences().window());
    }

    @Test
    void removingTheLiveProfileGoesBackToTheSandbox() {
        FakeConnector connector = new FakeConnector();
        ConnectionProfile live = ConnectionProfile.remote("LIVE", EnvironmentKind.LIVE, "https://live.example.nhs.uk");
        connector.tokens.put(live.id(), "t");
        ShellViewModel model = model(connector, Settings.defaults().withProfile(live));
        model.connect(live);
        model.removeProfile(live.id());
        assertTrue(model.profileProperty().get().isSandbox());
        assertEquals(1, model.settingsProperty().get().profiles().size());
    }

    @Test
    void comingBackFromOfflineCountsARecoverySoTheWindowReloadsTheWorkspace() {
        FakeConnector connector = new FakeConnector();
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        FakeBackboneApi api = connector.opened.get(0);
        api.connection().report(ConnectionState.ONLINE);
        api.connection().report(ConnectionState.DEGRADED);
        api.connection().report(ConnectionState.ONLINE);
        assertEquals(0, model.recoveriesProperty().get(), "slow is not a recovery");
        api.connection().report(ConnectionState.OFFLINE);
        api.connection().report(ConnectionState.ONLINE);
        assertEquals(1, model.recoveriesProperty().get());
        api.connection().report(ConnectionState.OFFLINE);
        api.connection().report(ConnectionState.DEGRADED);
        assertEquals(2, model.recoveriesProperty().get(), "answering again, if slowly, is a recovery too");
        api.connection().report(ConnectionState.UNAUTHORISED);
        assertEquals(2, model.recoveriesProperty().get());
    }

    @Test
    void aProfileWithTlsFilesIsSavedOnlyWhenItsPasswordsOpenThem() throws Exception {
        TestCertificates pki = new TestCertificates();
        Path ca = TestCertificates.writePem(dir.resolve("spine-ca.pem"), pki.ca);
        Path p12 = pki.writeClientPkcs12(dir.resolve("client.p12"), TestCertificates.CLIENT_PASSWORD);
        FakeConnector connector = new FakeConnector();
        ShellViewModel model = model(connector, Settings.defaults());
        ProfileForm form = new ProfileForm(i18n);
        form.edit(null);
        form.nameProperty().set("INT with mTLS");
        form.urlProperty().set("https://int.example.nhs.uk");
        form.trustStoreProperty().set(ca.toString());
        form.clientCertificateProperty().set(p12.toString());
        form.clientCertificatePasswordProperty().set("wrong");

        Map<String, String> problems = model.saveProfile(form).join();
        assertEquals(Map.of("clientCertificate", i18n.get("profiles.error.wrongPassword")), problems);
        assertEquals(1, model.settingsProperty().get().profiles().size(), "nothing saved");
        assertTrue(connector.otherSecrets.isEmpty());

        form.clientCertificatePasswordProperty().set(TestCertificates.CLIENT_PASSWORD);
        form.tokenProperty().set("spc_new-token");
        assertEquals(Map.of(), model.saveProfile(form).join());
        ConnectionProfile saved = model.settingsProperty().get().profiles().get(1);
        assertEquals(ca.toString(), saved.trustStore());
        assertEquals(p12.toString(), saved.clientCertificate());
        assertEquals(TestCertificates.CLIENT_PASSWORD,
                connector.readSecret(saved.id(), Secret.CLIENT_CERTIFICATE_PASSWORD).orElseThrow());
        assertEquals("spc_new-token", connector.tokens.get(saved.id()));
        String file = Files.readString(dir.resolve("settings.json"));
        assertTrue(file.contains("client.p12"));
        assertFalse(file.contains(TestCertificates.CLIENT_PASSWORD) || file.contains("spc_new-token"),
                "no secret in the settings file");

        // Editing again with the password left blank checks the file with the stored one.
        form.edit(saved);
        form.nameProperty().set("INT renamed");
        assertEquals(Map.of(), model.saveProfile(form).join());
        assertEquals("INT renamed", model.settingsProperty().get().profile(saved.id()).orElseThrow().name());

        model.removeProfile(saved.id());
        assertTrue(connector.otherSecrets.isEmpty() && connector.tokens.isEmpty(), "a removed profile leaves no secret");
    }

    @Test
    void tlsFileProblemsNameTheFieldAndTheReason() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a certificate");
        ShellViewModel model = model(new FakeConnector(), Settings.defaults());
        ProfileForm form = new ProfileForm(i18n);
        form.edit(null);
        form.nameProperty().set("DEP");
        form.urlProperty().set("https://dep.example.nhs.uk");
        form.trustStoreProperty().set(dir.resolve("missing.pem").toString());
        form.clientCertificateProperty().set(dir.resolve("notes.txt").toString());
        Map<String, String> problems = model.saveProfile(form).join();
        assertEquals(i18n.get("profiles.error.fileNotFound"), problems.get("trustStore"));
        assertEquals(i18n.get("profiles.error.notPkcs12"), problems.get("clientCertificate"));

        form.urlProperty().set("http://127.0.0.1:8080");
        assertEquals(i18n.get("profiles.error.tlsNeedsHttps"), model.saveProfile(form).join().get("trustStore"));
    }

    @Test
    void theCommandPaletteMatchesWordsInAnyOrder() {
        Command dark = new Command("Switch to dark theme", "", () -> { });
        assertTrue(dark.matches("dark th"));
        assertTrue(dark.matches("THEME switch"));
        assertTrue(dark.matches(""));
        assertFalse(dark.matches("light"));
    }

    @Test
    void testingAProfileSaysWhatTheServerIsAndWhoTheTokenSignsInAsWithoutSavingIt() {
        FakeConnector connector = new FakeConnector();
        ShellViewModel model = model(connector, Settings.defaults());
        model.start();
        ProfileForm form = new ProfileForm(i18n);
        form.edit(null);
        assertEquals(i18n.get("profiles.test.fixFirst"), model.testProfile(form).join(), "an empty form is not tried");
        assertEquals(null, connector.testedWith);

        form.nameProperty().set("Integration");
        form.urlProperty().set("https://int.example.nhs.uk");
        form.tokenProperty().set("spc_typed");
        connector.testAnswer = CompletableFuture.completedFuture(new BackboneConnector.ConnectionCheck(
                new io.spineconsole.domain.ServerHealth("ok", "2.4.1", "1.0.0", "team", "postgresql"),
                new io.spineconsole.domain.Principal("alice", Role.OPERATOR, 7)));
        assertEquals("Reached https://int.example.nhs.uk: server 2.4.1, API 1.0.0; the token signs in as alice (operator).",
                model.testProfile(form).join());
        assertEquals("spc_typed", connector.testedWith.get(Secret.TOKEN), "the token as typed, not yet stored");
        assertTrue(connector.tokens.isEmpty(), "a test saves nothing");
        assertEquals(1, model.settingsProperty().get().profiles().size(), "nor the profile");

        connector.testAnswer = CompletableFuture.failedFuture(new java.net.ConnectException("Connection refused"));
        assertTrue(model.testProfile(form).join().startsWith(i18n.get("profiles.test.failed", "").trim()));
    }
}
