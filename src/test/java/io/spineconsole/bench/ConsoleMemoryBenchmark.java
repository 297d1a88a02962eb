package io.spineconsole.bench;

import io.spineconsole.app.Launcher;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Console memory (TARGETS.md: idle ≤ 300 MB RSS; after browsing 100,000 message rows ≤ 600 MB). Each
 * run is a fresh console process started as the installers start it ({@code -Xmx768m}), signed in to
 * a stand-in admin API (in a process of its own, as a real server is) whose message store holds
 * 120,000 messages. The console settles for 20 s and reports its resident set (VmRSS); then it opens
 * Message flow and scrolls the search results to the end, page after page, until 100,000 rows are
 * loaded in the table, settles again and reports its resident set. A third measurement is the console
 * idle on its embedded sandbox (the offline default: the sandbox's database and server in the same
 * process).
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.ConsoleMemoryBenchmark}
 * ({@code bench.runs}, default 3).
 */
public final class ConsoleMemoryBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final int ROWS = 100_000;
    /**
     * The console's JVM options as the installers give them (installers/common/app-image.args): the heap cap and
     * encoding, and the options {@code mvn javafx:run} shares with them ({@code app.run.options} in the POM, passed
     * as {@code bench.consoleOptions}; among them C1 only, which changes the code cache and the compilers' memory).
     * {@code bench.consoleJvm} (comma-separated) gives the whole list instead.
     */
    private static final List<String> CONSOLE_JVM = consoleJvm();
    /** {@code bench.only=embedded} measures only the console idle on its embedded sandbox. */
    private static final boolean EMBEDDED_ONLY = "embedded".equals(System.getProperty("bench.only"));

    public static void main(String[] args) throws Exception {
        System.out.println("Console JVM options: " + String.join(" ", CONSOLE_JVM));
        Path home = Files.createDirectories(Path.of(System.getProperty("bench.home", "target/bench-home")).toAbsolutePath());
        Path token = home.resolve("bench.token");
        Files.writeString(token, "bench-token");
        StringBuilder url = new StringBuilder();
        Process server = FakeAdminApi.startProcess(120_000, 40, url);
        Map<String, List<Long>> samples = new HashMap<>();
        try {
            System.out.println("Warm-up (seeds the embedded sandbox's store, fills OS caches)...");
            run(home, List.of("embedded"));
            for (int i = 0; i < RUNS; i++) {
                Map<String, Long> embedded = run(home, List.of("embedded"));
                add(samples, "idle on the embedded sandbox", embedded.get("idle-rss-kb"));
                add(samples, "embedded, two minutes after start", embedded.get("idle-2min-rss-kb"));
                if (EMBEDDED_ONLY) {
                    continue;
                }
                Map<String, Long> remote = run(home, List.of("remote", url.toString(), token.toString()));
                add(samples, "idle, signed in to a server", remote.get("idle-rss-kb"));
                add(samples, "after browsing 100,000 message rows", remote.get("browsed-rss-kb"));
                add(samples, "seconds to load 100,000 rows", remote.get("browse-ms") / 1000);
                add(samples, "heap used after browsing (MB)", remote.get("browsed-heap-kb") / 1024);
            }
        } finally {
            server.destroy();
        }
        System.out.printf(Locale.ROOT, "%nConsole memory over %d runs (%s), load %.1f%n", RUNS,
                System.getenv("DISPLAY") != null ? "X display" : "headless Monocle",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "| %-38s | %9s | %9s | %9s |%n", "what", "median", "min", "max");
        for (String what : List.of("idle, signed in to a server", "after browsing 100,000 message rows",
                "idle on the embedded sandbox", "embedded, two minutes after start")) {
            List<Long> s = samples.get(what);
            if (s == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %-38s | %6d MB | %6d MB | %6d MB |%n", what, median(s) / 1024,
                    Collections.min(s) / 1024, Collections.max(s) / 1024);
        }
        for (String what : List.of("seconds to load 100,000 rows", "heap used after browsing (MB)")) {
            List<Long> s = samples.get(what);
            if (s == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "| %-38s | %9d | %9d | %9d |%n", what, median(s), Collections.min(s),
                    Collections.max(s));
        }
    }

    private static void add(Map<String, List<Long>> samples, String what, Long value) {
        if (value == null) {
            throw new IllegalStateException("A console run did not report " + what);
        }
        samples.computeIfAbsent(what, k -> new ArrayList<>()).add(value);
    }

    private static List<String> consoleJvm() {
        String asked = System.getProperty("bench.consoleJvm");
        if (asked != null) {
            return List.of(asked.trim().split("[,\\s]+"));
        }
        List<String> options = new ArrayList<>(List.of("-Xmx768m", "-Dfile.encoding=UTF-8"));
        String shared = System.getProperty("bench.consoleOptions", "").trim();
        if (shared.isEmpty()) {
            throw new IllegalStateException("Run through Maven (-Pbench), which passes the console's options as "
                    + "bench.consoleOptions, or give bench.consoleJvm");
        }
        options.addAll(List.of(shared.split("\\s+")));
        return options;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** One console process; answers what it printed as {@code name=value} lines. */
    private static Map<String, Long> run(Path home, List<String> childArgs) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(CONSOLE_JVM);
        if (System.getenv("DISPLAY") == null) {
            cmd.addAll(List.of("-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k"));
        }
        cmd.add("-Dspineconsole.home=" + home);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName()));
        cmd.addAll(childArgs);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, Long> values = new HashMap<>();
        java.util.ArrayDeque<String> tail = new java.util.ArrayDeque<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                int eq = line.indexOf('=');
                if (line.startsWith("bench:") && eq > 0) {
                    values.put(line.substring(6, eq), Long.parseLong(line.substring(eq + 1).strip()));
                }
                tail.addLast(line);
                if (tail.size() > 40) {
                    tail.removeFirst();
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("The console measured by " + childArgs + " failed (exit " + p.exitValue()
                    + "); its last lines:\n" + String.join("\n", tail));
        }
        System.out.println(childArgs.get(0) + ": " + values);
        return values;
    }

    /** The console process: starts the real console, then measures itself. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            boolean remote = args[0].equals("remote");
            Thread console = new Thread(() -> Launcher.main(remote
                    ? new String[] {"--server", args[1], "--environment", "int", "--token-file", args[2]}
                    : new String[0]), "console-main");
            console.start();
            try {
                measure(remote);
            } catch (Throwable failed) {
                // The console's own threads would keep this process alive for ever after a failed wait.
                failed.printStackTrace();
                Runtime.getRuntime().halt(1);
            }
            Runtime.getRuntime().halt(0);
        }

        private static void measure(boolean remote) throws Exception {
            waitFor(180, () -> onFx(() -> scene() != null && !scene().getRoot().lookupAll(".tile").isEmpty()));
            Thread.sleep(20_000);
            report("idle-rss-kb", rssKb());
            if (!remote) {
                Thread.sleep(100_000); // two minutes after start, with the sandbox's live traffic running all along
                report("idle-2min-rss-kb", rssKb());
            }
            if (remote) {
                long start = System.nanoTime();
                onFx(() -> {
                    ((ButtonBase) scene().lookup("#nav-messages")).fire();
                    return true;
                });
                waitFor(60, () -> onFx(() -> table() != null && !table().getItems().isEmpty()));
                while (onFx(() -> table().getItems().size()) < ROWS) {
                    int before = onFx(() -> table().getItems().size());
                    onFx(() -> {
                        table().scrollTo(table().getItems().size() - 1);
                        return true;
                    });
                    waitFor(60, () -> onFx(() -> table().getItems().size()) > before);
                }
                report("browse-ms", (System.nanoTime() - start) / 1_000_000);
                Thread.sleep(10_000);
                report("browsed-rss-kb", rssKb());
                report("browsed-heap-kb", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024);
                report("rows", onFx(() -> table().getItems().size()));
            }
        }

        private static Scene scene() {
            return Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).findFirst().orElse(null);
        }

        private static TableView<?> table() {
            Node n = scene() == null ? null : scene().lookup("#messages-results");
            return n instanceof TableView<?> t ? t : null;
        }

        private static void report(String name, long value) {
            System.out.println("bench:" + name + "=" + value);
            System.out.flush();
        }

        static long rssKb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
            throw new IOException("No VmRSS in /proc/self/status (Linux only)");
        }

        private static <T> T onFx(Supplier<T> s) throws Exception {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(s.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(30, TimeUnit.SECONDS);
        }

        private interface Check {
            boolean ok() throws Exception;
        }

        private static void waitFor(int seconds, Check check) throws Exception {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            while (true) {
                try {
                    if (check.ok()) {
                        return;
                    }
                } catch (IllegalStateException notStarted) {
                    // the toolkit is not up yet
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("timed out");
                }
                Thread.sleep(100);
            }
        }
    }
}
