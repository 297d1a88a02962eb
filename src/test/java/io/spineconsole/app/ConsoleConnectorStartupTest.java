package io.spineconsole.app;

import io.spineconsole.domain.Role;
import io.spineconsole.platform.StartupTimeline;
import io.spineconsole.sandbox.SandboxDatabase;
import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.FileSecretStore;
import io.spineconsole.ui.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up timeline says where the embedded sandbox's start went, step by step, and closing the
 * console while the sandbox is still starting lets go of its store.
 */
class ConsoleConnectorStartupTest {
    @TempDir
    Path dir;

    @Test
    void theSandboxsStepsAreOnTheTimelineInsideItsStartAndBeforeSignIn() {
        StartupTimeline timeline = StartupTimeline.sinceProcessStart();
        Path store = dir.resolve("backbone");
        try (ConsoleConnector connector = new ConsoleConnector(store, new FileSecretStore(dir), timeline)) {
            List<String> steps = new java.util.concurrent.CopyOnWriteArrayList<>();
            Session session = connector.connect(ConnectionProfile.sandbox(), steps::add).join();
            assertEquals(Role.ADMIN, session.principal().role());
            assertEquals(List.of("startup.step.database", "startup.step.server", "startup.step.signIn"), steps);
            session.close();
        }

        Map<String, StartupTimeline.Entry> phases = timeline.entries().stream()
                .collect(Collectors.toMap(StartupTimeline.Entry::phase, Function.identity()));
        for (String step : List.of("sandbox.database", "sandbox.flyway", "sandbox.stores", "sandbox.seed", "sandbox.http")) {
            StartupTimeline.Entry entry = phases.get(step);
            assertTrue(entry != null, "no " + step + " in " + phases.keySet());
            assertTrue(entry.startMs() >= phases.get("sandbox").startMs() && entry.endMs() <= phases.get("sandbox").endMs(),
                    step + " lies inside the sandbox's start: " + timeline.entries());
        }
        assertTrue(phases.get("sandbox.database").endMs() <= phases.get("sandbox.flyway").startMs()
                && phases.get("sandbox.flyway").endMs() <= phases.get("sandbox.http").startMs(), timeline.entries().toString());
        assertTrue(phases.get("sandbox").endMs() <= phases.get("sign-in").startMs(), timeline.entries().toString());
    }

    @Test
    void closingWhileTheSandboxStartsClosesItAndLetsGoOfItsStore() throws Exception {
        Path store = dir.resolve("backbone");
        ConsoleConnector connector = new ConsoleConnector(store, new FileSecretStore(dir), StartupTimeline.sinceProcessStart());
        connector.connect(ConnectionProfile.sandbox(), step -> { });
        // Close once the start is under way (its store file exists), not before it began.
        Path file = dir.resolve("backbone.mv.db");
        for (int i = 0; i < 600 && !Files.exists(file); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), "the sandbox's start never opened its store");
        connector.close();
        // Had the start gone on after close, the store would still be held open (H2's file lock).
        try (SandboxDatabase again = SandboxDatabase.open(SandboxDatabase.h2FileUrl(store), null, null)) {
            assertTrue(again.sizeBytes() >= 0);
        }
    }
}
