package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The board's columns, one per state in lifecycle order (blocked and rolled back share the last
 * place, one above the other), each with its count and its cards. A column takes a dropped card
 * when the programme's rules allow the move, and says whether it would while a card is dragged.
 */
final class BoardLanes extends ScrollPane implements ComponentCard.Actions {
    /**
     * A column with cards is never narrower than this: the longest words of a component's name
     * ("Demographics", "Relationships") fit on a card's line, so no word breaks mid-word. Where the
     * columns do not fit side by side (beside the detail, on a small screen) they wrap onto another
     * row and the board scrolls down, never sideways; the list view suits many components.
     */
    static final double CARD_COLUMN_MIN = 140;
    private static final PseudoClass DROP_OK = PseudoClass.getPseudoClass("drop-ok");
    private static final PseudoClass DROP_NO = PseudoClass.getPseudoClass("drop-no");
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");
    private final MigrationViewModel root;
    private final BoardViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Map<ComponentState, VBox> cards = new EnumMap<>(ComponentState.class);
    private final Map<ComponentState, Label> counts = new EnumMap<>(ComponentState.class);
    private final Map<ComponentState, VBox> columns = new EnumMap<>(ComponentState.class);
    private final Map<ComponentState, Node> strips = new EnumMap<>(ComponentState.class);
    private final VBox aside;
    private final FlowPane lanes = new FlowPane(6, 6);
    /** The board's places (each main-line column, then blocked over rolled back) that are folded narrow. */
    private final Map<Node, Boolean> folded = new java.util.HashMap<>();
    private final BiConsumer<Component, ComponentState> requestMove;
    private final Consumer<String> select;
    private final Consumer<String> showInGraph;
    private String selected;

    BoardLanes(MigrationViewModel root, BiConsumer<Component, ComponentState> requestMove, Consumer<String> select,
               Consumer<String> showInGraph) {
        this.root = root;
        this.model = root.board();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.requestMove = requestMove;
        this.select = select;
        this.showInGraph = showInGraph;

        lanes.getStyleClass().add("migration-lanes");
        lanes.setRowValignment(javafx.geometry.VPos.TOP);
        for (ComponentState s : MigrationRules.LIFECYCLE) {
            if (s != ComponentState.BLOCKED && s != ComponentState.ROLLED_BACK) {
                lanes.getChildren().add(column(s));
            }
        }
        // Blocked and rolled back are off the main line: their two columns share the last place, one above the other.
        Region blocked = column(ComponentState.BLOCKED);
        Region rolledBack = column(ComponentState.ROLLED_BACK);
        VBox.setVgrow(blocked, Priority.ALWAYS);
        VBox.setVgrow(rolledBack, Priority.ALWAYS);
        aside = new VBox(6, blocked, rolledBack);
        aside.getStyleClass().add("migration-aside");
        lanes.getChildren().add(aside);
        setContent(lanes);
        setFitToHeight(true);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        viewportBoundsProperty().addListener((o, a, b) -> fit());
        getStyleClass().add("edge-to-edge");
        setId("migration-board-lanes");

        model.components().addListener((ListChangeListener<Component>) c -> render());
        root.mayOperateProperty().addListener((o, a, b) -> render());
        // Hosting words need the sites' kinds, which may arrive after the components.
        root.referenceSites().addListener((ListChangeListener<Site>) c -> render());
        render();
    }

