package io.spineconsole.bench;

import io.spineconsole.platform.StartupTimeline;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Start-up benchmark (TARGETS.md: first frame median ≤ 2 s and ≤ 2 × a minimal JavaFX window; issue 17:
 * data on screen ≤ 3 s). Starts the console on its seeded embedded sandbox with {@code --startup-probe}
 * and a minimal JavaFX window, each in a fresh process, in turn, {@code bench.runs} times; prints the
 * console's start-up timeline (every phase, median over the runs) and the figures against the targets.
 *
 * <p>Every time is milliseconds since the process was launched, as the process itself measures it
 * ({@link StartupTimeline}: on Linux from {@code /proc}, to 10 ms). "Seen outside" is from the benchmark
 * starting the command to reading the phase's line: it includes anything the command runs first
 * (Maven, for {@code mvn javafx:run}).
 *
 * <p>Run: {@code xvfb-run -a mvn -Pbench verify -Dbench.class=io.spineconsole.bench.StartupBenchmark}
 * (without a display it runs headless on Monocle, JavaFX then from the class path). Properties:
 * <ul>
 *   <li>{@code bench.runs} (7): runs of each, after one warm-up run of each that seeds the sandbox.</li>
 *   <li>{@code bench.launcher}: start the console with this command instead, for example the installed
 *       {@code /opt/spine-console/bin/spine-console} or {@code mvn -o -q javafx:run -Djavafx.args=--startup-probe};
 *       {@code --startup-probe} is added unless the command has it. Without it the console is started the
 *       way {@code mvn javafx:run} starts it: JavaFX on the module path, {@code target/classes} and the
 *       runtime jars on the class path, the JVM options of the POM's {@code javafx:run}.</li>
 *   <li>{@code bench.home} ({@code target/bench-home}): the console's folders (through the XDG variables,
 *       which a launcher honours too); the sandbox store there is seeded once and kept.</li>
 *   <li>{@code bench.consoleOptions}, {@code bench.runtimeClasspath}: set by the {@code bench} profile.</li>
 * </ul>
 */
