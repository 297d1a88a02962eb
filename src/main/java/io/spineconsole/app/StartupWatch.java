package io.spineconsole.app;

import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.ui.shell.ShellViewModel;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Watches the window through start-up and records its last phases in the timeline: the first frame
 * (the first pulse after the stage is shown), then, from the session opening to the first workspace's
 * summary tiles on screen, the first summary. Start-up is over when the summary shows, when the session
 * cannot open (failed, or a token is needed) or after a minute; the timeline is then finished.
 *
 * <p>With {@code --startup-probe} (the start-up benchmark) it then prints the first frame's and the
 * data's times and exits.
 */
final class StartupWatch extends AnimationTimer {
    private static final long GIVE_UP_MS = 60_000;

    private final Scene scene;
    private final ShellViewModel shell;
    private final StartupTimeline timeline;
    private final long frameStart;
    private final Runnable onFirstFrame;
    private final boolean probe;
    private long readyAt = -1;
    private boolean framed;

    /**
     * @param frameStart   when the stage began to be shown, ms since launch (the first frame's phase starts there)
     * @param onFirstFrame what to start once the first frame is drawn (connecting: it starts the sandbox)
     * @param probe        print the timeline and exit once start-up is over
     */
    StartupWatch(Scene scene, ShellViewModel shell, StartupTimeline timeline, long frameStart, Runnable onFirstFrame,
                 boolean probe) {
        this.scene = scene;
        this.shell = shell;
        this.timeline = timeline;
        this.frameStart = frameStart;
        this.onFirstFrame = onFirstFrame;
        this.probe = probe;
        shell.phaseProperty().addListener((o, a, phase) -> {
            if (phase == ShellViewModel.Phase.READY && readyAt < 0) {
                readyAt = timeline.now();
            }
        });
    }

    @Override
    public void handle(long now) {
        if (!framed) {
            framed = true;
            timeline.endAt("first-frame", frameStart);
            printCpu("first-frame");
            onFirstFrame.run();
            return;
        }
        ShellViewModel.Phase phase = shell.phaseProperty().get();
        if (phase == ShellViewModel.Phase.READY && !scene.getRoot().lookupAll(".tile").isEmpty()) {
            // From the session being open (signed in) to its data on screen: the hop to the UI thread,
            // building the workspace, its first load and the frame that shows it.
            long opened = timeline.entries().stream().filter(e -> e.phase().equals("sign-in")).findFirst()
                    .map(StartupTimeline.Entry::endMs).orElse(readyAt < 0 ? timeline.now() : readyAt);
            timeline.endAt("first-summary", opened);
            printCpu("first-summary");
            over(true);
        } else if (phase == ShellViewModel.Phase.FAILED || phase == ShellViewModel.Phase.NEEDS_TOKEN
                || timeline.now() > frameStart + GIVE_UP_MS) {
            over(false);
        }
    }

    /**
     * For the benchmark: the CPU time the process has used so far (all its threads). Less disturbed by
     * other work on a busy machine than the time on the clock.
     */
    private void printCpu(String phase) {
        if (probe) {
            ProcessHandle.current().info().totalCpuDuration()
                    .ifPresent(cpu -> System.out.println("startup-cpu " + phase + " " + cpu.toMillis()));
        }
    }

    private void over(boolean dataShown) {
        stop();
        timeline.finish();
        if (probe) { // the phases themselves were printed as they ended (see Launcher)
            timeline.entries().stream().filter(e -> e.phase().equals("first-frame")).findFirst()
                    .ifPresent(e -> System.out.println("first-frame-ms=" + e.endMs()));
            if (dataShown) {
                timeline.entries().stream().filter(e -> e.phase().equals("first-summary")).findFirst()
                        .ifPresent(e -> System.out.println("data-shown-ms=" + e.endMs()));
            } else {
                System.out.println("startup-failed");
            }
            System.out.flush();
            SpineConsoleApp.exitWith(dataShown ? 0 : 1);
        }
    }
}
