package io.spineconsole.settings;

import io.spineconsole.platform.OwnerOnlyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsProfilesAndPreferencesAndKeepsTheSandboxFirst() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        ConnectionProfile live = ConnectionProfile.remote("National LIVE", EnvironmentKind.LIVE, "https://admin.example.nhs.uk");
        Settings settings = Settings.defaults().withProfile(live).withPreferences(Preferences.defaults()
                .withTheme(Preferences.Theme.DARK).withLastWorkspace("messages").withActiveProfileId(live.id())
                .withWindow(new Preferences.WindowGeometry(10, 20, 1000, 700, false))
                .withTimeZone(Preferences.TimeZoneChoice.UTC));
        store.save(settings);

        Settings loaded = new SettingsStore(dir).load();
        assertEquals(settings, loaded);
        assertTrue(loaded.profiles().get(0).isSandbox());
        assertEquals(live, loaded.activeProfile());
    }

    @Test
    void aSettingsFileFromBeforeTheTimeZoneChoiceShowsUkTime() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        store.save(Settings.defaults().withPreferences(Preferences.defaults().withTimeZone(Preferences.TimeZoneChoice.UTC)));
        String saved = Files.readString(store.file());
        assertTrue(saved.contains("\"timeZone\" : \"utc\""), saved);
        Files.writeString(store.file(), saved.replace("\"timeZone\" : \"utc\"", "\"unknownLater\" : 1"));

        assertEquals(Preferences.TimeZoneChoice.UK, new SettingsStore(dir).load().preferences().timeZone());
    }

    @Test
    void aTokenSavedForAProfileNeverReachesTheSettingsFile() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        ConnectionProfile p = ConnectionProfile.remote("INT", EnvironmentKind.INT, "https://int.example.nhs.uk");
        store.save(Settings.defaults().withProfile(p));
        FileSecretStore secrets = new FileSecretStore(dir);
        secrets.saveToken(p.id(), "spc_secret-value-123");

        assertFalse(Files.readString(store.file()).contains("spc_secret-value-123"));
        assertEquals("spc_secret-value-123", secrets.token(p.id()).orElseThrow());
        Path tokenFile = dir.resolve("secrets").resolve(p.id() + ".token");
        assertTrue(OwnerOnlyFiles.isOwnerOnly(tokenFile), "token file must be readable by its owner only");
    }

    @Test
    void anUnreadableFileIsSetAsideAndDefaultsAreUsed() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Files.createDirectories(dir);
        Files.writeString(store.file(), "{ this is not json");
        Settings loaded = store.load();
        assertEquals(Settings.defaults(), loaded);
        assertTrue(Files.exists(dir.resolve("settings.json.broken")));
    }

    @Test
    void theSandboxProfileCannotBeRemovedOrChanged() {
        Settings s = Settings.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.withoutProfile(ConnectionProfile.SANDBOX_ID));
        assertThrows(IllegalArgumentException.class, () -> s.withProfile(ConnectionProfile.sandbox()));
    }

    @Test
    void aTransientProfileIsNeverWritten() throws Exception {
        ConnectionProfile cli = new ConnectionProfile("command-line", "cli", EnvironmentKind.INT, "https://x.example");
        SettingsStore store = new SettingsStore(dir).withTransientProfile("command-line");
        store.save(Settings.defaults().withProfile(cli)
                .withPreferences(Preferences.defaults().withActiveProfileId("command-line")));
        Settings loaded = new SettingsStore(dir).load();
        assertEquals(1, loaded.profiles().size());
        assertTrue(loaded.activeProfile().isSandbox());
    }

    @Test
    void removingTheActiveProfileFallsBackToTheSandbox() {
        ConnectionProfile p = ConnectionProfile.remote("DEP", EnvironmentKind.DEP, "https://dep.example.nhs.uk");
        Settings s = Settings.defaults().withProfile(p).withPreferences(Preferences.defaults().withActiveProfileId(p.id()));
        assertTrue(s.withoutProfile(p.id()).activeProfile().isSandbox());
    }

    @Test
    void tlsFilePathsAreRememberedAndAFileFromBeforeTheyExistedStillLoads() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        ConnectionProfile spine = ConnectionProfile.remote("Spine INT", EnvironmentKind.INT, "https://int.example.nhs.uk")
                .withTls("/certs/spine-ca.pem", "/certs/console.p12");
        store.save(Settings.defaults().withProfile(spine));
        assertEquals(spine, store.load().profile(spine.id()).orElseThrow());

        Files.writeString(store.file(), """
                {"schemaVersion":1,"profiles":[{"id":"old-1","name":"Old","kind":"dep","url":"https://dep.example.nhs.uk"}]}
                """);
        ConnectionProfile old = store.load().profile("old-1").orElseThrow();
        assertEquals(null, old.trustStore());
        assertEquals(null, old.clientCertificate());
    }
}
