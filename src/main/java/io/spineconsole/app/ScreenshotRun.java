package io.spineconsole.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spineconsole.ui.common.ScreenAudit;
import io.spineconsole.ui.shell.MainWindow;
import io.spineconsole.ui.shell.ShellViewModel;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --screenshot DIR}: once connected, tours every state of the console (see {@link ScreenTour})
 * at 1280×800 in the light and the dark theme and writes {@code <state>-<theme>.png} with
 * {@code <state>-<theme>.audit.json} beside it: the state and every visible text with its kind,
 * whether it is cut off, its contrast and whether it is large ({@link ScreenAudit}); then exits.
 */
final class ScreenshotRun {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotRun.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ScreenTour tour;
    private final Path dir;
    private int problems;

    ScreenshotRun(Stage stage, ShellViewModel shell, MainWindow window, Path dir) {
        this.dir = dir;
        this.tour = new ScreenTour(stage, shell, window, List.of(ScreenTour.STANDARD), this::write, () -> {
            LOG.info("Screenshots written to {}; the audits found {} problems", dir, problems);
            SpineConsoleApp.exitWith(0);
        });
    }

    void start() {
        tour.start();
    }

    private void write(ScreenTour.Visit visit) {
        String name = (visit.state() + "-" + visit.theme().code()).toLowerCase(Locale.ROOT);
        try {
            Files.createDirectories(dir);
            WritableImage image = visit.scene().snapshot(null);
            Path file = dir.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            List<ScreenAudit.Entry> texts = ScreenAudit.of(visit.scene());
            problems += ScreenAudit.problems(texts).size();
            JSON.writeValue(dir.resolve(name + ".audit.json").toFile(), audit(visit, texts));
            System.out.println("wrote " + file);
        } catch (IOException e) {
            LOG.error("Could not write screenshot {}", name, e);
            SpineConsoleApp.exitWith(1);
        }
    }

    /** The audit as written: the state, the window, and every visible text. */
    static Map<String, Object> audit(ScreenTour.Visit visit, List<ScreenAudit.Entry> texts) {
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("state", visit.state());
        audit.put("theme", visit.theme().code());
        audit.put("window", visit.size().toString());
        audit.put("scene", Math.round(visit.scene().getWidth()) + "x" + Math.round(visit.scene().getHeight()));
        audit.put("problems", ScreenAudit.problems(texts));
        audit.put("texts", texts);
        return audit;
    }
}
