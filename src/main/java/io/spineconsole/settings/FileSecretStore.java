package io.spineconsole.settings;

import io.spineconsole.platform.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Secrets in one file per profile and secret under {@code secrets/}, readable by the user only
 * ({@code <profile>.token}, {@code <profile>.client-certificate-password}, ...). Used where no OS
 * credential store is available.
 */
public final class FileSecretStore implements SecretStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final Path dir;

    public FileSecretStore(Path configDir) {
        this.dir = configDir.resolve("secrets");
    }

    @Override
    public String description() {
        return "a file readable only by you";
    }

    @Override
    public Optional<String> read(String profileId, Secret secret) throws IOException {
        Path file = fileFor(profileId, secret);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file, StandardCharsets.UTF_8).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void save(String profileId, Secret secret, String value) throws IOException {
        OwnerOnlyFiles.writeString(fileFor(profileId, secret), value);
    }

    @Override
    public void delete(String profileId, Secret secret) throws IOException {
        Files.deleteIfExists(fileFor(profileId, secret));
    }

    private Path fileFor(String profileId, Secret secret) {
        if (!SAFE_ID.matcher(profileId).matches()) {
            throw new IllegalArgumentException("Not a profile id: " + profileId);
        }
        return dir.resolve(profileId + "." + secret.code());
    }
}
