package io.spineconsole.ui.messages;

import javafx.scene.layout.Pane;
import javafx.scene.shape.Polyline;

import java.util.List;

/**
 * A small line of counts per bucket, with the failures as a second line under it on the same scale:
 * two shapes a row (cheap for a hundred rows, only the visible ones are drawn), coloured by app.css.
 */
final class Sparkline extends Pane {
    static final double WIDTH = 64;
    static final double HEIGHT = 20;
    private final Polyline received = new Polyline();
    private final Polyline failed = new Polyline();

    Sparkline() {
        getStyleClass().add("health-spark");
        received.getStyleClass().add("health-spark-received");
        failed.getStyleClass().add("health-spark-failed");
        getChildren().addAll(received, failed);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);
        setMouseTransparent(true);
    }

    void show(List<Long> counts, List<Long> failures) {
        long max = 1;
        for (Long c : counts) {
            max = Math.max(max, c);
        }
        plot(received, counts, max);
        plot(failed, failures, max);
    }

    private static void plot(Polyline line, List<Long> values, long max) {
        int n = values.size();
        Double[] points = new Double[Math.max(2, n) * 2];
        for (int i = 0; i < Math.max(2, n); i++) {
            long v = n == 0 ? 0 : values.get(Math.min(i, n - 1));
            points[2 * i] = n <= 1 ? i * WIDTH : i * WIDTH / (n - 1);
            points[2 * i + 1] = HEIGHT - 1 - (HEIGHT - 2) * v / (double) max;
        }
        line.getPoints().setAll(points);
    }
}