    private Region column(ComponentState state) {
        Label title = new Label(labels.state(state));
        title.getStyleClass().add("migration-column-title");
        // A state's name is never cut: its column takes the room it needs, the others share the rest.
        title.setMinWidth(Region.USE_PREF_SIZE);
        if (state == ComponentState.BLOCKED || state == ComponentState.ROLLED_BACK) {
            title.setGraphic(Icons.of(AppIcon.WARNING));
        }
        Label count = new Label();
        count.getStyleClass().add("migration-column-count");
        counts.put(state, count);
        VBox head = new VBox(0, title, count);
        head.getStyleClass().addAll("migration-column-head", MigrationLabels.stateStyle(state));
        VBox list = new VBox(6);
        list.getStyleClass().add("migration-column-cards");
        cards.put(state, list);
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        VBox column = new VBox(6, head, scroll);
        column.getStyleClass().add("migration-column");
        column.setId("migration-column-" + state.code());
        column.setAccessibleText(labels.state(state));
        columns.put(state, column);
        if (!aside(state)) {
            // An empty column collapses to a strip with its name down it; it still takes a dropped card.
            Label name = new Label(labels.state(state));
            name.getStyleClass().add("migration-column-strip-title");
            name.setRotate(90);
            VBox strip = new VBox(new Group(name));
            strip.getStyleClass().add("migration-column-strip");
            strip.setAlignment(Pos.TOP_CENTER);
            strip.setVisible(false);
            strip.setManaged(false);
            Tooltip.install(strip, new Tooltip(i18n.get("migration.board.collapsed", labels.state(state))));
            column.getChildren().add(strip);
            strips.put(state, strip);
        }

        column.setOnDragOver(e -> {
            if (e.getGestureSource() != null && dropAllowed(e.getDragboard(), state)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        column.setOnDragEntered(e -> {
            boolean ok = dropAllowed(e.getDragboard(), state);
            column.pseudoClassStateChanged(DROP_OK, ok);
            column.pseudoClassStateChanged(DROP_NO, !ok);
            e.consume();
        });
        column.setOnDragExited(e -> {
            column.pseudoClassStateChanged(DROP_OK, false);
            column.pseudoClassStateChanged(DROP_NO, false);
            e.consume();
        });
        column.setOnDragDropped(e -> {
            Optional<Component> c = dragged(e.getDragboard());
            boolean ok = c.isPresent() && model.mayMove(c.get(), state);
            e.setDropCompleted(ok);
            e.consume();
            // The reason dialog waits for the user: open it once the drop gesture has finished.
            c.filter(x -> ok).ifPresent(x -> Platform.runLater(() -> requestMove.accept(x, state)));
        });
        return column;
    }

    private Optional<Component> dragged(Dragboard board) {
        Object code = board.hasContent(ComponentCard.COMPONENT) ? board.getContent(ComponentCard.COMPONENT) : null;
        return code == null ? Optional.empty() : model.find(code.toString());
    }

    /** True when the card being dragged may move into {@code state}'s column. */
    private boolean dropAllowed(Dragboard board, ComponentState state) {
        return dragged(board).map(c -> model.mayMove(c, state)).orElse(false);
    }

    private void render() {
        for (ComponentState s : MigrationRules.LIFECYCLE) {
            List<Component> in = model.column(s);
            cards.get(s).getChildren().setAll(in.stream()
                    .map(c -> new ComponentCard(c, root, c.code().equals(selected), this)).toList());
            counts.get(s).setText(i18n.get("migration.board.count", in.size()));
            counts.get(s).setAccessibleText(i18n.get("migration.board.columnCount", labels.state(s), in.size()));
        }
        collapseEmpty(false);
    }

    private static boolean aside(ComponentState s) {
        return s == ComponentState.BLOCKED || s == ComponentState.ROLLED_BACK;
    }

    /**
     * Gives the room of empty columns to the others: a main-line column shrinks to a strip, blocked or
     * rolled back to its heading. While a card is dragged ({@code expandAll}) every column is whole.
     */
    private void collapseEmpty(boolean expandAll) {
        for (Map.Entry<ComponentState, VBox> e : columns.entrySet()) {
            ComponentState s = e.getKey();
            VBox column = e.getValue();
            boolean collapse = !expandAll && cards.get(s).getChildren().isEmpty();
            column.pseudoClassStateChanged(COLLAPSED, collapse);
            if (aside(s)) {
                Node scroll = column.getChildren().get(1);
                scroll.setVisible(!collapse);
                scroll.setManaged(!collapse);
                VBox.setVgrow(column, collapse ? Priority.NEVER : Priority.ALWAYS);
                continue;
            }
            folded.put(column, collapse);
            showFolded(s, collapse, true);
        }
        folded.put(aside, !expandAll && cards.get(ComponentState.BLOCKED).getChildren().isEmpty()
                && cards.get(ComponentState.ROLLED_BACK).getChildren().isEmpty());
        fit();
    }

    /**
     * Shows a main-line column whole (its heading and cards), or folded: as a strip with its name down
     * it ({@code asStrip}), or as its heading alone.
     */
    private void showFolded(ComponentState s, boolean fold, boolean asStrip) {
        VBox column = columns.get(s);
        Node strip = strips.get(s);
        for (Node n : column.getChildren()) {
            boolean show = !fold ? n != strip : asStrip ? n == strip : n == column.getChildren().get(0);
            n.setVisible(show);
            n.setManaged(show);
        }
    }

    /**
     * Sizes the board's places to the room it has. When every column fits side by side at its minimum
     * width they share the width and fill the height (each column scrolls its cards); otherwise as many
     * as fit make a row, the rest wrap below at their natural height, and the board scrolls down.
     * A folded place keeps its own narrow width either way.
     */
    private void fit() {
        javafx.geometry.Bounds view = getViewportBounds();
        if (view == null || view.getWidth() <= 0) {
            return;
        }
        javafx.geometry.Insets pad = lanes.getInsets();
        double room = view.getWidth() - pad.getLeft() - pad.getRight();
        double gap = lanes.getHgap();
        List<Node> places = lanes.getChildren();
        double narrow = 0;
        int wide = 0;
        columns.forEach((s, column) -> {
            if (!aside(s) && folded.getOrDefault(column, false)) {
                showFolded(s, true, true);
            }
        });
        for (Node n : places) {
            Region r = (Region) n;
            if (folded.getOrDefault(n, false)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
                r.setPrefWidth(Region.USE_COMPUTED_SIZE);
                r.setMaxWidth(Region.USE_PREF_SIZE);
                narrow += r.prefWidth(-1);
            } else {
                wide++;
            }
        }
        double gaps = gap * Math.max(0, places.size() - 1);
        boolean oneRow = wide * CARD_COLUMN_MIN + narrow + gaps <= room;
        double width;
        if (oneRow) {
            width = wide == 0 ? CARD_COLUMN_MIN : Math.floor((room - narrow - gaps) / wide);
        } else {
            int perRow = Math.max(1, (int) ((room + gap) / (CARD_COLUMN_MIN + gap)));
            width = Math.max(CARD_COLUMN_MIN, Math.floor((room - gap * (perRow - 1)) / perRow));
        }
        if (!oneRow) {
            // Rows below have the height to spare: a folded column shows its heading across, like blocked.
            columns.forEach((s, column) -> {
                if (!aside(s) && folded.getOrDefault(column, false)) {
                    showFolded(s, true, false);
                }
            });
        }
        double height = view.getHeight() - pad.getTop() - pad.getBottom();
        for (Node n : places) {
            Region r = (Region) n;
            if (!folded.getOrDefault(n, false)) {
                r.setMinWidth(width);
                r.setPrefWidth(width);
                r.setMaxWidth(width);
            }
            r.setMinHeight(oneRow ? height : Region.USE_COMPUTED_SIZE);
            r.setPrefHeight(oneRow ? height : Region.USE_COMPUTED_SIZE);
        }
        setFitToHeight(oneRow);
    }

    /** While a card is dragged, every column says whether it may take it (in its accessible text too). */
    @Override
    public void dragStarted(Component c) {
        collapseEmpty(true);
        for (Map.Entry<ComponentState, VBox> e : columns.entrySet()) {
            boolean ok = e.getKey() != c.state() && model.mayMove(c, e.getKey());
            e.getValue().getStyleClass().add(ok ? "drop-target" : "drop-closed");
            e.getValue().setAccessibleText(labels.state(e.getKey()) + ". " + (ok
                    ? i18n.get("migration.board.dropAllowed")
                    : i18n.get("migration.board.dropNotAllowed", labels.state(c.state()))));
        }
    }

    @Override
    public void dragEnded() {
        collapseEmpty(false);
        columns.forEach((s, col) -> {
            col.getStyleClass().removeAll("drop-target", "drop-closed");
            col.setAccessibleText(labels.state(s));
        });
    }

    @Override
    public void choose(String code) {
        markSelected(code);
        select.accept(code);
    }

    @Override
    public void requestMove(Component c, ComponentState to) {
        requestMove.accept(c, to);
    }

    @Override
    public void showInGraph(String code) {
        showInGraph.accept(code);
    }

    /** Marks the card of {@code code} as selected (the detail shows it). */
    void markSelected(String code) {
        selected = code;
        String id = ComponentCard.idOf(code);
        cards.values().forEach(list -> list.getChildren().forEach(n ->
                n.pseudoClassStateChanged(ComponentCard.SELECTED, id.equals(n.getId()))));
    }
}
