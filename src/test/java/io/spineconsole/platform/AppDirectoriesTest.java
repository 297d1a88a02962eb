package io.spineconsole.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppDirectoriesTest {

    @Test
    void linuxFollowsXdgFolders() {
        AppDirectories d = AppDirectories.resolve(null, "Linux", "/home/ann", Map.of());
        assertEquals(Path.of("/home/ann/.config/spine-console"), d.config());
        assertEquals(Path.of("/home/ann/.local/share/spine-console"), d.data());
        assertEquals(Path.of("/home/ann/.local/state/spine-console/logs"), d.logs());
        AppDirectories xdg = AppDirectories.resolve(null, "Linux", "/home/ann", Map.of("XDG_CONFIG_HOME", "/cfg"));
        assertEquals(Path.of("/cfg/spine-console"), xdg.config());
    }

    @Test
    void windowsUsesRoamingForSettingsAndLocalForDataAndLogs() {
        AppDirectories d = AppDirectories.resolve(null, "Windows 11", "C:/Users/ann",
                Map.of("APPDATA", "C:/Users/ann/AppData/Roaming", "LOCALAPPDATA", "C:/Users/ann/AppData/Local"));
        assertEquals(Path.of("C:/Users/ann/AppData/Roaming/Spine Console"), d.config());
        assertEquals(Path.of("C:/Users/ann/AppData/Local/Spine Console/logs"), d.logs());
    }

    @Test
    void macUsesLibraryFolders() {
        AppDirectories d = AppDirectories.resolve(null, "Mac OS X", "/Users/ann", Map.of());
        assertEquals(Path.of("/Users/ann/Library/Application Support/Spine Console"), d.config());
        assertEquals(Path.of("/Users/ann/Library/Logs/Spine Console"), d.logs());
    }

    @Test
    void overridePutsEverythingUnderOneFolder() {
        AppDirectories d = AppDirectories.resolve("/tmp/x", "Linux", "/home/ann", Map.of());
        assertEquals(Path.of("/tmp/x/config"), d.config());
        assertEquals(Path.of("/tmp/x/data/sandbox/backbone"), d.sandboxDatabase());
    }
}
