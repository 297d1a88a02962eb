package io.spineconsole.app;

import io.spineconsole.settings.EnvironmentKind;

import java.nio.file.Path;

/**
 * How the console was asked to start. {@code serverUrl} null means the saved profile (the sandbox
 * on a first run). {@code token} comes from a file, never from the command line itself.
 */
record ConsoleOptions(String serverUrl, EnvironmentKind environment, String token, Path screenshotDir,
                      boolean startupProbe) {
    static ConsoleOptions defaults() {
        return new ConsoleOptions(null, EnvironmentKind.INT, null, null, false);
    }
}
