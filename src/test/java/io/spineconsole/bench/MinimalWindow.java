package io.spineconsole.bench;

import io.spineconsole.platform.StartupTimeline;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for the start-up benchmark: the smallest JavaFX window, timed the same way as the
 * console (process launch → the first pulse after the stage is shown, with the same clock), and
 * printing its phases in the console's {@code --startup-probe} format.
 */
public final class MinimalWindow extends Application {
    private static StartupTimeline timeline = StartupTimeline.sinceProcessStart();

    /** A plain main class: the Java launcher refuses an Application subclass on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            timeline = StartupTimeline.sinceProcessStart();
            timeline.onEntry(e -> System.out.println(e.machineLine()));
            timeline.record("jvm", 0, timeline.now());
            Application.launch(MinimalWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        long frameStart = timeline.now();
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 640, 480));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                long at = timeline.now();
                timeline.record("first-frame", frameStart, at);
                ProcessHandle.current().info().totalCpuDuration()
                        .ifPresent(cpu -> System.out.println("startup-cpu first-frame " + cpu.toMillis()));
                System.out.println("first-frame-ms=" + at);
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
}
