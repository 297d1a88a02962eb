package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.domain.migration.DependencyGraph.Edge;
import io.spineconsole.domain.migration.DependencyGraph.Node;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockingChainTest {
    private static Node node(String code, ComponentState state, boolean onPremisesOnly) {
        return new Node(code, code + " service", state, 1, List.of(onPremisesOnly ? "DC-NORTH" : "CLOUD-LDN-1"),
                onPremisesOnly);
    }

    /** EPS → PDS → CORE-MSG (both on premises), EPS → SDS (cloud), NRL → PDS; SDS cut over with MESH on premises needing it. */
    private static final DependencyGraph GRAPH = new DependencyGraph(List.of(
            node("EPS", ComponentState.PARALLEL_RUN, false),
            node("PDS", ComponentState.MIGRATING, true),
            node("CORE-MSG", ComponentState.MIGRATING, true),
            node("SDS", ComponentState.CUT_OVER, false),
            node("MESH", ComponentState.PREPARING, true),
            node("NRL", ComponentState.PLANNED, false)), List.of(
            new Edge("EPS", "PDS", true),
            new Edge("PDS", "CORE-MSG", true),
            new Edge("EPS", "SDS", false),
            new Edge("CORE-MSG", "SDS", false),
            new Edge("MESH", "SDS", false),
            new Edge("NRL", "PDS", true)));

    @Test
    void theChainFollowsDependenciesStillOnPremisesAllTheWayDown() {
        BlockingChain chain = BlockingChain.of(GRAPH, "EPS");
        assertEquals(List.of(new BlockingChain.Link("EPS", "PDS", BlockingChain.Kind.CUT_OVER),
                new BlockingChain.Link("PDS", "CORE-MSG", BlockingChain.Kind.CUT_OVER)), chain.links());
        assertEquals(Set.of("EPS", "PDS", "CORE-MSG"), chain.components());
        assertEquals(Set.of("CORE-MSG"), chain.roots(), "the work starts with core messaging");
        assertTrue(chain.containsEdge("EPS", "PDS"));
        assertTrue(!chain.containsEdge("EPS", "SDS"), "a dependency in the cloud blocks nothing");
    }

    @Test
    void aComponentWhoseDependenciesAreInTheCloudIsNotBlocked() {
        assertTrue(BlockingChain.of(GRAPH, "CORE-MSG").isEmpty());
        assertTrue(BlockingChain.of(GRAPH, "UNKNOWN").isEmpty());
    }

    @Test
    void aCutOverComponentIsHeldByDependentsStillOnPremises() {
        BlockingChain chain = BlockingChain.of(GRAPH, "SDS");
        assertEquals(Set.of("SDS", "CORE-MSG", "MESH"), chain.components());
        assertTrue(chain.links().stream().allMatch(l -> l.kind() == BlockingChain.Kind.DECOMMISSION));
        assertTrue(chain.containsEdge("MESH", "SDS"));
    }
}
