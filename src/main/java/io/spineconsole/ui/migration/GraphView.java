package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.DependencyGraph;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.util.StringConverter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The dependency graph drawn on a pane: each component a box (its state's family as fill, its
 * hosting as a side stripe, both also written in the box), each dependency an arrow from the
 * component to what it needs, dashed where the dependency is still only in a data centre. Choosing
 * a component (click, Enter, or the list above) highlights the chain that blocks it and dims the
 * rest; the panel beside it says the same in sentences.
 */
final class GraphView extends BorderPane {
    private static final PseudoClass CHAIN = PseudoClass.getPseudoClass("chain");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");
    private static final PseudoClass FOCUSED = PseudoClass.getPseudoClass("focus-component");
    private final GraphViewModel model;
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Pane canvas = new Pane();
    private final Group zoomed = new Group(canvas);
    private final Map<String, Region> nodes = new HashMap<>();
    private final Map<DependencyGraph.Edge, Node[]> edges = new HashMap<>();
    private final ComboBox<String> focus = new ComboBox<>();
    private final Consumer<String> openOnBoard;

    GraphView(MigrationViewModel root, Consumer<String> openOnBoard) {
        this.root = root;
        this.model = root.graph();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.openOnBoard = openOnBoard;
        setId("migration-graph");
        getStyleClass().add("migration-graph");

        canvas.getStyleClass().add("migration-graph-canvas");
        ScrollPane scroll = new ScrollPane(zoomed);
        scroll.setId("migration-graph-scroll");
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPannable(true);
        // Busy, empty or failed, the placeholder says so where the drawing would be.
        Placeholder placeholder = MigrationUi.placeholder(model.status(), i18n.get("migration.graph.empty"), i18n);
        placeholder.setPickOnBounds(false);
        StackPane.setAlignment(placeholder, Pos.CENTER);
        setCenter(new StackPane(scroll, placeholder));
        setTop(new VBox(6, toolbar(), legend()));
        setRight(chainPanel());

        model.layoutProperty().addListener((o, a, b) -> draw());
        model.chainProperty().addListener((o, a, b) -> highlight());
        root.referenceSites().addListener((ListChangeListener<io.spineconsole.domain.migration.Site>) c -> draw());
        draw();
    }

