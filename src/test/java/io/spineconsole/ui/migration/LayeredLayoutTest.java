package io.spineconsole.ui.migration;

import io.spineconsole.ui.migration.LayeredLayout.Edge;
import io.spineconsole.ui.migration.LayeredLayout.Options;
import io.spineconsole.ui.migration.LayeredLayout.Placed;
import io.spineconsole.ui.migration.LayeredLayout.Result;
import io.spineconsole.ui.migration.LayeredLayout.Route;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LayeredLayoutTest {
    private static final Options O = Options.defaults();

    /** The sandbox's backbone: code, then what it depends on. */
    private static final String[][] BACKBONE = {
            {"SDS"}, {"PDS", "SDS"}, {"CIS"}, {"CORE-MSG", "SDS"}, {"SSP", "SDS", "CIS"}, {"MESH", "SDS"},
            {"EPS", "PDS", "SDS", "CORE-MSG"}, {"SCR", "PDS", "CORE-MSG"}, {"ERS", "PDS", "SDS"}, {"NRL", "PDS"},
            {"CPIS", "PDS", "SSP"}, {"LRS", "CIS", "PDS"}};

    private static List<String> nodes(String[][] graph) {
        return java.util.Arrays.stream(graph).map(r -> r[0]).toList();
    }

    private static List<Edge> edges(String[][] graph) {
        List<Edge> out = new ArrayList<>();
        for (String[] r : graph) {
            for (int i = 1; i < r.length; i++) {
                out.add(new Edge(r[0], r[i]));
            }
        }
        return out;
    }

    @Test
    void everyComponentSitsRightOfWhatItDependsOnByLongestPath() {
        Result r = LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O);
        for (Edge e : edges(BACKBONE)) {
            assertTrue(r.node(e.from()).layer() > r.node(e.to()).layer(), e.toString());
            assertTrue(r.node(e.from()).x() > r.node(e.to()).x(), e.toString());
        }
        assertEquals(0, r.node("SDS").layer());
        assertEquals(0, r.node("CIS").layer());
        assertEquals(1, r.node("PDS").layer());
        assertEquals(2, r.node("EPS").layer(), "EPS → CORE-MSG → SDS is the longest path");
        assertEquals(3, r.layers());
    }

    @Test
    void nodesNeverOverlap() {
        assertNoOverlap(LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O));
    }

    @Test
    void aCrossingThatOrderCanAvoidIsAvoided() {
        // Given in an order that crosses: A1 → B1 and A2 → B2 with B2 listed before B1.
        Result r = LayeredLayout.layout(List.of("B2", "B1", "A1", "A2"),
                List.of(new Edge("A1", "B1"), new Edge("A2", "B2")), O);
        assertEquals(0, r.crossings());
        boolean a1Above = r.node("A1").y() < r.node("A2").y();
        boolean b1Above = r.node("B1").y() < r.node("B2").y();
        assertEquals(a1Above, b1Above, "the two edges run side by side");
    }

    @Test
    void theBackbonesGraphIsLaidOutWithTheFewestCrossingsPossible() {
        Result r = LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O);
        // 4 is the minimum over every order of these layers (found by exhaustive search: 7! x (2 + 6!) orders).
        assertEquals(4, r.crossings());
        assertTrue(naiveCrossings(nodes(BACKBONE), edges(BACKBONE)) > 4);
    }

    @Test
    void aLongEdgeBendsThroughEveryLayerItCrosses() {
        String[][] g = {{"A"}, {"B", "A"}, {"C", "B"}, {"D", "C", "A"}};
        Result r = LayeredLayout.layout(nodes(g), edges(g), O);
        Route longEdge = r.routes().stream().filter(x -> x.edge().equals(new Edge("D", "A"))).findFirst().orElseThrow();
        assertEquals(4, longEdge.points().size(), "start, a point in each of the two layers crossed, end");
        Placed d = r.node("D");
        Placed a = r.node("A");
        assertEquals(d.x(), longEdge.points().get(0).x(), 0.01, "leaves from the dependent's left side");
        assertEquals(a.x() + O.nodeWidth(), longEdge.points().get(3).x(), 0.01, "arrives at the dependency's right side");
        for (int i = 1; i + 1 < longEdge.points().size(); i++) {
            double x = longEdge.points().get(i).x();
            double y = longEdge.points().get(i).y();
            for (Placed p : r.nodes().values()) {
                boolean inside = x >= p.x() && x <= p.x() + O.nodeWidth() && y >= p.y() && y <= p.y() + O.nodeHeight();
                assertTrue(!inside, "bend " + i + " passes through " + p.id());
            }
        }
    }

    @Test
    void dozensOfComponentsStayReadableAndQuick() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            ids.add("C" + i);
            for (int k = 0; k < 3 && i > 0; k++) {
                if (random.nextInt(3) > 0) {
                    edges.add(new Edge("C" + i, "C" + random.nextInt(i)));
                }
            }
        }
        long start = System.nanoTime();
        Result r = LayeredLayout.layout(ids, edges, O);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2_000, "took " + millis + " ms");
        assertEquals(80, r.nodes().size());
        assertNoOverlap(r);
        Result unordered = LayeredLayout.layout(ids, edges, new Options(O.nodeWidth(), O.nodeHeight(), O.layerGap(),
                O.nodeGap(), O.margin()));
        assertEquals(r, unordered, "the same graph gives the same picture");
        int naive = naiveCrossings(ids, edges);
        assertTrue(r.crossings() < naive, "crossings " + r.crossings() + " should beat the given order's " + naive);
    }

    @Test
    void aCycleDoesNotHangAndEveryNodeIsPlaced() {
        Result r = LayeredLayout.layout(List.of("A", "B", "C"),
                List.of(new Edge("A", "B"), new Edge("B", "C"), new Edge("C", "A")), O);
        assertEquals(3, r.nodes().size());
        r.nodes().values().forEach(p -> assertNotNull(p));
        assertEquals(3, r.routes().size());
    }

    @Test
    void anEmptyGraphIsAnEmptyPicture() {
        Result r = LayeredLayout.layout(List.of(), List.of(), O);
        assertEquals(0, r.nodes().size());
        assertEquals(0, r.layers());
    }

    private static void assertNoOverlap(Result r) {
        List<Placed> all = new ArrayList<>(r.nodes().values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Placed a = all.get(i);
                Placed b = all.get(j);
                boolean xOverlap = a.x() < b.x() + O.nodeWidth() && b.x() < a.x() + O.nodeWidth();
                boolean yOverlap = a.y() < b.y() + O.nodeHeight() + O.nodeGap() - 0.01
                        && b.y() < a.y() + O.nodeHeight() + O.nodeGap() - 0.01;
                assertTrue(!(xOverlap && yOverlap), a + " overlaps " + b);
            }
            assertTrue(all.get(i).x() >= 0 && all.get(i).y() >= 0);
            assertTrue(all.get(i).x() + O.nodeWidth() <= r.width() && all.get(i).y() + O.nodeHeight() <= r.height());
        }
    }

    /** Crossings if every layer kept the order the nodes were given in (no reduction), for comparison. */
    private static int naiveCrossings(List<String> ids, List<Edge> edges) {
        return LayeredLayout.layout(ids, edges, O, false).crossings();
    }
}
