package io.spineconsole.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up benchmark (TARGETS.md: median ≤ 2 s and ≤ 2 × a minimal JavaFX window). Launches the
 * console on a seeded sandbox and a minimal JavaFX window, each in a fresh JVM, several times in
 * turn, and prints the medians. Each process reports its own "process start → first frame" time.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.StartupBenchmark} (under
 * {@code xvfb-run -a} for a real X server; without a display it uses headless Monocle).
 */
public final class StartupBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 7);

    public static void main(String[] args) throws Exception {
        Path home = Files.createDirectories(Path.of(System.getProperty("bench.home", "target/bench-home")));
        boolean display = System.getenv("DISPLAY") != null;
        List<String> platform = display ? List.of() : List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dprism.order=sw", "-Dprism.text=t2k");
        List<String> console = command(platform, "-Dspineconsole.home=" + home.toAbsolutePath(),
                "io.spineconsole.app.Launcher", "--startup-probe");
        List<String> minimal = command(platform, "io.spineconsole.bench.MinimalWindow$Main");

        System.out.println("Warm-up (seeds the sandbox store, fills OS caches)...");
        run(console);
        run(minimal);
        Map<String, List<Long>> samples = new HashMap<>();
        for (int i = 0; i < RUNS; i++) {
            Map<String, Long> c = run(console);
            Map<String, Long> m = run(minimal);
            add(samples, "console first frame", c.get("first-frame-ms"));
            add(samples, "console data shown", c.get("data-shown-ms"));
            add(samples, "minimal window first frame", m.get("first-frame-ms"));
        }
        long consoleFrame = median(samples.get("console first frame"));
        long consoleData = median(samples.get("console data shown"));
        long minimalFrame = median(samples.get("minimal window first frame"));
        System.out.printf(Locale.ROOT, "%nStart-up over %d runs (%s)%n", RUNS, display ? "X display" : "headless Monocle");
        System.out.printf(Locale.ROOT, "| %-28s | %8s | %8s | %8s |%n", "what", "median", "min", "max");
        for (String what : List.of("console first frame", "console data shown", "minimal window first frame")) {
            List<Long> s = samples.get(what);
            System.out.printf(Locale.ROOT, "| %-28s | %6d ms | %6d ms | %6d ms |%n", what, median(s),
                    Collections.min(s), Collections.max(s));
        }
        System.out.printf(Locale.ROOT, "console first frame / minimal window: %.2f× (target ≤ 2×); median %d ms (target ≤ 2000 ms)%n",
                (double) consoleFrame / minimalFrame, consoleFrame);
        System.out.printf(Locale.ROOT, "console data shown / minimal window: %.2f×; median %d ms%n",
                (double) consoleData / minimalFrame, consoleData);
    }

    private static List<String> command(List<String> platform, String... rest) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(platform);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of(rest));
        return cmd;
    }

    private static Map<String, Long> run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Long> values = new HashMap<>();
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                int eq = line.indexOf('=');
                if (line.endsWith("-ms=" + line.substring(eq + 1)) && eq > 0) {
                    values.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1).trim()));
                }
            }
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        if (!values.containsKey("first-frame-ms")) {
            throw new IllegalStateException("no timing from " + command.get(command.size() - 1) + " (exit "
                    + p.exitValue() + "):\n" + output);
        }
        return values;
    }

    private static void add(Map<String, List<Long>> samples, String what, Long value) {
        if (value != null) {
            samples.computeIfAbsent(what, k -> new ArrayList<>()).add(value);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
