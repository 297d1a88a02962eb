package io.spineconsole.settings;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.spineconsole.platform.OwnerOnlyFiles;
import io.spineconsole.settings.SecretStore.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretStoresTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void aHeadlessLinuxBoxGetsTheFileStoreAtOnceWithoutTouchingTheKeyring() {
        AtomicBoolean opened = new AtomicBoolean();
        long started = System.nanoTime();
        SecretStores.Choice choice = SecretStores.choose(dir, Map.of("HOME", "/home/x"), "Linux", "auto", () -> {
            opened.set(true);
            throw new IllegalStateException("must not be asked");
        }, Duration.ofSeconds(30));
        assertInstanceOf(FileSecretStore.class, choice.store());
        assertTrue(choice.reason().contains("session bus"), choice.reason());
        assertFalse(opened.get());
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void aKeyringThatIsMissingFallsBackToTheFileStore() {
        SecretStores.Choice choice = SecretStores.choose(dir, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nowhere"),
                "Linux", "auto", () -> {
                    throw new com.github.javakeyring.BackendNotSupportedException("No available keyring backend found");
                }, TIMEOUT);
        assertInstanceOf(FileSecretStore.class, choice.store());
        assertTrue(choice.reason().contains("No available keyring backend"), choice.reason());
    }

    @Test
    void aKeyringThatNeverAnswersFallsBackAfterTheTimeoutInsteadOfHanging() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        long started = System.nanoTime();
        SecretStores.Choice choice = SecretStores.choose(dir, Map.of(), "Windows 11", "auto", () -> {
            never.await(); // a D-Bus call that never returns, a prompt nobody answers
            return null;
        }, TIMEOUT);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertInstanceOf(FileSecretStore.class, choice.store());
        assertTrue(choice.reason().contains("did not answer"), choice.reason());
        assertTrue(millis >= 450 && millis < 2_000, "waited " + millis + " ms");
        never.countDown();
    }

    @Test
    void theFileStoreCanBeForced() {
        SecretStores.Choice choice = SecretStores.choose(dir, Map.of("DBUS_SESSION_BUS_ADDRESS", "x"), "Linux", "file",
                () -> {
                    throw new AssertionError("must not be asked");
                }, TIMEOUT);
        assertInstanceOf(FileSecretStore.class, choice.store());
    }

    /** On this machine as it is (CI is headless): the real probe ends quickly, on the file store when there is no bus. */
    @Test
    void theRealProbeOnThisMachineEndsWithinItsTimeout() {
        long started = System.nanoTime();
        Map<String, String> env = System.getenv();
        SecretStores.Choice choice = SecretStores.choose(dir, env, System.getProperty("os.name"), "auto",
                Keyring::create, Duration.ofSeconds(4));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(6));
        boolean headless = System.getProperty("os.name").toLowerCase().contains("linux")
                && (env.get("DBUS_SESSION_BUS_ADDRESS") == null || env.get("DBUS_SESSION_BUS_ADDRESS").isBlank())
                && (env.get("XDG_RUNTIME_DIR") == null || !Files.exists(Path.of(env.get("XDG_RUNTIME_DIR"), "bus")));
        if (headless) {
            assertInstanceOf(FileSecretStore.class, choice.store(), choice.reason());
        }
        if (choice.store() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // only releasing the keyring connection
            }
        }
    }

    @Test
    void theFileStoreKeepsEachSecretInItsOwnOwnerOnlyFile() throws Exception {
        FileSecretStore store = new FileSecretStore(dir);
        store.save("p-1", Secret.TOKEN, "spc_token-1");
        store.save("p-1", Secret.CLIENT_CERTIFICATE_PASSWORD, "p12-pass");
        assertEquals(Optional.of("spc_token-1"), store.token("p-1"));
        assertEquals(Optional.of("p12-pass"), store.read("p-1", Secret.CLIENT_CERTIFICATE_PASSWORD));
        assertEquals(Optional.empty(), store.read("p-1", Secret.TRUST_STORE_PASSWORD));
        assertTrue(OwnerOnlyFiles.isOwnerOnly(dir.resolve("secrets/p-1.client-certificate-password")));
        store.deleteAll("p-1");
        assertEquals(Optional.empty(), store.token("p-1"));
        assertEquals(Optional.empty(), store.read("p-1", Secret.CLIENT_CERTIFICATE_PASSWORD));
    }

    /** An in-memory OS store: a missing entry is an access failure, as in java-keyring's backends. */
    static final class MemoryEntries implements KeyringSecretStore.Entries {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public String get(String service, String account) throws PasswordAccessException {
            String value = entries.get(service + "|" + account);
            if (value == null) {
                throw new PasswordAccessException("Password not Found");
            }
            return value;
        }

        @Override
        public void set(String service, String account, String value) {
            entries.put(service + "|" + account, value);
        }

        @Override
        public void delete(String service, String account) throws PasswordAccessException {
            if (entries.remove(service + "|" + account) == null) {
                throw new PasswordAccessException("Password not Found");
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void theKeyringStoreKeepsSecretsApartAndTakesOverTokensAnEarlierRunLeftInTheFileStore() throws Exception {
        FileSecretStore file = new FileSecretStore(dir);
        file.saveToken("p-2", "spc_from-an-earlier-run");
        MemoryEntries os = new MemoryEntries();
        KeyringSecretStore store = new KeyringSecretStore(os, "Test keychain", file);

        assertEquals(Optional.of("spc_from-an-earlier-run"), store.token("p-2"));
        assertEquals("spc_from-an-earlier-run", os.entries.get("Spine Console|p-2/token"));
        assertEquals(Optional.empty(), file.token("p-2"), "moved out of the file");

        store.save("p-2", Secret.TRUST_STORE_PASSWORD, "ts-pass");
        assertEquals(Optional.of("ts-pass"), store.read("p-2", Secret.TRUST_STORE_PASSWORD));
        assertEquals(Optional.empty(), store.read("p-2", Secret.CLIENT_CERTIFICATE_PASSWORD));
        store.deleteAll("p-2");
        assertTrue(os.entries.isEmpty());
        assertEquals("Test keychain", store.description());
    }
}
