package io.spineconsole.ui.migration;

import io.spineconsole.ui.common.ManualDebouncer;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentCreate;
import io.spineconsole.domain.migration.ComponentTransitionRequest;
import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.ViewMemory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The board's view model on a real sandbox: filters on the server, moves, refusals with blockers, roles. */
class BoardViewModelTest {
    private static SandboxFixture sandbox;
    private static VmHarness admin;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = new VmHarness(sandbox, sandbox.adminToken());
        admin.connect();
        admin.await("the board loads", () -> admin.model.board().stateProperty().get() == LoadState.LOADED);
    }

    @AfterAll
    static void stop() {
        admin.close();
        sandbox.close();
    }

    @Test
    void theBoardHoldsEveryComponentByState() {
        BoardViewModel board = admin.model.board();
        assertTrue(admin.call(() -> board.components().stream().map(Component::code).toList())
                .containsAll(List.of("SDS", "PDS", "CIS", "CORE-MSG", "SSP", "MESH", "EPS", "SCR", "ERS", "NRL", "CPIS", "LRS")));
        assertTrue(admin.call(() -> board.column(ComponentState.BLOCKED).stream().map(Component::code).toList()).contains("SCR"));
        assertTrue(admin.call(() -> board.column(ComponentState.BLOCKED).stream().allMatch(c -> c.state() == ComponentState.BLOCKED)));
        assertTrue(admin.call(() -> board.owners().contains("Messaging team")));
    }

    @Test
    void filtersRunOnTheServerAndAreRemembered() {
        ViewMemory memory = ViewMemory.inMemory();
        try (VmHarness h = new VmHarness(sandbox, sandbox.adminToken(), memory)) {
            h.connect();
            h.await("first load", () -> h.model.board().stateProperty().get() == LoadState.LOADED);
            h.run(() -> {
                h.model.board().siteProperty().set("DC-SOUTH");
                h.model.board().waveProperty().set(3);
                h.model.board().load();
            });
            h.await("filtered", () -> h.model.board().components().stream().allMatch(c -> c.wave() == 3
                    && c.hostedAt().contains("DC-SOUTH")) && h.model.board().components().size() == 3);
            assertEquals(List.of("EPS", "ERS", "LRS"), h.call(() -> h.model.board().components().stream()
                    .map(Component::code).sorted().toList()));
            assertEquals("DC-SOUTH", memory.recall(BoardViewModel.MEMORY_SITE).orElse(null));
            assertEquals("3", memory.recall(BoardViewModel.MEMORY_WAVE).orElse(null));

            h.run(() -> {
                h.model.board().textProperty().set("nothing-matches-this");
                h.model.board().load();
            });
            h.await("nothing matches", () -> h.model.board().stateProperty().get() == LoadState.EMPTY);
        }
        try (VmHarness again = new VmHarness(sandbox, sandbox.adminToken(), memory)) {
            assertEquals("DC-SOUTH", again.call(() -> again.model.board().siteProperty().get()), "filters come back next run");
            assertEquals(3, again.call(() -> again.model.board().waveProperty().get()));
        }
    }

    @Test
    void twoQuickEditsOfTheTextFilterOnce() {
        ManualDebouncer typing = new ManualDebouncer();
        try (VmHarness h = new VmHarness(sandbox, sandbox.adminToken(), ViewMemory.inMemory(), () -> typing)) {
            h.connect();
            h.await("first load", () -> h.model.board().stateProperty().get() == LoadState.LOADED);
            int before = h.componentQueries.size();
            h.run(() -> h.model.board().textProperty().set("E"));
            h.run(() -> h.model.board().textProperty().set("EP"));
            assertEquals(List.of(), textQueries(h, before), "nothing is asked while the user is still typing");
            assertTrue(typing.pending());

            h.run(typing::flush);
            assertEquals(List.of("EP"), textQueries(h, before), "one query, for the text as it was when the user paused");
            h.await("filtered", () -> h.model.board().stateProperty().get() == LoadState.LOADED
                    && h.model.board().components().stream().anyMatch(c -> c.code().equals("EPS")));
            assertFalse(typing.pending());

            h.run(() -> h.model.board().textProperty().set("EPS"));
            h.run(() -> h.model.board().load());
            assertFalse(typing.pending(), "Enter (or any other load) takes the text at once and drops the pause");
        }
    }

    @Test
    void aFailedLoadSaysWhyAndRetryLoadsAgain() {
        try (VmHarness h = new VmHarness(sandbox, sandbox.adminToken())) {
            h.componentsUnreachable = true;
            h.connect();
            h.await("failed", () -> h.model.board().stateProperty().get() == LoadState.FAILED);
            assertTrue(h.call(() -> h.model.board().status().errorProperty().get())
                    .startsWith("The server cannot be reached"), "the failure in words");
            assertFalse(h.call(() -> h.model.board().status().errorDetailProperty().get()).isEmpty(),
                    "the detail a ticket needs is there to copy");

            h.componentsUnreachable = false;
            h.run(() -> h.model.board().status().retry());
            h.await("loaded", () -> h.model.board().stateProperty().get() == LoadState.LOADED);
            assertEquals("", h.call(() -> h.model.board().status().errorProperty().get()));
            assertTrue(h.call(() -> h.model.board().find("EPS").isPresent()));
        }
    }

    @Test
    void onlyTheMovesTheRulesAllowAreOffered() {
        BoardViewModel board = admin.model.board();
        Component scr = admin.call(() -> board.find("SCR").orElseThrow());
        assertEquals(List.of(ComponentState.PLANNED, ComponentState.PREPARING, ComponentState.MIGRATING,
                ComponentState.PARALLEL_RUN), admin.call(() -> board.allowedMoves(scr)));
        assertFalse(admin.call(() -> board.mayMove(scr, ComponentState.CUT_OVER)));
        Component cis = admin.call(() -> board.find("CIS").orElseThrow());
        assertEquals(List.of(), admin.call(() -> board.allowedMoves(cis)), "decommissioned is final");
    }

    @Test
    void aPermittedMoveLandsAndEveryTabHearsOfIt() {
        BoardViewModel board = admin.model.board();
        Component mesh = admin.call(() -> board.find("MESH").orElseThrow());
        admin.run(() -> admin.model.detail().select("MESH"));
        admin.await("detail", () -> admin.model.detail().componentProperty().get() != null);
        admin.run(() -> board.move(mesh, ComponentState.PLANNED, "Re-planned after the MESH supplier change"));
        admin.await("moved", () -> board.find("MESH").map(c -> c.state() == ComponentState.PLANNED).orElse(false));
        assertEquals("MESH moved to Planned.", admin.call(() -> board.outcomeProperty().get()));
        assertNull(admin.call(() -> board.refusalProperty().get()));
        admin.await("the detail's history shows the move", () -> admin.model.detail().history().stream()
                .anyMatch(e -> "Re-planned after the MESH supplier change".equals(e.reason())));
        assertNull(offeredReason(board, mesh, ComponentState.PLANNED), "a reason that went through is not offered again");
    }

    @Test
    void aRefusedMoveKeepsTheServersReasonAndItsBlockers() {
        var api = admin.api.migration();
        api.createComponent(new ComponentCreate("OLDGW", "Legacy gateway", null, "Messaging team", 2,
                List.of("DC-NORTH"), List.of())).join();
        Component moving = api.createComponent(new ComponentCreate("NEWGW", "New gateway", null, "Messaging team", 2,
                List.of("DC-NORTH", "CLOUD-LDN-1"), List.of("OLDGW"))).join();
        for (ComponentState to : List.of(ComponentState.PREPARING, ComponentState.MIGRATING, ComponentState.PARALLEL_RUN)) {
            moving = api.transitionComponent("NEWGW", new ComponentTransitionRequest(to, "Set up for the test", null),
                    moving.version()).join();
        }
        BoardViewModel board = admin.model.board();
        admin.run(board::load);
        admin.await("NEWGW on the board", () -> board.find("NEWGW").map(c -> c.state() == ComponentState.PARALLEL_RUN)
                .orElse(false));
        Component newgw = admin.call(() -> board.find("NEWGW").orElseThrow());
        admin.run(() -> board.move(newgw, ComponentState.CUT_OVER, "Parallel run clean"));
        admin.await("refused", () -> board.refusalProperty().get() != null);
        BoardViewModel.Refusal refusal = admin.call(() -> board.refusalProperty().get());
        assertEquals("NEWGW cannot cut over: depends on OLDGW, still on DC-NORTH", refusal.message());
        assertEquals("OLDGW", refusal.blockers().get(0).component());
        assertEquals("DC-NORTH", refusal.blockers().get(0).site());
        assertEquals(ComponentState.PARALLEL_RUN, api.getComponent("NEWGW").join().state(), "nothing changed");
        assertEquals("Parallel run clean", offeredReason(board, newgw, ComponentState.CUT_OVER),
                "the next try starts with the reason typed");
    }

    /** The free-text filters the board sent to the server since query number {@code from}. */
    private static List<String> textQueries(VmHarness h, int from) {
        return h.componentQueries.subList(from, h.componentQueries.size()).stream().map(q -> q.q())
                .filter(q -> q != null).toList();
    }

    /** The reason the move's confirmation would start with. */
    private static String offeredReason(BoardViewModel board, Component c, ComponentState to) {
        return admin.call(() -> board.unsentReasons().prefill(BoardViewModel.moveAction(c, to),
                Confirmation.of(null, "Move", "Move it", "Move", false, true)).draftReason());
    }

    @Test
    void aMoveBasedOnAStaleVersionSaysSoAndReloads() {
        BoardViewModel board = admin.model.board();
        Component stale = admin.call(() -> board.find("LRS").orElseThrow());
        admin.api.migration().transitionComponent("LRS", new ComponentTransitionRequest(ComponentState.BLOCKED,
                "Someone else got there first", null), stale.version()).join();
        admin.run(() -> board.move(stale, ComponentState.PARALLEL_RUN, "Based on what I saw"));
        admin.await("stale", () -> board.outcomeProperty().get().startsWith("Someone else changed LRS first"));
        assertTrue(admin.call(() -> board.outcomeProperty().get()).contains("Blocked"), "names the state it is in now");
        admin.await("reloaded", () -> board.find("LRS").map(c -> c.state() == ComponentState.BLOCKED).orElse(false));
        assertEquals("Based on what I saw", offeredReason(board, stale, ComponentState.PARALLEL_RUN));
    }

    @Test
    void aDecommissionedComponentLeavesItsDataCentres() {
        BoardViewModel board = admin.model.board();
        admin.await("sites known", () -> !admin.model.siteKinds().isEmpty());
        Component hybrid = new Component("X", "x", null, "o", 1, List.of("DC-NORTH", "CLOUD-LDN-1"), List.of(),
                ComponentState.DECOMMISSIONING, false, List.of(), null, null, 1, null, null, null, null);
        assertEquals(List.of("CLOUD-LDN-1"), admin.call(() -> board.hostingAfter(hybrid, ComponentState.DECOMMISSIONED)));
        assertEquals(List.of("DC-NORTH"), admin.call(() -> board.leavingSites(hybrid, ComponentState.DECOMMISSIONED)));
        assertNull(admin.call(() -> board.hostingAfter(hybrid, ComponentState.CUT_OVER)), "other moves leave hosting alone");
    }

    @Test
    void aViewerIsOfferedNoMove() {
        String token = sandbox.backbone().tokens().create("programme.viewer", Role.VIEWER);
        try (VmHarness viewer = new VmHarness(sandbox, token)) {
            viewer.connect();
            viewer.await("loaded", () -> viewer.model.board().stateProperty().get() == LoadState.LOADED);
            Component eps = viewer.call(() -> viewer.model.board().find("EPS").orElseThrow());
            assertFalse(viewer.call(() -> viewer.model.mayOperateProperty().get()));
            assertFalse(viewer.call(() -> viewer.model.board().mayMove(eps, ComponentState.PREPARING)));
        }
    }
}
