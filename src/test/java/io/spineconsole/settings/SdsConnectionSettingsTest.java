package io.spineconsole.settings;

import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.platform.OwnerOnlyFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdsConnectionSettingsTest {
    private static final String KEY = "sds-key-4f1e9c2a7b";

    @TempDir
    Path dir;

    @Test
    void sdsConnectionsAreSavedAndLoadedBesideTheBackboneProfiles() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        ConnectionProfile backbone = ConnectionProfile.remote("INT", EnvironmentKind.INT, "https://int.example.nhs.uk");
        SdsConnectionProfile sdsInt = SdsConnectionProfile.create("SDS INT", SdsEnvironment.INT).withPace(5.0);
        SdsConnectionProfile sdsLive = SdsConnectionProfile.create("SDS LIVE", SdsEnvironment.LIVE);
        Settings settings = Settings.defaults().withProfile(backbone).withSdsProfile(sdsInt).withSdsProfile(sdsLive)
                .withPreferences(Preferences.defaults().withActiveProfileId(backbone.id()));
        store.save(settings);

        Settings loaded = new SettingsStore(dir).load();

        assertEquals(settings, loaded);
        assertEquals(List.of(sdsInt, sdsLive), loaded.sdsProfiles());
        SdsConnectionProfile intAgain = loaded.sdsProfile(sdsInt.id()).orElseThrow();
        assertEquals("https://int.api.service.nhs.uk/spine-directory/FHIR/R4", intAgain.baseUrl());
        assertEquals(5.0, intAgain.pace());
        assertEquals(SdsConnectionProfile.DEFAULT_REQUESTS_PER_SECOND, loaded.sdsProfile(sdsLive.id()).orElseThrow().pace());
        String json = Files.readString(store.file());
        assertTrue(json.contains("\"environment\" : \"int\""), json);
        assertFalse(json.contains("spine-directory/FHIR"), "the base URL comes from the environment, it is not stored");
    }

    @Test
    void theApiKeyIsKeptInTheSecretStoreAndNeverInTheSettingsFile() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        SdsConnectionProfile sds = SdsConnectionProfile.create("SDS DEP", SdsEnvironment.DEP);
        store.save(Settings.defaults().withSdsProfile(sds));

        // The OS credential store, as the console uses it when one answers.
        SecretStoresTest.MemoryEntries os = new SecretStoresTest.MemoryEntries();
        KeyringSecretStore keyring = new KeyringSecretStore(os, "Test keychain", new FileSecretStore(dir));
        keyring.saveSdsApiKey(sds.id(), KEY);
        store.save(new SettingsStore(dir).load());

        assertEquals(Optional.of(KEY), keyring.sdsApiKey(sds.id()));
        assertEquals(KEY, os.entries.get("Spine Console|" + sds.id() + "/sds-api-key"));
        assertNoKeyOnDisk();

        // The file store, where there is no OS store: a file of its own, readable by its owner only.
        FileSecretStore file = new FileSecretStore(dir);
        file.saveSdsApiKey(sds.id(), KEY);
        Path keyFile = dir.resolve("secrets").resolve(sds.id() + ".sds-api-key");
        assertTrue(OwnerOnlyFiles.isOwnerOnly(keyFile));
        assertFalse(Files.readString(store.file()).contains(KEY));

        file.deleteAll(sds.id());
        keyring.deleteAll(sds.id());
        assertFalse(Files.exists(keyFile), "removing a connection removes its key");
        assertTrue(os.entries.isEmpty());
    }

    @Test
    void aSettingsFileFromBeforeSdsConnectionsLoadsWithNone() throws Exception {
        Files.writeString(dir.resolve("settings.json"), """
                {"schemaVersion":1,"profiles":[{"id":"p-1","name":"INT","kind":"int","url":"https://int.example.nhs.uk"}],
                 "preferences":{"theme":"dark","activeProfileId":"p-1"}}
                """);

        Settings loaded = new SettingsStore(dir).load();

        assertEquals(List.of(), loaded.sdsProfiles());
        assertEquals("p-1", loaded.activeProfile().id());
        assertTrue(Files.exists(dir.resolve("settings.json")), "the file was read, not set aside");
    }

    @Test
    void changingOtherSettingsKeepsTheSdsConnections() {
        SdsConnectionProfile sds = SdsConnectionProfile.create("SDS INT", SdsEnvironment.INT);
        ConnectionProfile backbone = ConnectionProfile.remote("DEP", EnvironmentKind.DEP, "https://dep.example.nhs.uk");
        Settings s = Settings.defaults().withSdsProfile(sds).withProfile(backbone)
                .withPreferences(Preferences.defaults().withTheme(Preferences.Theme.DARK)).withoutProfile(backbone.id());

        assertEquals(List.of(sds), s.sdsProfiles());
        assertEquals(List.of(), s.withoutSdsProfile(sds.id()).sdsProfiles());
        SdsConnectionProfile renamed = new SdsConnectionProfile(sds.id(), "Renamed", SdsEnvironment.INT, null);
        assertEquals(List.of(renamed), s.withSdsProfile(renamed).sdsProfiles());
    }

    @Test
    void aPaceOutsideWhatMakesSenseIsRefused() {
        SdsConnectionProfile sds = SdsConnectionProfile.create("SDS", SdsEnvironment.INT);
        assertThrows(IllegalArgumentException.class, () -> sds.withPace(0.0));
        assertThrows(IllegalArgumentException.class, () -> sds.withPace(-3.0));
        assertThrows(IllegalArgumentException.class, () -> sds.withPace(5000.0));
        assertFalse(SdsConnectionProfile.create("Sandbox", SdsEnvironment.SANDBOX).needsApiKey());
        assertTrue(sds.needsApiKey());
    }

    private void assertNoKeyOnDisk() throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f).contains(KEY), "the key was written to " + dir.relativize(f));
            }
        }
    }
}
