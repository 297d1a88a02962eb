package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.platform.BuildInfo;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the OS log folder before the first logger is created, and writes the
 * startup line that names the app, OS, Java and JavaFX versions.
 */
final class Logging {
    private Logging() {
    }

    /** Call before anything logs. {@code consoleLevel} is how much also goes to standard output. */
    static void start(AppDirectories dirs, String consoleLevel) {
        System.setProperty("spineconsole.logdir", dirs.logs().toString());
        System.setProperty("spineconsole.consolelevel", consoleLevel);
        LoggerFactory.getLogger(Logging.class).info("{} {} starting on {} {} ({}), Java {} ({}), JavaFX {}",
                BuildInfo.NAME, BuildInfo.version(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vendor"),
                JavaFxVersion.get());
    }
}
