package io.spineconsole.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * The baseline for the start-up benchmark: the smallest JavaFX window, timed the same way as the
 * console (process launch → first frame drawn).
 */
public final class MinimalWindow extends Application {

    /** A plain main class: the Java launcher refuses an Application subclass on the class path. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(MinimalWindow.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
        stage.setScene(new Scene(new StackPane(new Label("Hello")), 640, 480));
        stage.show();
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                System.out.println("first-frame-ms=" + Duration.between(processStart, Instant.now()).toMillis());
                System.out.flush();
                Platform.exit();
            }
        }.start();
    }
}
