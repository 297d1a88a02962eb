package io.spineconsole.ui.migration;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A layered (Sugiyama-style) layout of a directed graph, drawn left to right, with no toolkit in
 * it. An edge {@code from → to} reads "from depends on to": every node sits one layer to the right
 * of the deepest thing it depends on (layering by longest path), so the foundations are on the left
 * and each edge runs leftwards. Edges that span several layers pass through invisible "dummy"
 * points, one per layer crossed, so they bend around nodes instead of through them. The order of
 * the nodes within each layer is chosen to reduce crossings (barycentre sweeps, then swaps of
 * neighbours while they help, from a few starting orders), and vertical positions pull each node towards its neighbours without
 * ever letting two nodes in a layer overlap. A cycle (the server refuses them, but a layout must not
 * hang on one) is broken by ignoring its closing edge for layering.
 */
public final class LayeredLayout {
    private static final int SWEEPS = 24;
    private static final int RESTARTS = 6;

    /** Node size and spacing, in pixels. */
    public record Options(double nodeWidth, double nodeHeight, double layerGap, double nodeGap, double margin) {
        public static Options defaults() {
            return new Options(176, 54, 96, 18, 16);
        }
    }

    /** {@code from} depends on {@code to}. */
    public record Edge(String from, String to) {
    }

    public record Point(double x, double y) {
    }

    /** A node's place: its layer (0 = leftmost), its rank in the layer from the top, and its top-left corner. */
    public record Placed(String id, int layer, int order, double x, double y) {
    }

    /** The polyline an edge follows: from the left side of {@code from} to the right side of {@code to}. */
    public record Route(Edge edge, List<Point> points) {
    }

    public record Result(Map<String, Placed> nodes, List<Route> routes, double width, double height, int layers,
                         int crossings) {
        public Placed node(String id) {
            return nodes.get(id);
        }
    }

    private LayeredLayout() {
    }

    /** Lays out {@code nodes} (in a stable order: it breaks ties) joined by {@code edges} (unknown ends are ignored). */
    public static Result layout(List<String> nodes, List<Edge> edges, Options options) {
        return layout(nodes, edges, options, true);
    }

    /** As {@link #layout}, optionally keeping the given order in each layer (to measure what reduction gains). */
    static Result layout(List<String> nodes, List<Edge> edges, Options options, boolean reduce) {
        Objects.requireNonNull(options, "options");
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(nodes));
        Set<String> known = new HashSet<>(ids);
        List<Edge> usable = new ArrayList<>();
        Set<Edge> seen = new HashSet<>();
        for (Edge e : edges) {
            if (known.contains(e.from()) && known.contains(e.to()) && !e.from().equals(e.to()) && seen.add(e)) {
                usable.add(e);
            }
        }
        List<Edge> acyclic = withoutCycles(ids, usable);
        Map<String, Integer> layer = longestPathLayers(ids, acyclic);

        // Build the proper layered graph: every edge joins adjacent layers through dummies.
        Graph g = new Graph();
        for (String id : ids) {
            g.add(new Vertex(id, layer.get(id), false));
        }
        List<List<Vertex>> chains = new ArrayList<>();
        int dummyCount = 0;
        for (Edge e : usable) {
            Vertex high = g.byId.get(e.from());
            Vertex low = g.byId.get(e.to());
            boolean reversed = high.layer < low.layer;
            if (reversed) {
                Vertex t = high;
                high = low;
                low = t;
            }
            List<Vertex> chain = new ArrayList<>();
            chain.add(high);
            if (high.layer == low.layer) { // a cycle's closing edge between neighbours in one layer: drawn straight
                chain.add(low);
                if (reversed) {
                    Collections.reverse(chain);
                }
                chains.add(chain);
                continue;
            }
            for (int l = high.layer - 1; l > low.layer; l--) {
                Vertex dummy = new Vertex("\u0000dummy" + dummyCount++, l, true);
                g.add(dummy);
                chain.add(dummy);
            }
            chain.add(low);
            for (int i = 0; i + 1 < chain.size(); i++) {
                g.link(chain.get(i + 1), chain.get(i)); // left vertex → right vertex
            }
            if (reversed) {
                Collections.reverse(chain);
            }
            chains.add(chain);
        }
        int layers = ids.isEmpty() ? 0 : Collections.max(layer.values()) + 1;
        List<List<Vertex>> rows = initialOrder(g, layers);
        if (reduce) {
            rows = reduceCrossings(rows);
        }
        assignY(rows, options);

