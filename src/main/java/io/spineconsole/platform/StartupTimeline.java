package io.spineconsole.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The start-up timeline of this run: each phase of starting the console (JVM to {@code main},
 * settings, toolkit, theme, first scene, first frame, sandbox, sign-in, first summary) with when it
 * began and ended, in milliseconds since the process started. Phases are recorded from any thread
 * and may overlap (settings are read while the toolkit starts; the sandbox starts in the background).
 *
 * <p>Each phase is recorded once, the first time it ends: a later connect is not start-up. Once
 * {@link #finish() finished} (the first summary is on screen, or start-up stopped waiting for it) the
 * timeline records nothing more. Listeners see every entry, those recorded before they came too, so
 * phases that end before logging is set up are still logged.
 */
public final class StartupTimeline implements StartupPhases {
    /** The clock ticks a second {@code /proc} counts in: fixed at 100 for user space on Linux. */
    private static final long USER_HZ = 100;

    /** One phase: from {@code startMs} to {@code endMs}, milliseconds since the process started. */
    public record Entry(String phase, long startMs, long endMs) {
        public long durationMs() {
            return endMs - startMs;
        }

        /** For the log: {@code "first-frame: 412 ms, done 1,834 ms after launch"}. */
        public String describe() {
            NumberFormat n = NumberFormat.getIntegerInstance(Locale.UK);
            return phase + ": " + n.format(durationMs()) + " ms, done " + n.format(endMs) + " ms after launch";
        }

        /** For the start-up benchmark, one line a phase: {@code "startup-phase first-frame 1422 1834"}. */
        public String machineLine() {
            return "startup-phase " + phase + " " + startMs + " " + endMs;
        }
    }

    private final long processStartEpochMs;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Consumer<Entry>> listeners = new ArrayList<>();
    private final List<Runnable> onFinish = new ArrayList<>();
    private boolean finished;

    /** @param processStartEpochMs when the process started, in milliseconds since the epoch */
    public StartupTimeline(long processStartEpochMs) {
        this.processStartEpochMs = processStartEpochMs;
    }

    /** A timeline measured from this process's launch (as the OS saw it; now, where the OS cannot say). */
    public static StartupTimeline sinceProcessStart() {
        long now = System.currentTimeMillis();
        long age = linuxProcessAgeMs();
        long start = age >= 0 ? now - age
                : ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(now);
        return new StartupTimeline(Math.min(start, now));
    }

    /**
     * How long ago this process started, from {@code /proc}: its start in clock ticks since boot
     * against the time since boot now, both to 10 ms; -1 where there is no {@code /proc}. (On Linux
     * {@link ProcessHandle.Info#startInstant()} adds the boot time, which {@code /proc/stat} gives in
     * whole seconds: its start instant can be up to a second early.)
     */
    static long linuxProcessAgeMs() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
            // after "pid (command) ", field 22 (starttime) is the 20th: the command may contain spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]);
            String uptime = Files.readString(Path.of("/proc/uptime"), StandardCharsets.US_ASCII);
            double upSeconds = Double.parseDouble(uptime.substring(0, uptime.indexOf(' ')));
            long age = Math.round(upSeconds * 1000) - startTicks * 1000 / USER_HZ;
            return age >= 0 ? age : -1;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /** Milliseconds since the process started. */
    public long now() {
        return System.currentTimeMillis() - processStartEpochMs;
    }

    @Override
    public Phase begin(String phase) {
        long start = now();
        AtomicBoolean ended = new AtomicBoolean();
        return () -> {
            if (ended.compareAndSet(false, true)) {
                record(phase, start, now());
            }
        };
    }

    /** Records {@code phase} from {@code startMs} until now. */
    public void endAt(String phase, long startMs) {
        record(phase, startMs, now());
    }

    /** Records a phase, unless one of that name is already recorded or the timeline is finished. */
    public void record(String phase, long startMs, long endMs) {
        Entry entry = new Entry(phase, startMs, Math.max(startMs, endMs));
        List<Consumer<Entry>> tell;
        synchronized (this) {
            if (finished || has(phase)) {
                return;
            }
            entries.add(entry);
            tell = List.copyOf(listeners);
        }
        tell.forEach(l -> l.accept(entry));
    }

    /** Calls {@code listener} with every entry recorded so far, then with each one as it is recorded. */
    public void onEntry(Consumer<Entry> listener) {
        List<Entry> sofar;
        synchronized (this) {
            listeners.add(listener);
            sofar = List.copyOf(entries);
        }
        sofar.forEach(listener);
    }

    /** Runs {@code action} when the timeline finishes (at once, on this thread, if it already has). */
    public void onFinish(Runnable action) {
        synchronized (this) {
            if (!finished) {
                onFinish.add(action);
                return;
            }
        }
        action.run();
    }

    /** Start-up is over: records nothing more, and runs the {@link #onFinish} actions. */
    public void finish() {
        List<Runnable> actions;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            actions = List.copyOf(onFinish);
            onFinish.clear();
        }
        actions.forEach(Runnable::run);
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    public synchronized boolean has(String phase) {
        return entries.stream().anyMatch(e -> e.phase().equals(phase));
    }

    /** The phases recorded so far, in the order they ended. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
