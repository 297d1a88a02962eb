package io.spineconsole.ui.shell;

import java.nio.file.Path;

/** What the About box shows, gathered by the composition root. */
public record AboutInfo(String appVersion, String javaVersion, String javafxVersion, String os,
                        Path settingsFile, Path logFolder) {
}
