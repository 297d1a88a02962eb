package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The dependency graph, laid out off the UI thread, and the chain that blocks the component in
 * focus, in words as well as highlighted.
 */
public final class GraphViewModel {
    static final String MEMORY_FOCUS = "migration.graph.focus";
    private final MigrationViewModel root;
    private final LatestLoad load;
    private final io.spineconsole.ui.common.I18n i18n;
    private final ObjectProperty<DependencyGraph> graph = new SimpleObjectProperty<>();
    private final ObjectProperty<LayeredLayout.Result> layout = new SimpleObjectProperty<>();
    private final StringProperty focus = new SimpleStringProperty();
    private final ObjectProperty<BlockingChain> chain = new SimpleObjectProperty<>();
    private final ObservableList<String> chainWords = FXCollections.observableArrayList();
    private final LayeredLayout.Options options;

    GraphViewModel(MigrationViewModel root) {
        this(root, LayeredLayout.Options.defaults());
    }

    GraphViewModel(MigrationViewModel root, LayeredLayout.Options options) {
        this.root = root;
        this.load = new LatestLoad(root.ui(), root.i18n(), () -> graph.get() != null);
        load.onRetry(this::load);
        this.i18n = root.i18n();
        this.options = options;
        root.memory().recall(MEMORY_FOCUS).ifPresent(focus::set);
        focus.addListener((o, a, b) -> {
            root.memory().remember(MEMORY_FOCUS, b);
            recomputeChain();
        });
    }

    public void load() {
        if (!root.connected()) {
            return;
        }
        record Laid(DependencyGraph graph, LayeredLayout.Result layout) {
        }
        // The layout runs where the answer arrives (an HTTP thread), never on the UI thread.
        CompletableFuture<Laid> call = root.api().getDependencyGraph().thenApply(g -> new Laid(g, layOut(g)));
        load.start(call, laid -> {
            graph.set(laid.graph());
            layout.set(laid.layout());
            recomputeChain();
        }, laid -> laid.graph().nodes().isEmpty());
    }

    LayeredLayout.Result layOut(DependencyGraph g) {
        List<String> nodes = g.nodes().stream().map(DependencyGraph.Node::code).toList();
        List<LayeredLayout.Edge> edges = g.edges().stream().map(e -> new LayeredLayout.Edge(e.from(), e.to())).toList();
        return LayeredLayout.layout(nodes, edges, options);
    }

    public void cancel() {
        load.cancel();
    }

    private void recomputeChain() {
        DependencyGraph g = graph.get();
        String f = focus.get();
        if (g == null || f == null) {
            chain.set(null);
            chainWords.clear();
            return;
        }
        BlockingChain c = BlockingChain.of(g, f);
        chain.set(c);
        chainWords.setAll(describe(g, c));
    }

    /** The chain as sentences, one a link: "EPS cannot cut over: depends on PDS, still only in DC-NORTH." */
    List<String> describe(DependencyGraph g, BlockingChain c) {
        Map<String, DependencyGraph.Node> nodes = new HashMap<>();
        g.nodes().forEach(n -> nodes.put(n.code(), n));
        List<String> words = new ArrayList<>();
        DependencyGraph.Node focusNode = nodes.get(c.focus());
        if (focusNode == null) {
            words.add(i18n.get("migration.graph.unknown", c.focus()));
            return words;
        }
        if (c.isEmpty()) {
            words.add(io.spineconsole.domain.migration.MigrationRules.isCutOverOrLater(focusNode.state())
                    ? i18n.get("migration.graph.nothingHolds", c.focus())
                    : i18n.get("migration.graph.nothingBlocks", c.focus()));
            return words;
        }
        for (BlockingChain.Link link : c.links()) {
            DependencyGraph.Node blocker = nodes.get(link.blocker());
            String where = blocker == null ? "" : String.join(", ", dataCentres(blocker));
            String state = blocker == null ? "" : root.labels().state(blocker.state());
            words.add(link.kind() == BlockingChain.Kind.CUT_OVER
                    ? i18n.get("migration.graph.blocksCutOver", link.blocked(), named(link.blocker(), blocker), where, state)
                    : i18n.get("migration.graph.holdsDecommission", link.blocked(), named(link.blocker(), blocker), where, state));
        }
        if (!c.roots().isEmpty()) {
            words.add(i18n.get("migration.graph.startWith", String.join(", ", c.roots())));
        }
        return words;
    }

    private String named(String code, DependencyGraph.Node node) {
        return node == null || node.name() == null ? code : i18n.get("migration.named", code, node.name());
    }

    private List<String> dataCentres(DependencyGraph.Node n) {
        List<String> out = n.hostedAt().stream()
                .filter(s -> root.siteKinds().get(s) != io.spineconsole.domain.migration.SiteKind.CLOUD_REGION).toList();
        return out.isEmpty() ? n.hostedAt() : out;
    }

    public ReadOnlyObjectProperty<DependencyGraph> graphProperty() {
        return graph;
    }

    public ReadOnlyObjectProperty<LayeredLayout.Result> layoutProperty() {
        return layout;
    }

    public LayeredLayout.Options options() {
        return options;
    }

    /** The component whose blocking chain is highlighted; null for none. */
    public StringProperty focusProperty() {
        return focus;
    }

    public ReadOnlyObjectProperty<BlockingChain> chainProperty() {
        return chain;
    }

    /** The chain in sentences, for the side panel and screen readers. */
    public ObservableList<String> chainWords() {
        return chainWords;
    }

    /** What the view shows about this load (busy, empty, failed with Retry); views bind to it. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }
}
