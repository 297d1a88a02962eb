package io.spineconsole.app;

import io.spineconsole.platform.AppDirectories;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.settings.EnvironmentKind;
import javafx.application.Application;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The entry point. With no arguments it opens the console on the embedded sandbox; see
 * {@code --help}. A plain class, not the {@link Application}: the JVM must not need JavaFX
 * to print the version or to run the sandbox headless.
 */
@Command(name = "spine-console", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        subcommands = SandboxCommand.class,
        description = "Administration console for the national health messaging backbone.%n"
                + "With no options it starts an embedded sandbox backbone and connects to it.")
public final class Launcher implements Callable<Integer> {
    private static final String PROBE = "--startup-probe";

    @Option(names = "--server", paramLabel = "URL",
            description = "Connect to the admin API at URL instead of the embedded sandbox.")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "Read the access token for --server from FILE. Without it the console asks.")
    Path tokenFile;

    @Option(names = "--environment", paramLabel = "KIND",
            description = "What --server is: int, dep or live (default: ${DEFAULT-VALUE}). Sets the colour band.")
    String environment = "int";

    @Option(names = "--screenshot", paramLabel = "DIR",
            description = "Render each workspace, light and dark, to PNG files in DIR, then exit.")
    Path screenshotDir;

    @Option(names = PROBE, hidden = true,
            description = "Print the start-up timeline to standard output and exit once the first data is on screen (used by the benchmark).")
    boolean startupProbe;

    @Option(names = "--load-class-list", hidden = true, paramLabel = "FILE",
            description = "Load the classes FILE names and exit (the installer makes the class-data archive with it).")
    Path classList;

    @Spec
    CommandSpec spec;

    /** This run's start-up timeline; the first phase, JVM to {@code main}, is over when it is made. */
    private final StartupTimeline timeline;
    private final long mainAt;

    private Launcher(StartupTimeline timeline) {
        this.timeline = timeline;
        this.mainAt = timeline.now();
        timeline.record("jvm", 0, mainAt);
    }

    public static void main(String[] args) {
        // First thing: the time from the process's launch to here is the JVM's own start-up.
        StartupTimeline timeline = StartupTimeline.sinceProcessStart();
        // With no arguments (as the desktop starts it) there is nothing to parse: picocli builds its model
        // by reflection, from classes the class-data archive cannot hold (Java 5 class files), ~0.2-0.4 s.
        // The benchmark's probe takes the same path, so that it measures the start a user gets.
        boolean defaults = args.length == 0 || (args.length == 1 && args[0].equals(PROBE));
        System.exit(defaults ? new Launcher(timeline).runWithDefaults(args.length == 1)
                : commandLine(timeline).execute(args));
    }

    /** {@link #call()} with every option at its default, as {@code execute} with no arguments would run it. */
    private int runWithDefaults(boolean probe) {
        startupProbe = probe;
        try {
            return call();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    /** The command line; {@code execute} returns the exit code (2 for a usage error). */
    static CommandLine commandLine() {
        return commandLine(StartupTimeline.sinceProcessStart());
    }

    private static CommandLine commandLine(StartupTimeline timeline) {
        return new CommandLine(new Launcher(timeline));
    }

    @Override
    public Integer call() throws IOException {
        if (startupProbe) {
            // The benchmark reads each phase as it ends (it times the process from outside too).
            timeline.onEntry(e -> {
                System.out.println(e.machineLine());
                System.out.flush();
            });
        }
        timeline.endAt("command-line", mainAt);
        if (classList != null) {
            return ClassListLoader.load(classList) > 0 ? 0 : 1;
        }
        EnvironmentKind kind = parseEnvironment();
        String token = null;
        if (tokenFile != null) {
            if (server == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--token-file needs --server.");
            }
            token = readToken(spec.commandLine(), tokenFile);
        }
        if (server != null) {
            checkUrl(server);
            // As the profile form: LIVE is never reached over plain http (a token and clinical data in clear).
            if (kind == EnvironmentKind.LIVE && !server.toLowerCase(Locale.ROOT).startsWith("https://")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--server must use https for a LIVE environment; got '" + server + "'.");
            }
        }
        if (screenshotDir != null) {
            // A screenshot run switches themes and workspaces: keep it away from the user's own
            // settings and data unless a home folder was chosen on purpose.
            if (System.getProperty("spineconsole.home") == null) {
                System.setProperty("spineconsole.home", Files.createTempDirectory("spine-console-screenshots").toString());
            }
            Headless.useMonocleIfAvailable();
        }
        AppDirectories dirs = AppDirectories.forCurrentUser();
        Logging.start(dirs, "WARN", timeline);
        SpineConsoleApp.prepare(new ConsoleOptions(server, kind, token, screenshotDir, startupProbe), dirs, timeline);
        Application.launch(SpineConsoleApp.class);
        return SpineConsoleApp.exitCode();
    }

    private EnvironmentKind parseEnvironment() {
        for (EnvironmentKind k : EnvironmentKind.values()) {
            if (k != EnvironmentKind.SANDBOX && k.code().equals(environment.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--environment must be int, dep or live, not '" + environment + "'.");
    }

    private void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--server must be an absolute http(s) URL, for example https://admin-api.example.nhs.uk; got '"
                            + url + "'.");
        }
    }

    static String readToken(CommandLine cli, Path file) {
        try {
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new CommandLine.ParameterException(cli,
                        "The token file " + file + " is empty.");
            }
            return token;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cli,
                    "Cannot read the token file " + file + ": " + e.getMessage());
        }
    }

    /** {@code --version}: names the app, its version and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.NAME + " " + BuildInfo.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
