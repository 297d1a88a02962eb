package io.spineconsole.ui.migration;

import io.spineconsole.sandbox.SandboxFixture;
import io.spineconsole.ui.common.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dependency graph's view model on the sandbox: laid out off the UI thread, the chain in words. */
class GraphViewModelTest {
    private static SandboxFixture sandbox;
    private static VmHarness admin;

    @BeforeAll
    static void start() {
        sandbox = SandboxFixture.start();
        admin = new VmHarness(sandbox, sandbox.adminToken());
        admin.connect();
        admin.await("graph", () -> admin.model.graph().stateProperty().get() == LoadState.LOADED
                && !admin.model.siteKinds().isEmpty());
    }

    @AfterAll
    static void stop() {
        admin.close();
        sandbox.close();
    }

    @Test
    void everyComponentIsPlacedAndTheBlockingChainIsSpelledOut() {
        GraphViewModel graph = admin.model.graph();
        assertEquals(12, admin.call(() -> graph.layoutProperty().get().nodes().size()));
        admin.run(() -> graph.focusProperty().set("EPS"));
        BlockingChain chain = admin.call(() -> graph.chainProperty().get());
        assertEquals(Set.of("EPS", "CORE-MSG"), chain.components());
        List<String> words = admin.call(() -> List.copyOf(graph.chainWords()));
        assertEquals("EPS cannot cut over: depends on CORE-MSG · Core messaging (transaction and messaging service), "
                + "still only in DC-NORTH, DC-SOUTH (Migrating).", words.get(0), "the blocker by code and name");
        assertEquals("Start with: CORE-MSG.", words.get(1));
        assertEquals("EPS", admin.memory.recall(GraphViewModel.MEMORY_FOCUS).orElse(null), "the focus is remembered");
    }

    @Test
    void aComponentNothingBlocksSaysSo() {
        GraphViewModel graph = admin.model.graph();
        admin.run(() -> graph.focusProperty().set("PDS"));
        assertEquals(List.of("Nothing on premises blocks PDS from cutting over."), admin.call(() -> List.copyOf(graph.chainWords())));
        admin.run(() -> graph.focusProperty().set("SDS"));
        assertTrue(admin.call(() -> graph.chainWords().get(0)).startsWith("SDS cannot be decommissioned: "),
                "a cut-over component is held by what still needs it on premises");
        admin.run(() -> graph.focusProperty().set(null));
        assertNull(admin.call(() -> graph.chainProperty().get()));
    }
}
