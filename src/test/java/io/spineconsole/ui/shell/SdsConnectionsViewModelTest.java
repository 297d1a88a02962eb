package io.spineconsole.ui.shell;

import io.spineconsole.api.http.sds.HttpSdsDirectory;
import io.spineconsole.api.sds.SdsDirectory;
import io.spineconsole.domain.sds.SdsEnvironment;
import io.spineconsole.sds.NationalSdsData;
import io.spineconsole.sds.SdsStandIn;
import io.spineconsole.settings.SdsConnectionProfile;
import io.spineconsole.settings.SecretStore;
import io.spineconsole.settings.Settings;
import io.spineconsole.settings.SettingsStore;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.UiExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDS connections of the settings as a user fills them in: bad input refused under its field with nothing
 * saved, the API key kept in the secret store (never the settings file), Test connection against the stand-in SDS.
 */
class SdsConnectionsViewModelTest {
    private static final I18n I18N = new I18n(Locale.UK);
    private static SdsStandIn standIn;
    private final UiExecutor direct = new UiExecutor(Runnable::run);
    private final MemorySecrets secrets = new MemorySecrets();
    private final List<String> openedFor = new ArrayList<>();
    private final AtomicInteger changed = new AtomicInteger();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        standIn = new SdsStandIn(new NationalSdsData(40, 2, 7), SdsStandIn.Config.defaults());
    }

    @AfterAll
    static void stop() throws Exception {
        standIn.close();
    }

    /** The OS credential store, in memory. */
    static final class MemorySecrets implements SecretStore {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public String description() {
            return "Test keychain";
        }

        @Override
        public Optional<String> read(String profileId, Secret secret) {
            return Optional.ofNullable(entries.get(profileId + "/" + secret.code()));
        }

        @Override
        public void save(String profileId, Secret secret, String value) {
            entries.put(profileId + "/" + secret.code(), value);
        }

        @Override
        public void delete(String profileId, Secret secret) {
            entries.remove(profileId + "/" + secret.code());
        }
    }

    private ShellViewModel shell() {
        return new ShellViewModel(new NoBackbone(), new SettingsStore(dir), Settings.defaults(), direct, Runnable::run, I18N);
    }

    private SdsConnectionsViewModel model(ShellViewModel shell) {
        return new SdsConnectionsViewModel(shell, secrets, this::open, Runnable::run, direct, I18N, changed::incrementAndGet);
    }

    /** Every connection goes to the stand-in; the environment's own base URL is noted. */
    private SdsDirectory open(SdsConnectionProfile p, String key) {
        openedFor.add(p.baseUrl());
        return HttpSdsDirectory.create(standIn.baseUrl(), key, HttpSdsDirectory.Options.defaults().withPace(200, 20)
                .withRetries(0, java.time.Duration.ofSeconds(1), 0, java.time.Duration.ofMillis(10)));
    }

    @Test
    void aBlankKeyOrAnUnknownEnvironmentIsRefusedInWordsAndNothingIsSaved() throws Exception {
        ShellViewModel shell = shell();
        SdsConnectionsViewModel vm = model(shell);
        vm.nameProperty().set("SDS INT");
        vm.environmentProperty().set("staging");
        vm.apiKeyProperty().set("   ");

        assertFalse(vm.save().get(5, TimeUnit.SECONDS));

        assertEquals("SDS has no environment called staging: choose one of sandbox, int, dep, live.",
                vm.errors().get("environment"));
        assertTrue(vm.errors().get("apiKey").startsWith("Enter the API key of your application"), vm.errors().get("apiKey"));
        assertTrue(shell.settingsProperty().get().sdsProfiles().isEmpty(), "nothing saved");
        assertTrue(secrets.entries.isEmpty(), "no key stored");
        assertEquals(0, changed.get());
        assertEquals("SDS INT", vm.nameProperty().get(), "what was typed stays");

        vm.environmentProperty().set("");
        vm.apiKeyProperty().set("abc def");
        vm.paceProperty().set("fast");
        assertFalse(vm.save().get(5, TimeUnit.SECONDS));
        assertEquals("Choose the SDS environment.", vm.errors().get("environment"));
        assertEquals("An API key has no spaces: check what was pasted.", vm.errors().get("apiKey"));
        assertEquals("The pace must be a number of requests a second above 0 and at most 1000, not fast.",
                vm.errors().get("pace"));
        assertEquals(null, vm.test().get(5, TimeUnit.SECONDS), "nothing is tried either");
        assertTrue(openedFor.isEmpty());
        assertTrue(shell.settingsProperty().get().sdsProfiles().isEmpty());
    }

    @Test
    void aSavedConnectionKeepsItsKeyInTheCredentialStoreAndTheEnvironmentGivesItsAddress() throws Exception {
        ShellViewModel shell = shell();
        SdsConnectionsViewModel vm = model(shell);
        vm.nameProperty().set("SDS INT");
        vm.environmentProperty().set("INT");
        vm.apiKeyProperty().set(SdsStandIn.API_KEY);

        assertTrue(vm.save().get(5, TimeUnit.SECONDS));

        SdsConnectionProfile saved = shell.settingsProperty().get().sdsProfiles().get(0);
        assertEquals(SdsEnvironment.INT, saved.environment());
        assertEquals("https://int.api.service.nhs.uk/spine-directory/FHIR/R4", saved.baseUrl());
        assertEquals(Optional.of(SdsStandIn.API_KEY), secrets.sdsApiKey(saved.id()));
        assertFalse(Files.readString(new SettingsStore(dir).file()).contains(SdsStandIn.API_KEY), "never in the file");
        assertEquals("Saved SDS INT; its API key is kept in Test keychain.", vm.resultProperty().get());
        assertEquals(1, changed.get(), "the console starts using it");
        assertEquals("", vm.apiKeyProperty().get(), "the key is not left in the form");

        // Editing it again: a blank key keeps the stored one; a second connection may not take its name.
        vm.paceProperty().set("5");
        assertTrue(vm.save().get(5, TimeUnit.SECONDS));
        assertEquals(5.0, shell.settingsProperty().get().sdsProfiles().get(0).pace());
        assertEquals(Optional.of(SdsStandIn.API_KEY), secrets.sdsApiKey(saved.id()));
        vm.startNew();
        vm.nameProperty().set("sds int");
        vm.environmentProperty().set("live");
        vm.apiKeyProperty().set("another");
        assertFalse(vm.save().get(5, TimeUnit.SECONDS));
        assertEquals("There is already an SDS connection called sds int.", vm.errors().get("name"));
        assertEquals(1, shell.settingsProperty().get().sdsProfiles().size());

        vm.edit(shell.settingsProperty().get().sdsProfiles().get(0));
        vm.remove().get(5, TimeUnit.SECONDS);
        assertTrue(shell.settingsProperty().get().sdsProfiles().isEmpty());
        assertTrue(secrets.entries.isEmpty(), "removing a connection removes its key");
    }

    @Test
    void testConnectionSaysWhatSdsAnsweredForTheKeyTypedOrStored() throws Exception {
        SdsConnectionsViewModel vm = model(shell());
        vm.environmentProperty().set("dep");
        vm.apiKeyProperty().set("not-the-key");

        String refused = vm.test().get(20, TimeUnit.SECONDS);
        assertTrue(refused.startsWith("SDS refused the API key: check the key of the SDS connection."), refused);

        vm.apiKeyProperty().set(SdsStandIn.API_KEY);
        String ok = vm.test().get(20, TimeUnit.SECONDS);
        assertTrue(ok.startsWith("SDS Deployment and UAT (DEP) answered and accepted the key ("), ok);
        assertEquals(List.of(SdsEnvironment.DEP.baseUrl(), SdsEnvironment.DEP.baseUrl()), openedFor);
        assertTrue(secrets.entries.isEmpty(), "a test saves nothing");
    }

    /** No backbone: these tests are about SDS connections only. */
    static final class NoBackbone implements BackboneConnector {
        @Override
        public java.util.concurrent.CompletableFuture<Session> connect(io.spineconsole.settings.ConnectionProfile profile,
                                                                       java.util.function.Consumer<String> progress) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("not in this test"));
        }

        @Override
        public String secretStoreDescription() {
            return "Test keychain";
        }

        @Override
        public Optional<String> readSecret(String profileId, SecretStore.Secret secret) {
            return Optional.empty();
        }

        @Override
        public void saveSecret(String profileId, SecretStore.Secret secret, String value) throws IOException {
            throw new IOException("not in this test");
        }

        @Override
        public void deleteSecret(String profileId, SecretStore.Secret secret) {
        }
    }
}