    private Node toolbar() {
        focus.setId("migration-graph-focus");
        focus.setAccessibleText(i18n.get("migration.graph.focus"));
        focus.setPromptText(i18n.get("migration.graph.focusPrompt"));
        focus.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null) {
                    return i18n.get("migration.graph.focusPrompt");
                }
                return model.graphProperty().get() == null ? code : model.graphProperty().get().nodes().stream()
                        .filter(n -> n.code().equals(code)).findFirst().map(n -> n.code() + " · " + n.name()).orElse(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        focus.valueProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(b, model.focusProperty().get())) {
                model.focusProperty().set(b);
            }
        });
        model.focusProperty().addListener((o, a, b) -> focus.setValue(b));
        model.graphProperty().addListener((o, a, g) -> {
            String keep = model.focusProperty().get();
            focus.getItems().setAll(g == null ? List.of() : g.nodes().stream().map(DependencyGraph.Node::code).sorted().toList());
            focus.setValue(keep);
        });
        Label focusLabel = new Label(i18n.get("migration.graph.focus"));
        focusLabel.setLabelFor(focus);
        focusLabel.getStyleClass().add("form-label");
        Button clear = new Button(i18n.get("migration.graph.clear"));
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> model.focusProperty().set(null));
        clear.disableProperty().bind(model.focusProperty().isNull());

        Slider zoom = new Slider(0.5, 1.5, 1);
        zoom.setId("migration-graph-zoom");
        zoom.setAccessibleText(i18n.get("migration.graph.zoom"));
        zoom.setPrefWidth(120);
        canvas.scaleXProperty().bind(zoom.valueProperty());
        canvas.scaleYProperty().bind(zoom.valueProperty());
        Label zoomLabel = new Label(i18n.get("migration.graph.zoom"));
        zoomLabel.setLabelFor(zoom);
        zoomLabel.getStyleClass().add("form-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, focusLabel, focus, clear, spacer, zoomLabel, zoom);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("migration-filters");
        return bar;
    }

    /** What the fills, stripes and lines mean, in words. */
    private Node legend() {
        FlowPane legend = new FlowPane(14, 4);
        legend.getStyleClass().add("migration-graph-legend");
        legend.getChildren().addAll(
                swatch("legend-not-started", i18n.get("migration.graph.legend.notStarted")),
                swatch("legend-moving", i18n.get("migration.graph.legend.moving")),
                swatch("legend-done", i18n.get("migration.graph.legend.done")),
                swatch("legend-attention", i18n.get("migration.graph.legend.attention")),
                swatch("legend-hosting-dc", i18n.get("migration.hosting.dataCentreOnly")),
                swatch("legend-hosting-hybrid", i18n.get("migration.hosting.hybrid")),
                swatch("legend-hosting-cloud", i18n.get("migration.hosting.cloudOnly")),
                line("legend-edge", i18n.get("migration.graph.legend.dependsOn")),
                line("legend-edge-blocking", i18n.get("migration.graph.legend.blocking")));
        return legend;
    }

    private static Node swatch(String style, String text) {
        Region box = new Region();
        box.getStyleClass().addAll("legend-swatch", style);
        Label label = new Label(text);
        HBox item = new HBox(5, box, label);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private static Node line(String style, String text) {
        Path p = new Path(new MoveTo(0, 6), new LineTo(26, 6));
        p.getStyleClass().addAll("legend-line", style);
        Label label = new Label(text);
        HBox item = new HBox(5, p, label);
        item.setAlignment(Pos.CENTER_LEFT);
        return item;
    }

    private Node chainPanel() {
        Label title = MigrationUi.sectionTitle(i18n.get("migration.graph.chainTitle"));
        VBox words = new VBox(6);
        words.setId("migration-graph-chain");
        Runnable render = () -> {
            words.getChildren().clear();
            if (model.focusProperty().get() == null) {
                words.getChildren().add(MigrationUi.muted(i18n.get("migration.graph.chooseHint")));
            }
            for (String s : model.chainWords()) {
                Label l = new Label(s);
                l.setWrapText(true);
                l.getStyleClass().add("migration-chain-line");
                words.getChildren().add(l);
            }
        };
        model.chainWords().addListener((ListChangeListener<String>) c -> render.run());
        model.focusProperty().addListener((o, a, b) -> render.run());
        render.run();
        Button open = new Button(i18n.get("migration.graph.openOnBoard"));
        open.setGraphic(Icons.of(AppIcon.OPEN));
        open.disableProperty().bind(model.focusProperty().isNull());
        open.setOnAction(e -> openOnBoard.accept(model.focusProperty().get()));
        VBox panel = new VBox(8, title, words, open);
        panel.getStyleClass().add("migration-graph-panel");
        panel.setPrefWidth(260);
        panel.setMinWidth(220);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setPrefWidth(280);
        return scroll;
    }

    private void draw() {
        canvas.getChildren().clear();
        nodes.clear();
        edges.clear();
        LayeredLayout.Result layout = model.layoutProperty().get();
        DependencyGraph graph = model.graphProperty().get();
        if (layout == null || graph == null) {
            return;
        }
        LayeredLayout.Options o = model.options();
        canvas.setPrefSize(layout.width(), layout.height());
        canvas.setMinSize(layout.width(), layout.height());
        Map<String, Boolean> blocking = new HashMap<>();
        graph.edges().forEach(e -> blocking.put(e.from() + "\u0000" + e.to(), e.blocksCutOver()));
        for (LayeredLayout.Route route : layout.routes()) {
            List<LayeredLayout.Point> pts = route.points();
            if (pts.size() < 2) {
                continue;
            }
            Path path = new Path();
            path.getElements().add(new MoveTo(pts.get(0).x(), pts.get(0).y()));
            for (int i = 1; i < pts.size(); i++) {
                path.getElements().add(new LineTo(pts.get(i).x(), pts.get(i).y()));
            }
            boolean blocks = blocking.getOrDefault(route.edge().from() + "\u0000" + route.edge().to(), false);
            path.getStyleClass().addAll("graph-edge", blocks ? "graph-edge-blocking" : "graph-edge-plain");
            LayeredLayout.Point end = pts.get(pts.size() - 1);
            LayeredLayout.Point before = pts.get(pts.size() - 2);
            Polygon head = arrow(before, end);
            head.getStyleClass().addAll("graph-arrow", blocks ? "graph-edge-blocking" : "graph-edge-plain");
            canvas.getChildren().addAll(path, head);
            edges.put(new DependencyGraph.Edge(route.edge().from(), route.edge().to(), blocks), new Node[] {path, head});
        }
        for (DependencyGraph.Node n : graph.nodes()) {
            LayeredLayout.Placed p = layout.node(n.code());
            if (p == null) {
                continue;
            }
            Region box = nodeBox(n, o);
            box.relocate(p.x(), p.y());
            canvas.getChildren().add(box);
            nodes.put(n.code(), box);
        }
        highlight();
    }

    private static Polygon arrow(LayeredLayout.Point from, LayeredLayout.Point to) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double len = Math.max(1, Math.hypot(dx, dy));
        double ux = dx / len;
        double uy = dy / len;
        double size = 8;
        double bx = to.x() - ux * size;
        double by = to.y() - uy * size;
        return new Polygon(to.x(), to.y(), bx - uy * size / 2, by + ux * size / 2, bx + uy * size / 2, by - ux * size / 2);
    }

    private Region nodeBox(DependencyGraph.Node n, LayeredLayout.Options o) {
        Label code = new Label(n.code());
        code.getStyleClass().add("graph-node-code");
        MigrationLabels.Hosting hosting = MigrationLabels.Hosting.of(n.hostedAt(), root.siteKinds());
        Label state = new Label(labels.state(n.state()) + " · " + labels.hostingShort(hosting));
        state.getStyleClass().add("graph-node-state");
        VBox box = new VBox(1, code, state);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().addAll("graph-node", family(n.state()), hosting.style());
        box.setId("migration-graph-node-" + n.code());
        box.setPrefSize(o.nodeWidth(), o.nodeHeight());
        box.setMinSize(o.nodeWidth(), o.nodeHeight());
        box.setMaxSize(o.nodeWidth(), o.nodeHeight());
        box.setFocusTraversable(true);
        box.setAccessibleText(i18n.get("migration.graph.nodeAccessible", n.code(), n.name(), labels.state(n.state()),
                labels.hosting(n.hostedAt(), root.siteKinds())));
        javafx.scene.control.Tooltip.install(box, new javafx.scene.control.Tooltip(n.name() + "\n"
                + labels.hosting(n.hostedAt(), root.siteKinds()) + ": " + String.join(", ", n.hostedAt())));
        box.setOnMouseClicked(e -> {
            box.requestFocus();
            model.focusProperty().set(n.code());
            if (e.getClickCount() == 2) {
                openOnBoard.accept(n.code());
            }
        });
        box.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                model.focusProperty().set(n.code());
                e.consume();
            }
        });
        return box;
    }

    /** The fill family of a state: not started, moving, done, or needing attention. */
    static String family(ComponentState s) {
        return switch (s) {
            case PLANNED, PREPARING -> "family-not-started";
            case MIGRATING, PARALLEL_RUN -> "family-moving";
            case CUT_OVER, DECOMMISSIONING, DECOMMISSIONED -> "family-done";
            case BLOCKED, ROLLED_BACK -> "family-attention";
        };
    }

    private void highlight() {
        BlockingChain chain = model.chainProperty().get();
        String f = model.focusProperty().get();
        boolean focusing = chain != null && f != null;
        nodes.forEach((code, box) -> {
            boolean in = focusing && chain.components().contains(code);
            box.pseudoClassStateChanged(CHAIN, in && !code.equals(f));
            box.pseudoClassStateChanged(FOCUSED, focusing && code.equals(f));
            box.pseudoClassStateChanged(DIMMED, focusing && !in);
        });
        edges.forEach((edge, shapes) -> {
            boolean in = focusing && chain.containsEdge(edge.from(), edge.to());
            for (Node s : shapes) {
                s.pseudoClassStateChanged(CHAIN, in);
                s.pseudoClassStateChanged(DIMMED, focusing && !in);
            }
        });
    }

    /** The drawing itself, at its zoom (for tests and screenshots). */
    Node drawing() {
        return zoomed;
    }

    /** The drawn box of a component (for tests and screenshots). */
    Region nodeOf(String code) {
        return nodes.get(code);
    }

    /** True when the box of {@code code} is highlighted as part of the chain (or is the focus). */
    boolean inChain(String code) {
        Region box = nodes.get(code);
        return box != null && (box.getPseudoClassStates().contains(CHAIN) || box.getPseudoClassStates().contains(FOCUSED));
    }

    boolean dimmed(String code) {
        Region box = nodes.get(code);
        return box != null && box.getPseudoClassStates().contains(DIMMED);
    }

    /** Shows the whole focus box in view (after a deep link). */
    void reveal(String code) {
        Region box = nodes.get(code);
        if (box != null) {
            box.requestFocus();
        }
    }
}
