package io.spineconsole.ui.migration;

import org.eclipse.elk.alg.layered.LayeredLayoutProvider;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ELK's layered algorithm behind {@link LayeredLayout}'s records, to measure the two side by side
 * ({@code GraphLayoutBenchmark}) before one of them is kept.
 */
public final class ElkLayout {
    static {
        // Registers ELK's option types (it copies options between its graphs by reflection).
        LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
    }

    private ElkLayout() {
    }

    /** ELK as it would be kept: polyline edges, network-simplex layering and placement, a thorough crossing search. */
    public static LayeredLayout.Result layout(List<String> nodes, List<LayeredLayout.Edge> edges, LayeredLayout.Options o) {
        return layout(nodes, edges, o, EdgeRouting.POLYLINE, LayeringStrategy.NETWORK_SIMPLEX, g -> {
            g.setProperty(LayeredOptions.THOROUGHNESS, 40);
            g.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.NETWORK_SIMPLEX);
            g.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 8.0);
            g.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 6.0);
            g.setProperty(LayeredOptions.SPACING_EDGE_NODE, 9.0);
            g.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
        });
    }

    /** ELK with its own defaults (orthogonal edges, Brandes-Köpf placement), only the spacing and direction set. */
    public static LayeredLayout.Result layoutWithDefaults(List<String> nodes, List<LayeredLayout.Edge> edges,
                                                          LayeredLayout.Options o) {
        return layout(nodes, edges, o, EdgeRouting.ORTHOGONAL, LayeringStrategy.NETWORK_SIMPLEX, g -> { });
    }

    private static LayeredLayout.Result layout(List<String> nodes, List<LayeredLayout.Edge> edges, LayeredLayout.Options o,
                                               EdgeRouting routing, LayeringStrategy layering,
                                               java.util.function.Consumer<ElkNode> extra) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(nodes));
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.DIRECTION, Direction.LEFT);
        graph.setProperty(CoreOptions.EDGE_ROUTING, routing);
        graph.setProperty(LayeredOptions.LAYERING_STRATEGY, layering);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE, o.nodeGap());
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, o.layerGap());
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(o.margin()));
        graph.setProperty(LayeredOptions.GENERATE_POSITION_AND_LAYER_IDS, true);
        extra.accept(graph);
        Map<String, ElkNode> byId = new LinkedHashMap<>();
        for (String id : ids) {
            ElkNode n = ElkGraphUtil.createNode(graph);
            n.setIdentifier(id);
            n.setDimensions(o.nodeWidth(), o.nodeHeight());
            byId.put(id, n);
        }
        List<LayeredLayout.Edge> usable = new ArrayList<>();
        List<ElkEdge> elkEdges = new ArrayList<>();
        Set<LayeredLayout.Edge> seen = new HashSet<>();
        for (LayeredLayout.Edge e : edges) {
            ElkNode from = byId.get(e.from());
            ElkNode to = byId.get(e.to());
            if (from != null && to != null && from != to && seen.add(e)) {
                usable.add(e);
                elkEdges.add(ElkGraphUtil.createSimpleEdge(from, to));
            }
        }
        new LayeredLayoutProvider().layout(graph, new BasicProgressMonitor());

        TreeSet<Double> columns = new TreeSet<>();
        byId.values().forEach(n -> columns.add(n.getX()));
        List<Double> xs = new ArrayList<>(columns);
        Map<String, LayeredLayout.Placed> placed = new LinkedHashMap<>();
        for (String id : ids) {
            ElkNode n = byId.get(id);
            int layer = xs.indexOf(n.getX());
            int order = (int) byId.values().stream().filter(m -> m.getX() == n.getX() && m.getY() < n.getY()).count();
            placed.put(id, new LayeredLayout.Placed(id, layer, order, n.getX(), n.getY()));
        }
        List<LayeredLayout.Route> routes = new ArrayList<>();
        for (int i = 0; i < usable.size(); i++) {
            List<LayeredLayout.Point> points = new ArrayList<>();
            for (ElkEdgeSection s : elkEdges.get(i).getSections()) {
                points.add(new LayeredLayout.Point(s.getStartX(), s.getStartY()));
                for (ElkBendPoint b : s.getBendPoints()) {
                    points.add(new LayeredLayout.Point(b.getX(), b.getY()));
                }
                points.add(new LayeredLayout.Point(s.getEndX(), s.getEndY()));
            }
            routes.add(new LayeredLayout.Route(usable.get(i), List.copyOf(points)));
        }
        return new LayeredLayout.Result(placed, List.copyOf(routes), graph.getWidth(), graph.getHeight(), xs.size(), -1);
    }
}
