package io.spineconsole.app;

import io.spineconsole.ui.shell.ShellViewModel;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

import java.time.Duration;
import java.time.Instant;

/**
 * For the start-up benchmark: prints how long after process launch the first frame was drawn and
 * the first workspace showed its data, then exits.
 */
final class StartupProbe {
    private StartupProbe() {
    }

    static void watch(Scene scene, ShellViewModel shell) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        new AnimationTimer() {
            private boolean firstFrame;

            @Override
            public void handle(long now) {
                if (!firstFrame) {
                    firstFrame = true;
                    print("first-frame-ms", processStart);
                }
                if (shell.phaseProperty().get() == ShellViewModel.Phase.READY
                        && !scene.getRoot().lookupAll(".tile").isEmpty()) {
                    print("data-shown-ms", processStart);
                    stop();
                    SpineConsoleApp.exitWith(0);
                } else if (shell.phaseProperty().get() == ShellViewModel.Phase.FAILED) {
                    System.out.println("startup-failed");
                    stop();
                    SpineConsoleApp.exitWith(1);
                }
            }
        }.start();
    }

    private static void print(String what, Instant processStart) {
        System.out.println(what + "=" + Duration.between(processStart, Instant.now()).toMillis());
        System.out.flush();
    }
}
