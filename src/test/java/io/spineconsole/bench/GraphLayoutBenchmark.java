package io.spineconsole.bench;

import io.spineconsole.ui.migration.LayeredLayout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How long the dependency graph's layout takes (it runs off the UI thread, but a programme of a
 * few dozen components should be laid out in well under the blink of an eye), and how many
 * crossings it leaves against the order the server gave. Random DAGs of 12 to 200 components,
 * one to three dependencies each, seeded; medians of several runs after a warm-up.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.class=io.spineconsole.bench.GraphLayoutBenchmark}
 */
public final class GraphLayoutBenchmark {
    private static final int RUNS = Integer.getInteger("bench.runs", 15);

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "%-12s %-8s %-14s %-14s %-12s%n", "components", "edges", "median ms", "p90 ms",
                "crossings (given order → laid out)");
        for (int n : new int[] {12, 30, 60, 120, 200}) {
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
            for (int w = 0; w < 5; w++) {
                LayeredLayout.layout(nodes, edges, LayeredLayout.Options.defaults());
            }
            double[] ms = new double[RUNS];
            LayeredLayout.Result result = null;
            for (int r = 0; r < RUNS; r++) {
                long t = System.nanoTime();
                result = LayeredLayout.layout(nodes, edges, LayeredLayout.Options.defaults());
                ms[r] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            int given = givenOrderCrossings(nodes, edges);
            System.out.printf(Locale.ROOT, "%-12d %-8d %-14.2f %-14.2f %d → %d%n", n, edges.size(), ms[RUNS / 2],
                    ms[(int) Math.floor(RUNS * 0.9)], given, result.crossings());
        }
    }

    /** The crossings with no reduction (the layers in the order given), read through the layout's package-private switch. */
    private static int givenOrderCrossings(List<String> nodes, List<LayeredLayout.Edge> edges) {
        try {
            var m = LayeredLayout.class.getDeclaredMethod("layout", List.class, List.class, LayeredLayout.Options.class,
                    boolean.class);
            m.setAccessible(true);
            return ((LayeredLayout.Result) m.invoke(null, nodes, edges, LayeredLayout.Options.defaults(), false)).crossings();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
