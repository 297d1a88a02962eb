package io.spineconsole.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spineconsole.api.wire.WireJson;
import io.spineconsole.platform.OwnerOnlyFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads and writes {@code settings.json} in the OS config folder. Writes are atomic. A file that
 * cannot be read is set aside (renamed {@code .broken}) and defaults are used, so a bad edit by
 * hand never stops the console from starting.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private final Path file;
    private final Set<String> transientProfileIds;
    private final ObjectMapper mapper = WireJson.lenientMapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    public SettingsStore(Path configDir) {
        this(configDir.resolve("settings.json"), Set.of());
    }

    private SettingsStore(Path file, Set<String> transientProfileIds) {
        this.file = file;
        this.transientProfileIds = Set.copyOf(transientProfileIds);
    }

    /** A store that never writes the profile {@code id} (one given on the command line for this run). */
    public SettingsStore withTransientProfile(String id) {
        Set<String> ids = new HashSet<>(transientProfileIds);
        ids.add(id);
        return new SettingsStore(file, ids);
    }

    public Path file() {
        return file;
    }

    public Settings load() {
        if (!Files.isRegularFile(file)) {
            return Settings.defaults();
        }
        try {
            return mapper.readValue(file.toFile(), Settings.class);
        } catch (IOException | RuntimeException e) {
            Path broken = file.resolveSibling("settings.json.broken");
            LOG.warn("Settings file {} could not be read ({}); moved it to {} and started with defaults",
                    file, e.getMessage(), broken.getFileName());
            try {
                Files.move(file, broken, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("Could not move the unreadable settings file aside", moveFailed);
            }
            return Settings.defaults();
        }
    }

    public void save(Settings settings) throws IOException {
        Settings persistent = settings;
        for (String id : transientProfileIds) {
            persistent = persistent.withoutProfile(id);
        }
        OwnerOnlyFiles.replace(file, mapper.writeValueAsString(persistent));
    }
}
