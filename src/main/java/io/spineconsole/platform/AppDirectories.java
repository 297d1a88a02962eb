package io.spineconsole.platform;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the console keeps its settings, data and logs, following each OS's conventions:
 * XDG folders on Linux, {@code %APPDATA%}/{@code %LOCALAPPDATA%} on Windows, {@code ~/Library}
 * on macOS. The system property {@code spineconsole.home} puts all three under one folder
 * (tests and portable installs use it).
 */
public record AppDirectories(Path config, Path data, Path logs) {
    private static final String FOLDER = "spine-console";
    private static final String MAC_FOLDER = "Spine Console";

    public static AppDirectories forCurrentUser() {
        return resolve(System.getProperty("spineconsole.home"), System.getProperty("os.name"),
                System.getProperty("user.home"), System.getenv());
    }

    static AppDirectories resolve(String override, String osName, String userHome, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            Path home = Path.of(override);
            return new AppDirectories(home.resolve("config"), home.resolve("data"), home.resolve("logs"));
        }
        Path home = Path.of(userHome);
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve(MAC_FOLDER), local.resolve(MAC_FOLDER).resolve("data"),
                    local.resolve(MAC_FOLDER).resolve("logs"));
        }
        if (os.contains("mac")) {
            Path library = home.resolve("Library");
            return new AppDirectories(library.resolve("Application Support").resolve(MAC_FOLDER),
                    library.resolve("Application Support").resolve(MAC_FOLDER).resolve("data"),
                    library.resolve("Logs").resolve(MAC_FOLDER));
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path state = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"));
        return new AppDirectories(config.resolve(FOLDER), data.resolve(FOLDER), state.resolve(FOLDER).resolve("logs"));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    /** The embedded sandbox's H2 database file (without H2's {@code .mv.db} suffix). */
    public Path sandboxDatabase() {
        return data.resolve("sandbox").resolve("backbone");
    }
}