        Map<String, Placed> placed = new LinkedHashMap<>();
        double width = 0;
        double height = 0;
        for (List<Vertex> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Vertex v = row.get(i);
                v.x = options.margin() + v.layer * (options.nodeWidth() + options.layerGap());
                if (!v.dummy) {
                    placed.put(v.id, new Placed(v.id, v.layer, i, v.x, v.y));
                    width = Math.max(width, v.x + options.nodeWidth() + options.margin());
                    height = Math.max(height, v.y + options.nodeHeight() + options.margin());
                }
            }
        }
        Map<String, Placed> ordered = new LinkedHashMap<>();
        for (String id : ids) {
            ordered.put(id, placed.get(id));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            List<Vertex> chain = chains.get(i);
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < chain.size(); k++) {
                Vertex v = chain.get(k);
                double midY = v.dummy ? v.y : v.y + options.nodeHeight() / 2;
                if (v.dummy) {
                    points.add(new Point(v.x + options.nodeWidth() / 2, midY));
                } else if (k == 0) {
                    boolean leftwards = chain.size() > 1 && chain.get(1).layer < v.layer;
                    points.add(new Point(leftwards ? v.x : v.x + options.nodeWidth(), midY));
                } else {
                    boolean fromRight = chain.get(k - 1).layer > v.layer;
                    points.add(new Point(fromRight ? v.x + options.nodeWidth() : v.x, midY));
                }
            }
            routes.add(new Route(usable.get(i), List.copyOf(points)));
        }
        return new Result(Collections.unmodifiableMap(ordered), List.copyOf(routes), Math.max(width, options.margin() * 2),
                Math.max(height, options.margin() * 2), layers, crossings(rows));
    }

    /** Crossings of the edges between adjacent layers, for {@code rows} as ordered. */
    static int crossings(List<List<Vertex>> rows) {
        int total = 0;
        for (int l = 0; l + 1 < rows.size(); l++) {
            total += crossingsBetween(rows.get(l), rows.get(l + 1));
        }
        return total;
    }

    /**
     * Crossings between two adjacent layers: the edges sorted by their right end then their left end,
     * and the inversions among their left ends counted with a Fenwick tree, in O(E log V).
     */
    private static int crossingsBetween(List<Vertex> left, List<Vertex> right) {
        Map<Vertex, Integer> pos = new HashMap<>();
        for (int i = 0; i < left.size(); i++) {
            pos.put(left.get(i), i);
        }
        List<Integer> ends = new ArrayList<>();
        for (Vertex r : right) {
            List<Integer> mine = new ArrayList<>();
            for (Vertex u : r.left) {
                Integer i = pos.get(u);
                if (i != null) {
                    mine.add(i);
                }
            }
            Collections.sort(mine);
            ends.addAll(mine);
        }
        int[] tree = new int[left.size() + 1];
        int count = 0;
        int seen = 0;
        for (int e : ends) {
            // edges already counted whose left end is below this one's cross it
            int notAbove = 0;
            for (int i = e + 1; i > 0; i -= i & -i) {
                notAbove += tree[i];
            }
            count += seen - notAbove;
            for (int i = e + 1; i < tree.length; i += i & -i) {
                tree[i]++;
            }
            seen++;
        }
        return count;
    }

    /** Crossings between the edges of {@code a} and of {@code b} on one side when {@code a} is above {@code b}. */
    private static int pairCrossings(List<Vertex> aSide, List<Vertex> bSide, Map<Vertex, Integer> pos) {
        int count = 0;
        for (Vertex x : aSide) {
            Integer px = pos.get(x);
            if (px == null) {
                continue;
            }
            for (Vertex y : bSide) {
                Integer py = pos.get(y);
                if (py != null && py < px) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Drops the edges that close a cycle (found by depth-first search), for layering only. */
    private static List<Edge> withoutCycles(List<String> ids, List<Edge> edges) {
        Map<String, List<Edge>> out = new HashMap<>();
        edges.forEach(e -> out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e));
        Set<Edge> back = new HashSet<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = on the stack, 2 = done
        for (String root : ids) {
            if (state.containsKey(root)) {
                continue;
            }
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] {root, 0});
            state.put(root, 1);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String v = (String) top[0];
                int next = (int) top[1];
                List<Edge> outs = out.getOrDefault(v, List.of());
                if (next < outs.size()) {
                    top[1] = next + 1;
                    Edge e = outs.get(next);
                    Integer s = state.get(e.to());
                    if (s == null) {
                        state.put(e.to(), 1);
                        stack.push(new Object[] {e.to(), 0});
                    } else if (s == 1) {
                        back.add(e);
                    }
                } else {
                    state.put(v, 2);
                    stack.pop();
                }
            }
        }
        return edges.stream().filter(e -> !back.contains(e)).toList();
    }

    /** Layer 0 for what depends on nothing; otherwise one more than the deepest dependency. */
    private static Map<String, Integer> longestPathLayers(List<String> ids, List<Edge> acyclic) {
        Map<String, List<String>> dependsOn = new HashMap<>();
        Map<String, List<String>> dependentsOf = new HashMap<>();
        for (Edge e : acyclic) {
            dependsOn.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            dependentsOf.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        }
        Map<String, Integer> remaining = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        for (String id : ids) {
            int n = dependsOn.getOrDefault(id, List.of()).size();
            remaining.put(id, n);
            if (n == 0) {
                ready.add(id);
            }
        }
        Map<String, Integer> layer = new HashMap<>();
        while (!ready.isEmpty()) {
            String v = ready.poll();
            int l = 0;
            for (String d : dependsOn.getOrDefault(v, List.of())) {
                l = Math.max(l, layer.get(d) + 1);
            }
            layer.put(v, l);
            for (String up : dependentsOf.getOrDefault(v, List.of())) {
                if (remaining.merge(up, -1, Integer::sum) == 0) {
                    ready.add(up);
                }
            }
        }
        return layer;
    }

    /** A first order: layer by layer, each node in the order it was given, dummies after their source. */
    private static List<List<Vertex>> initialOrder(Graph g, int layers) {
        List<List<Vertex>> rows = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            rows.add(new ArrayList<>());
        }
        for (Vertex v : g.vertices) {
            rows.get(v.layer).add(v);
        }
        return rows;
    }

    /**
     * Barycentre sweeps right and left, each followed by neighbour swaps, from the given order and
     * from its mirror image; keeps the best order seen.
     */
    private static List<List<Vertex>> reduceCrossings(List<List<Vertex>> rows) {
        List<List<Vertex>> best = copy(rows);
        int bestCrossings = crossings(rows);
        List<List<Vertex>> mirrored = copy(rows);
        mirrored.forEach(Collections::reverse);
        List<List<List<Vertex>>> starts = new ArrayList<>(List.of(copy(rows), mirrored));
        // A few shuffled starts (seeded: the same graph always gives the same picture) escape local minima.
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < RESTARTS; i++) {
            List<List<Vertex>> shuffled = copy(rows);
            shuffled.forEach(r -> Collections.shuffle(r, random));
            starts.add(shuffled);
        }
        for (List<List<Vertex>> start : starts) {
            List<List<Vertex>> candidate = sweep(start);
            int c = crossings(candidate);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = candidate;
            }
        }
        return best;
    }

    private static List<List<Vertex>> sweep(List<List<Vertex>> rows) {
        List<List<Vertex>> best = copy(rows);
        int bestCrossings = crossings(rows);
        List<List<Vertex>> current = copy(rows);
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
            boolean rightwards = sweep % 2 == 0;
            if (rightwards) {
                for (int l = 1; l < current.size(); l++) {
                    sortByBarycentre(current.get(l), current.get(l - 1), true);
                }
            } else {
                for (int l = current.size() - 2; l >= 0; l--) {
                    sortByBarycentre(current.get(l), current.get(l + 1), false);
                }
            }
            transpose(current);
            int c = crossings(current);
            if (c < bestCrossings) {
                bestCrossings = c;
                best = copy(current);
            }
        }
        return best;
    }

    private static void sortByBarycentre(List<Vertex> row, List<Vertex> fixed, boolean fixedIsLeft) {
        Map<Vertex, Integer> pos = new HashMap<>();
        for (int i = 0; i < fixed.size(); i++) {
            pos.put(fixed.get(i), i);
        }
        Map<Vertex, Double> key = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            Vertex v = row.get(i);
            List<Vertex> neighbours = fixedIsLeft ? v.left : v.right;
            double sum = 0;
            int n = 0;
            for (Vertex u : neighbours) {
                Integer p = pos.get(u);
                if (p != null) {
                    sum += p;
                    n++;
                }
            }
            // A node with no neighbour on that side keeps its place.
            key.put(v, n == 0 ? i : sum / n);
        }
        List<Vertex> sorted = new ArrayList<>(row);
        Map<Vertex, Integer> before = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            before.put(row.get(i), i);
        }
        sorted.sort((a, b) -> {
            int c = Double.compare(key.get(a), key.get(b));
            return c != 0 ? c : Integer.compare(before.get(a), before.get(b));
        });
        row.clear();
        row.addAll(sorted);
    }

    /** Swaps neighbours in a layer while that lowers the crossings with both adjacent layers. */
    private static void transpose(List<List<Vertex>> rows) {
        boolean improved = true;
        int rounds = 0;
        while (improved && rounds++ < 8) {
            improved = false;
            for (int l = 0; l < rows.size(); l++) {
                List<Vertex> row = rows.get(l);
                Map<Vertex, Integer> leftPos = l > 0 ? positions(rows.get(l - 1)) : Map.of();
                Map<Vertex, Integer> rightPos = l + 1 < rows.size() ? positions(rows.get(l + 1)) : Map.of();
                for (int i = 0; i + 1 < row.size(); i++) {
                    Vertex a = row.get(i);
                    Vertex b = row.get(i + 1);
                    int now = pairCrossings(a.left, b.left, leftPos) + pairCrossings(a.right, b.right, rightPos);
                    int swapped = pairCrossings(b.left, a.left, leftPos) + pairCrossings(b.right, a.right, rightPos);
                    if (swapped < now) {
                        Collections.swap(row, i, i + 1);
                        improved = true;
                    }
                }
            }
        }
    }

    private static Map<Vertex, Integer> positions(List<Vertex> row) {
        Map<Vertex, Integer> pos = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            pos.put(row.get(i), i);
        }
        return pos;
    }

    /**
     * Vertical positions: start stacked, then pull each vertex towards the mean of its neighbours,
     * alternately from the left and from the right, and push apart what would overlap.
     */
    private static void assignY(List<List<Vertex>> rows, Options o) {
        for (List<Vertex> row : rows) {
            double y = o.margin();
            for (Vertex v : row) {
                v.y = y;
                y += height(v, o) + o.nodeGap();
            }
        }
        for (int pass = 0; pass < 8; pass++) {
            boolean fromLeft = pass % 2 == 0;
            int start = fromLeft ? 1 : rows.size() - 2;
            int step = fromLeft ? 1 : -1;
            for (int l = start; l >= 0 && l < rows.size(); l += step) {
                List<Vertex> row = rows.get(l);
                double[] wanted = new double[row.size()];
                for (int i = 0; i < row.size(); i++) {
                    Vertex v = row.get(i);
                    List<Vertex> ns = fromLeft ? v.left : v.right;
                    if (ns.isEmpty()) {
                        wanted[i] = v.y;
                    } else {
                        double sum = 0;
                        for (Vertex u : ns) {
                            sum += centre(u, o);
                        }
                        wanted[i] = sum / ns.size() - height(v, o) / 2;
                    }
                }
                place(row, wanted, o);
            }
        }
        double top = Double.MAX_VALUE;
        for (List<Vertex> row : rows) {
            for (Vertex v : row) {
                top = Math.min(top, v.y);
            }
        }
        if (top != Double.MAX_VALUE) {
            double shift = o.margin() - top;
            rows.forEach(row -> row.forEach(v -> v.y += shift));
        }
    }

    /**
     * Puts the row's vertices as near their wanted positions as the order and the gaps allow: the
     * least-squares placement under "each vertex at least a gap below the one above", solved exactly
     * by pooling adjacent violators (isotonic regression on the positions less their minimum offsets).
     */
    static void place(List<Vertex> row, double[] wanted, Options o) {
        int n = row.size();
        if (n == 0) {
            return;
        }
        double[] offset = new double[n];
        for (int i = 1; i < n; i++) {
            offset[i] = offset[i - 1] + height(row.get(i - 1), o) + o.nodeGap();
        }
        double[] blockMean = new double[n];
        int[] blockSize = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            blockMean[blocks] = wanted[i] - offset[i];
            blockSize[blocks] = 1;
            blocks++;
            while (blocks > 1 && blockMean[blocks - 2] > blockMean[blocks - 1]) {
                int size = blockSize[blocks - 2] + blockSize[blocks - 1];
                blockMean[blocks - 2] = (blockMean[blocks - 2] * blockSize[blocks - 2]
                        + blockMean[blocks - 1] * blockSize[blocks - 1]) / size;
                blockSize[blocks - 2] = size;
                blocks--;
            }
        }
        int i = 0;
        for (int b = 0; b < blocks; b++) {
            for (int k = 0; k < blockSize[b]; k++, i++) {
                row.get(i).y = blockMean[b] + offset[i];
            }
        }
    }

    private static double height(Vertex v, Options o) {
        return v.dummy ? 2 : o.nodeHeight();
    }

    private static double centre(Vertex v, Options o) {
        return v.y + height(v, o) / 2;
    }

    private static List<List<Vertex>> copy(List<List<Vertex>> rows) {
        List<List<Vertex>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ArrayList<>(r)));
        return out;
    }

    /** A node of the layered graph: a real node or a dummy point on a long edge. */
    static final class Vertex {
        final String id;
        final int layer;
        final boolean dummy;
        final List<Vertex> left = new ArrayList<>();
        final List<Vertex> right = new ArrayList<>();
        double x;
        double y;

        Vertex(String id, int layer, boolean dummy) {
            this.id = id;
            this.layer = layer;
            this.dummy = dummy;
        }

        @Override
        public String toString() {
            return id + "@" + layer;
        }
    }

    private static final class Graph {
        final List<Vertex> vertices = new ArrayList<>();
        final Map<String, Vertex> byId = new HashMap<>();

        void add(Vertex v) {
            vertices.add(v);
            byId.put(v.id, v);
        }

        /** {@code a} is one layer left of {@code b}. */
        void link(Vertex a, Vertex b) {
            a.right.add(b);
            b.left.add(a);
        }
    }
}
