package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.platform.StartupPhases;
import io.spineconsole.platform.StartupTimeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the OS log folder before the first logger is created, writes the startup line
 * that names the app, OS, Java and JavaFX versions, and logs the start-up timeline a phase a line.
 */
final class Logging {
    private Logging() {
    }

    /**
     * Call before anything logs. {@code consoleLevel} is how much also goes to standard output. Logback
     * is configured in the background (0.3-0.5 s on a cold JVM, most of it loading classes), beside the
     * toolkit's start rather than ahead of it: whatever logs meanwhile is held by SLF4J and written once
     * it is ready. Each phase of {@code timeline} is logged as it ends (those already over at once), and a
     * summary when start-up is over; configuring is the phase {@code logging}.
     */
    static void start(AppDirectories dirs, String consoleLevel, StartupTimeline timeline) {
        pointAt(dirs, consoleLevel);
        StartupPhases.Phase phase = timeline.begin("logging");
        Thread configure = new Thread(() -> {
            try (phase) {
                announce();
            }
            Logger log = LoggerFactory.getLogger("io.spineconsole.startup");
            timeline.onEntry(e -> log.info("Start-up phase {}", e.describe()));
            timeline.onFinish(() -> timeline.entries().stream().filter(e -> e.phase().equals("first-summary")).findFirst()
                    .ifPresentOrElse(e -> log.info("Start-up over: data on screen {} ms after launch", e.endMs()),
                            () -> log.info("Start-up over without data on screen (no session, or it took too long)")));
        }, "logging-start");
        configure.setDaemon(true);
        configure.start();
    }

    /** Call before anything logs. {@code consoleLevel} is how much also goes to standard output. */
    static void start(AppDirectories dirs, String consoleLevel) {
        pointAt(dirs, consoleLevel);
        announce();
    }

    /** Where Logback writes, set before any thread can create the first logger (which configures it). */
    private static void pointAt(AppDirectories dirs, String consoleLevel) {
        System.setProperty("spineconsole.logdir", dirs.logs().toString());
        System.setProperty("spineconsole.consolelevel", consoleLevel);
    }

    private static void announce() {
        LoggerFactory.getLogger(Logging.class).info("{} {} starting on {} {} ({}), Java {} ({}), JavaFX {}",
                BuildInfo.NAME, BuildInfo.version(), System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.version"), System.getProperty("java.vendor"),
                JavaFxVersion.get());
    }
}
