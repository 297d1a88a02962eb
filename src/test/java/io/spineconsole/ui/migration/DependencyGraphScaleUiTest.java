package io.spineconsole.ui.migration;

import io.spineconsole.api.http.HttpBackboneApi;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Principal;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.settings.Preferences;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.Themes;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.ViewMemory;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dependency graph at the backbone's real size: five dozen components with realistic
 * dependencies, drawn in the workspace. No two boxes overlap, every box lies inside the drawing,
 * the chain of a deep component is highlighted, and the picture is written to
 * {@code target/graph-at-scale.png} for a person to look at.
 */
class DependencyGraphScaleUiTest {
    private static SandboxFixture sandbox;
    private static HttpBackboneApi api;
    private static MigrationView view;

    @BeforeAll
    static void boot() throws Exception {
        sandbox = SandboxFixture.start();
        api = new HttpBackboneApi(sandbox.baseUrl(), sandbox::adminToken, HttpBackboneApi.HttpClientOptions.defaults());
        Random random = new Random(11);
        List<String> codes = new ArrayList<>(List.of("SDS", "PDS", "CIS", "CORE-MSG", "SSP", "MESH", "EPS", "SCR", "ERS",
                "NRL", "CPIS", "LRS"));
        String[] sites = {"DC-NORTH", "DC-SOUTH", "CLOUD-LDN-1", "CLOUD-LDN-2"};
        for (int i = 1; i <= 48; i++) {
            String code = "SVC-" + i;
            List<String> deps = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                String dep = codes.get(random.nextInt(codes.size()));
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            Component c = api.migration().createComponent(new ComponentCreate(code, "Backbone service " + i, null,
                    "Team " + (1 + i % 6), 1 + i % 4, List.of(sites[random.nextInt(sites.length)]), deps)).join();
            if (i % 3 == 0) {
                api.migration().transitionComponent(code, new ComponentTransitionRequest(ComponentState.PREPARING,
                        "Wave started", null), c.version()).join();
            }
            codes.add(code);
        }
        FxToolkit.registerPrimaryStage();
        WorkspaceServices services = new WorkspaceServices(new UiExecutor(Platform::runLater), new I18n(Locale.UK),
                new Navigator(), ViewMemory.inMemory(), Clock.systemUTC());
        FxToolkit.setupStage(s -> {
            view = MigrationWorkspace.create(services, (owner, name, title, filter) -> Optional.empty());
            Scene scene = new Scene(new StackPane(view.node()), 1280, 800);
            Themes.apply(Preferences.Theme.LIGHT, scene);
            s.setScene(scene);
            s.show();
        });
        Principal me = api.me().join();
        FxToolkit.setupFixture(() -> view.connect(new WorkspaceContext(api, me, "test", "Sandbox", EnvironmentKind.SANDBOX)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.model().graph().stateProperty().get() == LoadState.LOADED
                && !view.model().siteKinds().isEmpty());
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.setupFixture(() -> view.dispose());
        FxToolkit.cleanupStages();
        api.close();
        sandbox.close();
    }

    @Test
    void sixtyComponentsAreDrawnWithoutOverlapAndTheChainStillReads() throws Exception {
        FxToolkit.setupFixture(() -> view.tabs().getSelectionModel().select(1));
        FxToolkit.setupFixture(() -> view.model().graph().focusProperty().set("SVC-48"));
        WaitForAsyncUtils.waitForFxEvents();
        List<Bounds> boxes = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            for (var n : view.model().graph().graphProperty().get().nodes()) {
                Region box = view.graphView().nodeOf(n.code());
                boxes.add(box.getBoundsInParent());
            }
        });
        assertEquals(60, boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                assertTrue(!boxes.get(i).intersects(boxes.get(j)), "boxes " + i + " and " + j + " overlap");
            }
            assertTrue(boxes.get(i).getMinX() >= 0 && boxes.get(i).getMinY() >= 0);
        }
        assertTrue(view.model().graph().layoutProperty().get().crossings()
                <= LayeredLayout.layout(view.model().graph().graphProperty().get().nodes().stream()
                        .map(n -> n.code()).toList(), view.model().graph().graphProperty().get().edges().stream()
                        .map(e -> new LayeredLayout.Edge(e.from(), e.to())).toList(), LayeredLayout.Options.defaults(), false)
                .crossings(), "fewer crossings than the order the server gave");
        assertTrue(!view.model().graph().chainWords().isEmpty());

        Path out = Path.of("target", "graph-at-scale.png");
        Files.createDirectories(out.getParent());
        FxToolkit.setupFixture(() -> {
            var image = view.graphView().drawing().snapshot(null, null);
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(out) > 0);
    }
}
