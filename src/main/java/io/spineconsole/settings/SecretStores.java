package io.spineconsole.settings;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Chooses where secrets are kept: the OS credential store when one answers, otherwise a file only
 * the user can read ({@link FileSecretStore}).
 *
 * <p>How "answers" is decided, so a headless machine never hangs the console: on Linux and other
 * Unix desktops the Secret Service lives on the D-Bus session bus, so with neither
 * {@code DBUS_SESSION_BUS_ADDRESS} nor {@code $XDG_RUNTIME_DIR/bus} there is none and the file
 * store is used at once. Otherwise the keyring is opened and asked for an entry on a background
 * thread; if that fails or takes longer than {@link #PROBE_TIMEOUT}, the file store is used.
 *
 * <p>The system property {@value #PROPERTY} overrides the choice: {@code file} (always the file
 * store; the tests use it so they never write to the machine's own credential store) or
 * {@code auto} (the default).
 */
public final class SecretStores {
    public static final String PROPERTY = "spineconsole.secretStore";
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);
    private static final Logger LOG = LoggerFactory.getLogger(SecretStores.class);

    private SecretStores() {
    }

    /** Opens the OS keyring; java-keyring's {@code Keyring::create} in the console, a fake in tests. */
    @FunctionalInterface
    public interface KeyringOpener {
        Keyring open() throws Exception;
    }

    /** The store chosen, and why (for the log). */
    public record Choice(SecretStore store, String reason) {
    }

    /**
     * Starts choosing on a background thread and returns at once. The store waits for the choice
     * (at most the probe timeout) the first time it is used.
     */
    public static SecretStore chooseInBackground(Path configDir) {
        CompletableFuture<SecretStore> choice = new CompletableFuture<>();
        Thread chooser = new Thread(() -> {
            Choice c = choose(configDir, System.getenv(), System.getProperty("os.name", ""),
                    System.getProperty(PROPERTY, "auto"), Keyring::create, PROBE_TIMEOUT);
            LOG.info("Secrets are kept in: {} ({})", c.store().description(), c.reason());
            choice.complete(c.store());
        }, "secret-store-chooser");
        chooser.setDaemon(true);
        chooser.start();
        return new DeferredSecretStore(choice);
    }

    /** Chooses now, waiting at most {@code timeout} for the OS store to answer. */
    public static Choice choose(Path configDir, Map<String, String> env, String osName, String mode,
                                KeyringOpener opener, Duration timeout) {
        FileSecretStore file = new FileSecretStore(configDir);
        if ("file".equalsIgnoreCase(mode)) {
            return new Choice(file, PROPERTY + "=file");
        }
        String os = osName.toLowerCase(Locale.ROOT);
        boolean windowsOrMac = os.startsWith("windows") || os.startsWith("mac");
        if (!windowsOrMac && !hasSessionBus(env)) {
            return new Choice(file, "no desktop session bus, so no Secret Service");
        }
        CompletableFuture<Keyring> opening = new CompletableFuture<>();
        Thread probe = new Thread(() -> {
            try {
                opening.complete(probe(opener.open()));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        }, "secret-store-probe");
        probe.setDaemon(true);
        probe.start();
        try {
            Keyring keyring = opening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Choice(new KeyringSecretStore(keyring, file), "the OS credential store answered");
        } catch (TimeoutException e) {
            // If it answers after all, release it: the file store is in use for this run.
            opening.thenAccept(SecretStores::closeQuietly);
            return new Choice(file, "the OS credential store did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Choice(file, "no usable OS credential store: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Choice(file, "interrupted while looking for the OS credential store");
        }
    }

    private static boolean hasSessionBus(Map<String, String> env) {
        String address = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (address != null && !address.isBlank()) {
            return true;
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        return runtime != null && !runtime.isBlank() && Files.exists(Path.of(runtime, "bus"));
    }

    /** Asks for an entry: a store that is present but locked or broken shows itself here. */
    private static Keyring probe(Keyring keyring) {
        try {
            keyring.getPassword(KeyringSecretStore.SERVICE, "probe");
        } catch (PasswordAccessException noSuchEntry) {
            // The store answered: there is just no such entry.
        }
        return keyring;
    }

    private static void closeQuietly(Keyring keyring) {
        try {
            keyring.close();
        } catch (Exception ignored) {
            // Nothing to do: the store was never used.
        }
    }

    /** A store whose choice is still being made; each use waits for it (bounded by the probe timeout). */
    private static final class DeferredSecretStore implements SecretStore {
        private final CompletableFuture<SecretStore> choice;

        DeferredSecretStore(CompletableFuture<SecretStore> choice) {
            this.choice = choice;
        }

        private SecretStore store() {
            return choice.join();
        }

        @Override
        public String description() {
            return store().description();
        }

        @Override
        public Optional<String> read(String profileId, Secret secret) throws IOException {
            return store().read(profileId, secret);
        }

        @Override
        public void save(String profileId, Secret secret, String value) throws IOException {
            store().save(profileId, secret, value);
        }

        @Override
        public void delete(String profileId, Secret secret) throws IOException {
            store().delete(profileId, secret);
        }
    }
}
