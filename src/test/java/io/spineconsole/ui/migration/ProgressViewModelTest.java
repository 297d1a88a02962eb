package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.BurndownInterval;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress on the sandbox: loaded only when shown, the waves and timeline, and the report written to a file. */
class ProgressViewModelTest {
    private static SandboxFixture sandbox;
    private static VmHarness admin;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = new VmHarness(sandbox, sandbox.adminToken());
        admin.connect();
    }

    @AfterAll
    static void stop() {
        admin.close();
        sandbox.close();
    }

    @Test
    void nothingIsReadUntilTheTabIsShown() throws Exception {
        try (VmHarness fresh = new VmHarness(sandbox, sandbox.adminToken())) {
            fresh.connect();
            fresh.await("the board", () -> fresh.model.board().stateProperty().get() == LoadState.LOADED);
            assertEquals(LoadState.IDLE, fresh.call(() -> fresh.model.progress().stateProperty().get()));
        }
    }

    @Test
    void wavesTimelineAndTheReport(@TempDir Path dir) throws Exception {
        ProgressViewModel progress = admin.model.progress();
        admin.run(progress::load);
        admin.await("loaded", () -> progress.stateProperty().get() == LoadState.LOADED);
        assertEquals(4, admin.call(() -> progress.waves().size()));
        assertEquals(ProgrammeProgress.WaveStatus.COMPLETE.equals(admin.call(() -> progress.waves().get(0).status()))
                || ProgrammeProgress.WaveStatus.OVERDUE.equals(admin.call(() -> progress.waves().get(0).status())), true);
        assertTrue(admin.call(() -> progress.timeline().stream().anyMatch(e -> e.kind() == ProgrammeProgress.EventKind.CUT_OVER
                && e.component().equals("SDS") && "amir.khan".equals(e.by()))), "cut-overs come from the audit trail");
        assertTrue(admin.call(() -> progress.timeline().stream().anyMatch(e -> e.kind() == ProgrammeProgress.EventKind.DUE
                && e.component().equals("EPS") && e.date() != null)), "what is left is due by its wave's end");

        Path target = dir.resolve("board-report.html");
        admin.call(() -> progress.exportReport(target)).get();
        admin.await("written", () -> !progress.exportingProperty().get());
        String html = Files.readString(target);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg"), "the burn-down is drawn in the file");
        assertTrue(html.contains("DC-NORTH") && html.contains("Not ready to sign off"), "sites' readiness");
        assertTrue(html.contains("Waiting for core messaging to leave DC-NORTH"), "what blocks SCR");
        assertTrue(html.contains("Environment Sandbox"));
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"),
                "self-contained: nothing fetched, nothing run");
        assertEquals("Report saved as board-report.html.", admin.call(() -> progress.exportOutcomeProperty().get()));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aFailedWriteSaysWhyAndLeavesNothing(@TempDir Path dir) throws Exception {
        ProgressViewModel progress = admin.model.progress();
        admin.run(progress::load);
        admin.await("loaded", () -> progress.stateProperty().get() == LoadState.LOADED);
        Path missing = dir.resolve("no-such-folder").resolve("report.html");
        admin.run(() -> progress.exportReport(missing));
        admin.await("failed", () -> progress.exportOutcomeProperty().get().startsWith("The report could not be saved"));
        assertTrue(!Files.exists(missing));
    }

    @Test
    void theIntervalReloadsTheBurndown() {
        ProgressViewModel progress = admin.model.progress();
        admin.run(progress::load);
        admin.await("loaded", () -> progress.stateProperty().get() == LoadState.LOADED);
        admin.run(() -> progress.intervalProperty().set(BurndownInterval.DAY));
        admin.await("daily", () -> progress.snapshotProperty().get() != null
                && progress.snapshotProperty().get().burndown().interval() == BurndownInterval.DAY);
        admin.run(() -> progress.intervalProperty().set(BurndownInterval.WEEK));
    }
}
