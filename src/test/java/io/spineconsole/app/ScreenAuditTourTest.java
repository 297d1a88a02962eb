package io.spineconsole.app;

import io.spineconsole.ui.common.ScreenAudit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screens read at a glance, checked by the build: every state the screenshot run photographs,
 * at 1280×800 and 1920×1080, light and dark, shows no raw ISO timestamp, cuts off no label, button,
 * tab or column header (nor a table cell without a tooltip), and meets WCAG AA contrast. Every
 * problem found is listed in {@code target/screen-audit.txt}.
 */
class ScreenAuditTourTest {
    private static ConsoleFixture console;

    @BeforeAll
    static void boot() throws Exception {
        console = ConsoleFixture.onEmbeddedSandbox();
    }

    @AfterAll
    static void close() throws Exception {
        console.close();
    }

    @Test
    void everyStateReadsAtBothSizesInBothThemes() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> visited = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        CompositionRoot root = console.root();
        Platform.runLater(() -> new ScreenTour(console.stage(), root.shell(), root.window(),
                List.of(ScreenTour.STANDARD, ScreenTour.FULL_HD), visit -> {
                    String name = visit.state() + " " + visit.theme().code() + " " + visit.size();
                    visited.add(name);
                    if (visit.scene().getWindow() == console.stage()
                            && (Math.round(visit.scene().getWidth()) != visit.size().width()
                            || Math.round(visit.scene().getHeight()) != visit.size().height())) {
                        failures.add(name + ": the window is " + visit.scene().getWidth() + "x" + visit.scene().getHeight());
                    }
                    for (String problem : ScreenAudit.problems(ScreenAudit.of(visit.scene()))) {
                        failures.add(name + ": " + problem);
                    }
                }, done::countDown).start());
        assertTrue(done.await(30, TimeUnit.MINUTES), "the tour finished");

        List<String> report = new ArrayList<>();
        report.add("Screen audit: " + visited.size() + " states looked at; " + failures.size() + " problems");
        report.addAll(failures);
        Path file = Path.of("target", "screen-audit.txt");
        Files.write(file, report);
        System.out.println(String.join(System.lineSeparator(), report));

        // Two sizes and two themes of each workspace, and the dialogs in both themes: nothing passes by skipping.
        assertTrue(visited.stream().filter(v -> v.startsWith("messages ")).count() == 4, visited.toString());
        assertTrue(visited.stream().anyMatch(v -> v.startsWith("about light")), visited.toString());
        assertTrue(visited.stream().filter(v -> v.startsWith("admin ")).count() == 4, visited.toString());
        assertTrue(visited.stream().filter(v -> v.startsWith("admin-audit ")).count() == 4, visited.toString());
        assertEquals(List.of(), failures, "see " + file.toAbsolutePath());
    }
}
