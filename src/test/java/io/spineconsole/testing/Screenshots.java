package io.spineconsole.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spineconsole.settings.Preferences;
import io.spineconsole.ui.common.ScreenAudit;
import io.spineconsole.ui.common.Themes;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test's picture of a screen the tour does not reach, written the way the screenshot run writes its
 * own: {@code <name>.png} with {@code <name>.audit.json} beside it. {@link #write} is called on the FX
 * thread; {@link #writeOnFx} and {@link #inBothThemes} from a test's own thread.
 */
public final class Screenshots {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Screenshots() {
    }

    /** Where the pictures go: {@code -Dscreenshots.dir} (the screenshots profile's folder), else under target. */
    public static Path dir() {
        return Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    }

    public static void write(Scene scene, String name) throws IOException {
        Path dir = Files.createDirectories(dir());
        ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", dir.resolve(name + ".png").toFile());
        List<ScreenAudit.Entry> texts = ScreenAudit.of(scene);
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("state", name);
        audit.put("scene", Math.round(scene.getWidth()) + "x" + Math.round(scene.getHeight()));
        audit.put("problems", ScreenAudit.problems(texts));
        audit.put("texts", texts);
        JSON.writeValue(dir.resolve(name + ".audit.json").toFile(), audit);
    }

    /** {@link #write}, from a test's thread: waits for the picture to be written on the FX thread. */
    public static void writeOnFx(Scene scene, String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            write(scene, name);
            return null;
        }).get();
    }

    /** From a test's thread: {@code <name>-light} and {@code <name>-dark} of the scene, then back to the light theme. */
    public static void inBothThemes(Scene scene, String name) throws Exception {
        writeOnFx(scene, name + "-light");
        WaitForAsyncUtils.asyncFx(() -> Themes.apply(Preferences.Theme.DARK, scene)).get();
        WaitForAsyncUtils.waitForFxEvents();
        writeOnFx(scene, name + "-dark");
        WaitForAsyncUtils.asyncFx(() -> Themes.apply(Preferences.Theme.LIGHT, scene)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }
}
