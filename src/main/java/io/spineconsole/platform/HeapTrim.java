package io.spineconsole.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gives the heap the console does not use back to the system once start-up is over, and after bursts.
 *
 * <p>G1 grows the heap fast while the console starts (the sandbox's migrations and seeding, the first
 * screens), and with its default ratios keeps up to three times the live data committed: it shrinks the
 * heap only at the end of a marking cycle, which a heap that large rarely needs. A console on its embedded
 * sandbox held 400+ MB of heap for ~120 MB live (BENCHMARKS.md, console memory). Setting the free-space
 * ratios at launch instead makes the start itself collect far more often, and seconds slower.
 *
 * <p>So, when start-up is over, this lowers the share of free heap G1 keeps (the two ratios are
 * "manageable": a running JVM accepts new values) and asks for a marking cycle then and every few
 * minutes. The console is launched with {@code -XX:+ExplicitGCInvokesConcurrent}, under which
 * {@code System.gc()} starts a concurrent cycle, not a full stop-the-world collection; G1 uncommits the
 * excess at the cycle's end. Without that option (a run from an IDE) it never asks for a collection. The
 * console is also launched with {@code -XX:GCTimeRatio=8}: with G1's default (12) the young collections of
 * a heap trimmed this far counted as too much time, and G1 grew it back within two minutes.
 */
public final class HeapTrim {
    private static final Logger LOG = LoggerFactory.getLogger(HeapTrim.class);

    /** Free heap G1 keeps after a cycle, in percent of the heap: at least ... */
    static final int MIN_FREE_PERCENT = 10;
    /** ... and at most (G1's defaults: 40 and 70). */
    static final int MAX_FREE_PERCENT = 30;
    /** The first cycle: after the workspaces not on screen have been built behind the first. */
    static final Duration FIRST = Duration.ofSeconds(15);
    static final Duration EVERY = Duration.ofMinutes(2);

    private HeapTrim() {
    }

    /**
     * From {@link #FIRST} on, on a daemon thread for the rest of the process: lowers the free-heap ratios and,
     * if {@code System.gc()} runs concurrently in this JVM, asks for a marking cycle then and every
     * {@link #EVERY}. Returns at once (the management beans load off the caller's thread, the UI's).
     */
    public static void start() {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heap-trim");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        timer.schedule(() -> {
            if (prepare()) {
                timer.scheduleWithFixedDelay(System::gc, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                timer.shutdown();
            }
        }, FIRST.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Lowers the ratios when this JVM collects with G1 and {@code System.gc()} starts a concurrent cycle;
     * false (and nothing changed) otherwise, or when the JVM refuses the new ratios.
     */
    static boolean prepare() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm == null || !isOn(vm, "UseG1GC") || !isOn(vm, "ExplicitGCInvokesConcurrent")) {
            return false;
        }
        try {
            lowerFreeRatios(vm);
            return true;
        } catch (RuntimeException refused) {
            LOG.info("The heap's free ratios could not be changed ({}); the heap is left as G1 sizes it",
                    refused.toString());
            return false;
        }
    }

    /** Sets the two ratios; the minimum first, as the JVM refuses a maximum below the current minimum. */
    static void lowerFreeRatios(HotSpotDiagnosticMXBean vm) {
        vm.setVMOption("MinHeapFreeRatio", Integer.toString(MIN_FREE_PERCENT));
        vm.setVMOption("MaxHeapFreeRatio", Integer.toString(MAX_FREE_PERCENT));
    }

    static boolean isOn(HotSpotDiagnosticMXBean vm, String flag) {
        try {
            VMOption option = vm.getVMOption(flag);
            return Boolean.parseBoolean(option.getValue());
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
