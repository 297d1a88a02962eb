package io.spineconsole.ui.migration;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.GreedySwitchType;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dependency graph's layered (Sugiyama) drawing, left to right, by Eclipse ELK's layered
 * algorithm; this class only speaks the console's terms to it. An edge {@code from → to} reads
 * "from depends on to": the graph is laid out leftwards, so the foundations are on the left and
 * every edge runs from the left side of the dependent to the right side of what it needs. ELK
 * assigns layers by network simplex (short edges), orders each layer to reduce crossings, places
 * the boxes by network simplex (straight and compact) and routes each edge as a polyline around the
 * boxes in its way, arriving at a point of its own. A cycle (the server refuses them, but a layout
 * must not hang on one) is broken by ELK. No toolkit in it: it runs off the UI thread.
 * Why ELK and not the hand-written layout it replaced: BENCHMARKS.md, "Dependency graph layout".
 */
public final class LayeredLayout {
    /** How hard ELK looks for fewer crossings (its default is 7): a few dozen components stay well under a second. */
    private static final int THOROUGHNESS = 40;

    static {
        // Registers ELK's option types: it copies options between its internal graphs by reflection.
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

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

    /** @param crossings the points where two drawn routes cross */
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
        ElkNode graph = graph(options, reduce);
        Map<String, ElkNode> boxes = new LinkedHashMap<>();
        for (String id : ids) {
            ElkNode box = ElkGraphUtil.createNode(graph);
            box.setIdentifier(id);
            box.setDimensions(options.nodeWidth(), options.nodeHeight());
            boxes.put(id, box);
        }
        List<Edge> usable = new ArrayList<>();
        List<ElkEdge> lines = new ArrayList<>();
        Set<Edge> seen = new HashSet<>();
        for (Edge e : edges) {
            ElkNode from = boxes.get(e.from());
            ElkNode to = boxes.get(e.to());
            if (from != null && to != null && from != to && seen.add(e)) {
                usable.add(e);
                lines.add(ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        new LayeredLayoutProvider().layout(graph, new BasicProgressMonitor());

        // Every box has the same width, so a layer is a column: its rank from the left is its number.
        List<Double> columns = new ArrayList<>(new TreeSet<>(boxes.values().stream().map(ElkNode::getX).toList()));
        Map<String, Placed> placed = new LinkedHashMap<>();
        for (String id : ids) {
            ElkNode box = boxes.get(id);
            int order = (int) boxes.values().stream().filter(b -> b.getX() == box.getX() && b.getY() < box.getY()).count();
            placed.put(id, new Placed(id, columns.indexOf(box.getX()), order, box.getX(), box.getY()));
        }
        List<Route> routes = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            List<Point> points = new ArrayList<>();
            for (ElkEdgeSection s : lines.get(i).getSections()) {
                points.add(new Point(s.getStartX(), s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new Point(b.getX(), b.getY()));
                }
                points.add(new Point(s.getEndX(), s.getEndY()));
            }
            routes.add(new Route(usable.get(i), List.copyOf(points)));
        }
        return new Result(Collections.unmodifiableMap(placed), List.copyOf(routes),
                Math.max(graph.getWidth(), options.margin() * 2), Math.max(graph.getHeight(), options.margin() * 2),
                columns.size(), crossings(routes));
    }

    private static ElkNode graph(Options o, boolean reduce) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.DIRECTION, Direction.LEFT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(o.margin()));
        graph.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.NETWORK_SIMPLEX);
        graph.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
        graph.setProperty(LayeredOptions.THOROUGHNESS, THOROUGHNESS);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, o.nodeGap());
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, o.layerGap());
        // Edges pass closer to boxes and to each other than ELK's default 10 px, so the drawing stays compact;
        // an edge between two boxes of a layer still leaves them at least the gap apart.
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE, Math.ceil(o.nodeGap() / 2));
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 8.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
        if (!reduce) {
            graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.NONE);
            graph.setProperty(LayeredOptions.CROSSING_MINIMIZATION_GREEDY_SWITCH_TYPE, GreedySwitchType.OFF);
        }
        return graph;
    }

    /** Crossings as drawn: pairs of segments of different routes that cross (meeting at an end is not crossing). */
    static int crossings(List<Route> routes) {
        List<Point[]> segments = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int r = 0; r < routes.size(); r++) {
            List<Point> p = routes.get(r).points();
            for (int k = 0; k + 1 < p.size(); k++) {
                segments.add(new Point[] {p.get(k), p.get(k + 1)});
                owner.add(r);
            }
        }
        int count = 0;
        for (int a = 0; a < segments.size(); a++) {
            for (int b = a + 1; b < segments.size(); b++) {
                if (!owner.get(a).equals(owner.get(b)) && cross(segments.get(a), segments.get(b))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean cross(Point[] s, Point[] t) {
        return side(t[0], t[1], s[0]) * side(t[0], t[1], s[1]) < 0 && side(s[0], s[1], t[0]) * side(s[0], s[1], t[1]) < 0;
    }

    /** Which side of the line a → b the point c lies on: 1, -1, or 0 on it. */
    private static int side(Point a, Point b, Point c) {
        double v = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        return Math.abs(v) < 1e-9 ? 0 : v > 0 ? 1 : -1;
    }
}
