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
    void everyComponentSitsRightOfWhatItDependsOn() {
        Result r = LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O);
        for (Edge e : edges(BACKBONE)) {
            assertTrue(r.node(e.from()).layer() > r.node(e.to()).layer(), e.toString());
            assertTrue(r.node(e.from()).x() > r.node(e.to()).x(), e.toString());
        }
        assertEquals(0, r.node("SDS").layer(), "the foundations are on the left");
        assertEquals(0, r.node("CIS").layer());
        assertEquals(1, r.node("PDS").layer());
        assertEquals(2, r.node("EPS").layer(), "EPS → CORE-MSG → SDS");
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
    void theBackbonesGraphIsLaidOutWithFewCrossings() {
        Result r = LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O);
        // 4 is the fewest any order of these layers allows (found by exhaustive search: 7! x (2 + 6!) orders).
        assertTrue(r.crossings() <= 5, "crossings " + r.crossings());
        assertTrue(naiveCrossings(nodes(BACKBONE), edges(BACKBONE)) > r.crossings());
    }

    @Test
    void everyEdgeGoesAroundTheBoxesInItsWay() {
        String[][] g = {{"A"}, {"B", "A"}, {"C", "B"}, {"D", "C", "A"}};
        Result r = LayeredLayout.layout(nodes(g), edges(g), O);
        Route longEdge = r.routes().stream().filter(x -> x.edge().equals(new Edge("D", "A"))).findFirst().orElseThrow();
        Placed d = r.node("D");
        Placed a = r.node("A");
        LayeredLayout.Point start = longEdge.points().get(0);
        LayeredLayout.Point end = longEdge.points().get(longEdge.points().size() - 1);
        assertEquals(d.x(), start.x(), 0.01, "leaves from the dependent's left side");
        assertTrue(start.y() >= d.y() && start.y() <= d.y() + O.nodeHeight());
        assertEquals(a.x() + O.nodeWidth(), end.x(), 0.01, "arrives at the dependency's right side");
        assertTrue(end.y() >= a.y() && end.y() <= a.y() + O.nodeHeight());
        assertNoEdgeThroughABox(r);
        assertNoEdgeThroughABox(LayeredLayout.layout(nodes(BACKBONE), edges(BACKBONE), O));
    }

    @Test
    void dozensOfComponentsStayReadable() {
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
        // How long it takes is GraphLayoutBenchmark's to say: a timed assertion fails on a busy machine.
        Result r = LayeredLayout.layout(ids, edges, O);
        assertEquals(80, r.nodes().size());
        assertNoOverlap(r);
        assertNoEdgeThroughABox(r);
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

    /** No segment of a route runs through the inside of a box other than its own two ends. */
    private static void assertNoEdgeThroughABox(Result r) {
        for (Route route : r.routes()) {
            List<LayeredLayout.Point> p = route.points();
            for (int k = 0; k + 1 < p.size(); k++) {
                for (Placed box : r.nodes().values()) {
                    if (!box.id().equals(route.edge().from()) && !box.id().equals(route.edge().to())) {
                        assertTrue(!throughBox(p.get(k), p.get(k + 1), box), route.edge() + " runs through " + box.id());
                    }
                }
            }
        }
    }

    /** True when the segment a–b passes through the inside of the box (touching its border is not). */
    private static boolean throughBox(LayeredLayout.Point a, LayeredLayout.Point b, Placed box) {
        double t0 = 0;
        double t1 = 1;
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x() - box.x() - 0.5, box.x() + O.nodeWidth() - 0.5 - a.x(), a.y() - box.y() - 0.5,
                box.y() + O.nodeHeight() - 0.5 - a.y()};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else if (p[i] < 0) {
                t0 = Math.max(t0, q[i] / p[i]);
            } else {
                t1 = Math.min(t1, q[i] / p[i]);
            }
        }
        return t0 < t1;
    }

    /** Crossings if every layer kept the order the nodes were given in (no reduction), for comparison. */
    private static int naiveCrossings(List<String> ids, List<Edge> edges) {
        return LayeredLayout.layout(ids, edges, O, false).crossings();
    }
}
