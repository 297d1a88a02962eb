package io.spineconsole.settings;

import io.spineconsole.platform.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tokens in one file per profile under {@code secrets/}, readable by the user only. Used where no
 * OS credential store is available.
 */
public final class FileSecretStore implements SecretStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private final Path dir;

    public FileSecretStore(Path configDir) {
        this.dir = configDir.resolve("secrets");
    }

    @Override
    public String description() {
        return "file readable only by you";
    }

    @Override
    public Optional<String> token(String profileId) throws IOException {
        Path file = fileFor(profileId);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    @Override
    public void saveToken(String profileId, String token) throws IOException {
        OwnerOnlyFiles.writeString(fileFor(profileId), token);
    }

    @Override
    public void deleteToken(String profileId) throws IOException {
        Files.deleteIfExists(fileFor(profileId));
    }

    private Path fileFor(String profileId) {
        if (!SAFE_ID.matcher(profileId).matches()) {
            throw new IllegalArgumentException("Not a profile id: " + profileId);
        }
        return dir.resolve(profileId + ".token");
    }
}
