package io.spineconsole.bench;

import io.spineconsole.ui.migration.LayeredLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The dependency graph's layout (ELK's layered algorithm, {@link LayeredLayout}), and the same with
 * no crossing reduction (each layer in the order the server gave), on the same graphs with the same
 * box sizes: the sandbox's backbone, the
 * 60 components {@code DependencyGraphScaleUiTest} draws, and seeded random DAGs of 12 to 200
 * components with one to three dependencies each. For each: the first call (class loading
 * included), the median and p90 of the calls after a warm-up, and what a reader sees, measured the
 * same way whoever laid it out: edge crossings as drawn, total edge length, bends, the drawing's
 * width × height, and edge segments that pass through a box that is not theirs.
 *
 * <p>The hand-written layout ELK replaced was measured against it with this benchmark as it was at
 * the commit that added ELK beside it (BENCHMARKS.md, "Dependency graph layout").
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.GraphLayoutBenchmark}
 */
public final class GraphLayoutBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 15);
    private static final LayeredLayout.Options O = LayeredLayout.Options.defaults();

    interface Layout {
        LayeredLayout.Result run(List<String> nodes, List<LayeredLayout.Edge> edges);
    }

    record Named(String name, Layout layout) {
    }

    public static void main(String[] args) {
        List<Named> layouts = List.of(
                new Named("kept (ELK)", (n, e) -> LayeredLayout.layout(n, e, O)),
                new Named("given order", GraphLayoutBenchmark::givenOrder));
        System.out.printf(Locale.ROOT, "%-10s %-6s %-14s %10s %10s %10s %10s %10s %8s %12s %8s%n", "graph", "edges",
                "layout", "first ms", "median ms", "p90 ms", "crossings", "length", "bends", "w x h", "through");
        List<Graph> graphs = new ArrayList<>();
        graphs.add(backbone());
        graphs.add(scaleTest());
        for (int n : new int[] {12, 30, 60, 120, 200}) {
            graphs.add(random(n));
        }
        for (Graph g : graphs) {
            for (Named l : layouts) {
                long t0 = System.nanoTime();
                l.layout().run(g.nodes, g.edges);
                double first = (System.nanoTime() - t0) / 1e6;
                for (int w = 0; w < 5; w++) {
                    l.layout().run(g.nodes, g.edges);
                }
                double[] ms = new double[RUNS];
                LayeredLayout.Result result = null;
                for (int r = 0; r < RUNS; r++) {
                    long t = System.nanoTime();
                    result = l.layout().run(g.nodes, g.edges);
                    ms[r] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                Metrics m = Metrics.of(result);
                System.out.printf(Locale.ROOT, "%-10s %-6d %-14s %10.1f %10.2f %10.2f %10d %10.0f %8d %12s %8d%n", g.name,
                        g.edges.size(), l.name(), first, ms[RUNS / 2], ms[(int) Math.floor(RUNS * 0.9)], m.crossings,
                        m.length, m.bends, String.format(Locale.ROOT, "%.0fx%.0f", result.width(), result.height()),
                        m.through);
            }
        }
    }

    /** The layout with no crossing reduction, read through its package-private switch. */
    private static LayeredLayout.Result givenOrder(List<String> nodes, List<LayeredLayout.Edge> edges) {
        try {
            var m = LayeredLayout.class.getDeclaredMethod("layout", List.class, List.class, LayeredLayout.Options.class,
                    boolean.class);
            m.setAccessible(true);
            return (LayeredLayout.Result) m.invoke(null, nodes, edges, O, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    record Graph(String name, List<String> nodes, List<LayeredLayout.Edge> edges) {
    }

    private static final String[][] BACKBONE = {
            {"SDS"}, {"PDS", "SDS"}, {"CIS"}, {"CORE-MSG", "SDS"}, {"SSP", "SDS", "CIS"}, {"MESH", "SDS"},
            {"EPS", "PDS", "SDS", "CORE-MSG"}, {"SCR", "PDS", "CORE-MSG"}, {"ERS", "PDS", "SDS"}, {"NRL", "PDS"},
            {"CPIS", "PDS", "SSP"}, {"LRS", "CIS", "PDS"}};

    static Graph backbone() {
        List<String> nodes = new ArrayList<>();
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        for (String[] r : BACKBONE) {
            nodes.add(r[0]);
            for (int i = 1; i < r.length; i++) {
                edges.add(new LayeredLayout.Edge(r[0], r[i]));
            }
        }
        return new Graph("backbone", nodes, edges);
    }

    /** The 60 components DependencyGraphScaleUiTest draws: the backbone and 48 services on it. */
    static Graph scaleTest() {
        Graph b = backbone();
        List<String> nodes = new ArrayList<>(b.nodes);
        List<LayeredLayout.Edge> edges = new ArrayList<>(b.edges);
        Random random = new Random(11);
        List<String> codes = new ArrayList<>(b.nodes);
        for (int i = 1; i <= 48; i++) {
            String code = "SVC-" + i;
            List<String> deps = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {
                String dep = codes.get(random.nextInt(codes.size()));
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            random.nextInt(4); // the test picks a site here
            nodes.add(code);
            deps.forEach(d -> edges.add(new LayeredLayout.Edge(code, d)));
            codes.add(code);
        }
        return new Graph("scale-60", nodes, edges);
    }

    static Graph random(int n) {
        Random random = new Random(n);
        List<String> nodes = new ArrayList<>();
        List<LayeredLayout.Edge> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add("C" + i);
            int deps = i == 0 ? 0 : 1 + random.nextInt(3);
            for (int k = 0; k < deps; k++) {
                LayeredLayout.Edge e = new LayeredLayout.Edge("C" + i, "C" + random.nextInt(i));
                if (!edges.contains(e)) {
                    edges.add(e);
                }
            }
        }
        return new Graph("random-" + n, nodes, edges);
    }

    /** What a reader sees in a drawing, measured the same way whoever laid it out. */
    record Metrics(int crossings, double length, int bends, int through) {
        static Metrics of(LayeredLayout.Result r) {
            double length = 0;
            int bends = 0;
            int through = 0;
            for (int i = 0; i < r.routes().size(); i++) {
                List<LayeredLayout.Point> p = r.routes().get(i).points();
                for (int k = 0; k + 1 < p.size(); k++) {
                    double[] s = {p.get(k).x(), p.get(k).y(), p.get(k + 1).x(), p.get(k + 1).y()};
                    length += Math.hypot(s[2] - s[0], s[3] - s[1]);
                    LayeredLayout.Edge e = r.routes().get(i).edge();
                    for (LayeredLayout.Placed n : r.nodes().values()) {
                        if (!n.id().equals(e.from()) && !n.id().equals(e.to()) && crossesBox(s, n)) {
                            through++;
                        }
                    }
                }
                for (int k = 1; k + 1 < p.size(); k++) {
                    double ax = p.get(k).x() - p.get(k - 1).x();
                    double ay = p.get(k).y() - p.get(k - 1).y();
                    double bx = p.get(k + 1).x() - p.get(k).x();
                    double by = p.get(k + 1).y() - p.get(k).y();
                    if (Math.abs(ax * by - ay * bx) > 1e-6 * Math.max(1, Math.hypot(ax, ay) * Math.hypot(bx, by))) {
                        bends++;
                    }
                }
            }
            return new Metrics(r.crossings(), length, bends, through);
        }

        /** True when the segment runs through the inside of the box (touching its edge is not). */
        private static boolean crossesBox(double[] s, LayeredLayout.Placed n) {
            double x0 = n.x() + 0.5;
            double y0 = n.y() + 0.5;
            double x1 = n.x() + O.nodeWidth() - 0.5;
            double y1 = n.y() + O.nodeHeight() - 0.5;
            // Liang-Barsky clipping
            double t0 = 0;
            double t1 = 1;
            double dx = s[2] - s[0];
            double dy = s[3] - s[1];
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {s[0] - x0, x1 - s[0], s[1] - y0, y1 - s[1]};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                }
            }
            return t0 < t1;
        }
    }
}