public final class StartupBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final long TIMEOUT_SECONDS = Long.getLong("bench.timeoutSeconds", 300);
    private static final String FIRST_FRAME = "first-frame";
    private static final String FIRST_SUMMARY = "first-summary";
    private static final long TARGET_FRAME_MS = 2_000;
    private static final double TARGET_RATIO = 2.0;
    private static final long TARGET_DATA_MS = 3_000;

    /**
     * What one process reported: each phase's start and end, when its lines were seen outside, and the CPU
     * time the process had used (all its threads) when its first frame and its data showed.
     */
    record Run(Map<String, long[]> phases, Map<String, Long> seenOutside, Map<String, Long> cpu) {
        long end(String phase) {
            long[] p = phases.get(phase);
            return p == null ? -1 : p[1];
        }
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(System.getProperty("bench.home", "target/bench-home"))).toAbsolutePath();
        boolean display = System.getenv("DISPLAY") != null;
        String launcher = System.getProperty("bench.launcher", "").trim();
        if (!display && !launcher.isEmpty()) {
            throw new IllegalStateException("bench.launcher needs a display: run the benchmark under xvfb-run -a");
        }
        List<String> console = launcher.isEmpty() ? devConsole(display) : launcherConsole(launcher);
        List<String> minimal = minimalWindow(display);
        Map<String, String> env = folders(home);

        String load = loadAverage();
        System.out.println("Warm-up: one run of each (seeds the sandbox store on a first run, fills OS caches)...");
        run(console, env);
        run(minimal, env);
        List<Run> consoleRuns = new ArrayList<>();
        List<Run> minimalRuns = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            consoleRuns.add(run(console, env));
            minimalRuns.add(run(minimal, env));
            System.out.printf(Locale.ROOT, "run %d/%d: console first frame %d ms, data shown %d ms; minimal window %d ms%n",
                    i, RUNS, consoleRuns.get(i - 1).end(FIRST_FRAME), consoleRuns.get(i - 1).end(FIRST_SUMMARY),
                    minimalRuns.get(i - 1).end(FIRST_FRAME));
        }
        report(consoleRuns, minimalRuns, console, minimal, display, load, loadAverage());
    }

    /** The console as {@code mvn javafx:run} starts it (or, headless, with JavaFX and Monocle on the class path). */
    private static List<String> devConsole(boolean display) {
        List<String> runtime = Arrays.asList(System.getProperty("bench.runtimeClasspath",
                System.getProperty("java.class.path")).split(File.pathSeparator));
        List<String> cmd = new ArrayList<>(List.of(java()));
        String options = System.getProperty("bench.consoleOptions", "").trim();
        if (!options.isEmpty()) {
            cmd.addAll(Arrays.asList(options.split("\\s+")));
        }
        if (display) {
            cmd.addAll(modulePath(runtime, "javafx.base,javafx.controls,javafx.graphics,javafx.swing"));
            cmd.add("-cp");
            cmd.add(runtime.stream().filter(e -> !isJavaFx(e)).collect(Collectors.joining(File.pathSeparator)));
        } else {
            cmd.addAll(headless());
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, runtime) + File.pathSeparator + monocle());
        }
        cmd.addAll(List.of("io.spineconsole.app.Launcher", "--startup-probe"));
        return cmd;
    }

    private static List<String> launcherConsole(String launcher) {
        List<String> cmd = new ArrayList<>(Arrays.asList(launcher.split("\\s+")));
        if (!launcher.contains("--startup-probe")) {
            cmd.add("--startup-probe");
        }
        return cmd;
    }

    /** The minimal window, started the way the console is in development (JavaFX on the module path). */
    private static List<String> minimalWindow(boolean display) throws URISyntaxException {
        List<String> runtime = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        String classes = codeSource(MinimalWindow.class) + File.pathSeparator + codeSource(StartupTimeline.class);
        List<String> cmd = new ArrayList<>(List.of(java()));
        if (display) {
            cmd.addAll(modulePath(runtime, "javafx.controls"));
            cmd.addAll(List.of("-cp", classes));
        } else {
            cmd.addAll(headless());
            cmd.add("-cp");
            cmd.add(classes + File.pathSeparator + runtime.stream().filter(StartupBenchmark::isJavaFx)
                    .collect(Collectors.joining(File.pathSeparator)) + File.pathSeparator + monocle());
        }
        cmd.add(MinimalWindow.Main.class.getName());
        return cmd;
    }

    private static List<String> modulePath(List<String> classpath, String modules) {
        return List.of("--module-path", classpath.stream().filter(StartupBenchmark::isJavaFx)
                .collect(Collectors.joining(File.pathSeparator)), "--add-modules", modules);
    }

    private static boolean isJavaFx(String entry) {
        return entry.replace('\\', '/').contains("/org/openjfx/");
    }

    private static List<String> headless() {
        return List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.awt.headless=true");
    }

    private static String monocle() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains("openjfx-monocle")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no display and no Monocle on the class path"));
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The console's folders under {@code home}, through the XDG variables (a launcher takes no -D options). */
    private static Map<String, String> folders(Path home) {
        return Map.of("XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString(),
                "XDG_STATE_HOME", home.resolve("state").toString());
    }

    private static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        Process p = builder.start();
        Map<String, long[]> phases = new LinkedHashMap<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        Map<String, Long> cpu = new LinkedHashMap<>();
        StringBuilder output = new StringBuilder();
        boolean failed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                String[] f = line.trim().split(" ");
                if (f.length == 4 && f[0].equals("startup-phase")) {
                    phases.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                    seen.put(f[1], TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched));
                } else if (f.length == 3 && f[0].equals("startup-cpu")) {
                    cpu.put(f[1], Long.parseLong(f[2]));
                } else if (line.equals("startup-failed")) {
                    failed = true;
                }
            }
        }
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (failed || !phases.containsKey(FIRST_FRAME)) {
            throw new IllegalStateException("no start-up timeline from " + String.join(" ", command) + " (exit "
                    + p.exitValue() + "):\n" + output);
        }
        return new Run(phases, seen, cpu);
    }

    private static void report(List<Run> console, List<Run> minimal, List<String> consoleCommand,
                               List<String> minimalCommand, boolean display, String loadBefore, String loadAfter) {
        System.out.printf(Locale.ROOT, "%nStart-up benchmark, %s: %d runs of each, %d CPUs, load average (1/5/15 min) "
                        + "%s before and %s after%n", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .substring(0, 16), RUNS, Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.out.println("Display: " + (display ? "X display " + System.getenv("DISPLAY") : "headless Monocle"));
        System.out.println("Console: " + abbreviate(consoleCommand));
        System.out.println("Minimal window: " + abbreviate(minimalCommand));
        System.out.println("Times: ms since the process was launched, as it measures itself; \"seen outside\": from the "
                + "benchmark starting the command to reading the phase (includes whatever the command runs first).");

        System.out.printf(Locale.ROOT, "%nConsole start-up timeline, medians over %d runs (phases overlap where they "
                + "run side by side: settings with the toolkit, the sandbox in the background)%n", RUNS);
        System.out.printf(Locale.ROOT, "| %-18s | %9s | %9s | %15s |%n", "phase", "took", "done at", "done at, min–max");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(20), "-".repeat(11), "-".repeat(11), "-".repeat(17));
        for (String phase : phasesInOrder(console)) {
            List<Long> ends = values(console, r -> r.phases().get(phase) == null ? null : r.phases().get(phase)[1]);
            List<Long> took = values(console, r -> r.phases().get(phase) == null ? null
                    : r.phases().get(phase)[1] - r.phases().get(phase)[0]);
            System.out.printf(Locale.ROOT, "| %-18s | %6d ms | %6d ms | %6d–%6d ms |%n", phase, median(took), median(ends),
                    Collections.min(ends), Collections.max(ends));
        }

        List<Long> frames = values(console, r -> r.phases().containsKey(FIRST_FRAME) ? r.end(FIRST_FRAME) : null);
        List<Long> data = values(console, r -> r.phases().containsKey(FIRST_SUMMARY) ? r.end(FIRST_SUMMARY) : null);
        List<Long> minimalFrames = values(minimal, r -> r.end(FIRST_FRAME));
        List<Long> framesOutside = values(console, r -> r.seenOutside().get(FIRST_FRAME));
        List<Long> dataOutside = values(console, r -> r.seenOutside().get(FIRST_SUMMARY));
        List<Long> minimalOutside = values(minimal, r -> r.seenOutside().get(FIRST_FRAME));
        double ratio = (double) median(frames) / median(minimalFrames);

        System.out.printf(Locale.ROOT, "%nAgainst the targets (medians over %d runs)%n", RUNS);
        System.out.printf(Locale.ROOT, "| %-34s | %9s | %9s | %9s | %14s | %-6s | %12s |%n", "what", "median", "min", "max",
                "target", "", "seen outside");
        System.out.printf(Locale.ROOT, "|%s|%s|%s|%s|%s|%s|%s|%n", "-".repeat(36), "-".repeat(11), "-".repeat(11),
                "-".repeat(11), "-".repeat(16), "-".repeat(8), "-".repeat(14));
        row("console first frame", frames, "≤ 2,000 ms", median(frames) <= TARGET_FRAME_MS, framesOutside);
        row("minimal JavaFX window first frame", minimalFrames, "", null, minimalOutside);
        System.out.printf(Locale.ROOT, "| %-34s | %8.2f× | %9s | %9s | %14s | %-6s | %12s |%n",
                "console / minimal window", ratio, "", "", "≤ 2×", verdict(ratio <= TARGET_RATIO), "");
        row("console data shown", data, "≤ 3,000 ms", median(data) <= TARGET_DATA_MS, dataOutside);

        // CPU is disturbed far less than the clock by other work on the machine: it shows whether a change
        // made start-up do less, even when the machine was too busy for the times to say.
        System.out.printf(Locale.ROOT, "%nCPU time the console had used (all threads), medians: %d ms at its first frame, "
                        + "%d ms when its data showed; %d CPUs%n", median(values(console, r -> r.cpu().get(FIRST_FRAME))),
                median(values(console, r -> r.cpu().get(FIRST_SUMMARY))), Runtime.getRuntime().availableProcessors());
    }

    private static void row(String what, List<Long> values, String target, Boolean met, List<Long> outside) {
        System.out.printf(Locale.ROOT, "| %-34s | %6d ms | %6d ms | %6d ms | %14s | %-6s | %9d ms |%n", what,
                median(values), Collections.min(values), Collections.max(values), target, met == null ? "" : verdict(met),
                outside.isEmpty() ? -1 : median(outside));
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    /** Every phase any run reported, ordered by median end. */
    private static List<String> phasesInOrder(List<Run> runs) {
        Map<String, Long> ends = new TreeMap<>();
        runs.stream().flatMap(r -> r.phases().keySet().stream()).distinct()
                .forEach(p -> ends.put(p, median(values(runs, r -> r.phases().get(p) == null ? null : r.phases().get(p)[1]))));
        return ends.entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey).toList();
    }

    private static List<Long> values(List<Run> runs, Function<Run, Long> value) {
        return runs.stream().map(value).filter(v -> v != null && v >= 0).toList();
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The command with long class and module paths shortened, for the report. */
    private static String abbreviate(List<String> command) {
        List<String> shown = new ArrayList<>();
        for (String part : command) {
            int entries = part.split(File.pathSeparator).length;
            shown.add(entries > 3 ? "<" + entries + " entries>" : part);
        }
        return String.join(" ", shown);
    }
}
