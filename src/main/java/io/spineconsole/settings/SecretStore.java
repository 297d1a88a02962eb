package io.spineconsole.settings;

import java.io.IOException;
import java.util.Optional;

/** Keeps connection tokens out of the settings file. */
public interface SecretStore {
    /** A short description for the UI, for example "a file only you can read". */
    String description();

    Optional<String> token(String profileId) throws IOException;

    void saveToken(String profileId, String token) throws IOException;

    void deleteToken(String profileId) throws IOException;
}
