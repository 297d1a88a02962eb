package io.spineconsole.ui.migration;

import io.spineconsole.domain.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.Wave;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The board: a column per state, a card per component. A card moves by dragging it to another
 * column or, from the keyboard, with its menu (the context-menu key, Shift+F10 or M). Columns a
 * card may not move to say so while it is dragged. Filters by site, wave, owner and text run on the
 * server; the text is debounced. A refusal shows the server's reason and the components that block
 * the move, each a link.
 */
final class BoardView extends BorderPane {
    static final DataFormat COMPONENT = new DataFormat("application/x-spine-console-component");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DROP_OK = PseudoClass.getPseudoClass("drop-ok");
    private static final PseudoClass DROP_NO = PseudoClass.getPseudoClass("drop-no");
    private final BoardViewModel model;
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Map<ComponentState, VBox> cards = new EnumMap<>(ComponentState.class);
    private final Map<ComponentState, Label> counts = new EnumMap<>(ComponentState.class);
    private final Map<ComponentState, VBox> columns = new EnumMap<>(ComponentState.class);
    private final BiConsumer<Component, ComponentState> requestMove;
    private final Consumer<String> select;
    private final Consumer<String> showInGraph;
    private String selected;

    /**
     * @param requestMove asks for the reason and moves (the workspace owns the dialog)
     * @param select      opens a component's detail
     * @param showInGraph shows a component's blocking chain in the dependency graph
     */
    BoardView(MigrationViewModel root, BiConsumer<Component, ComponentState> requestMove, Consumer<String> select,
              Consumer<String> showInGraph) {
        this.root = root;
        this.model = root.board();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.requestMove = requestMove;
        this.select = select;
        this.showInGraph = showInGraph;
        getStyleClass().add("migration-board");
        setId("migration-board");

        VBox top = new VBox(6, filters(), refusalBanner(),
                MigrationUi.outcomeRow(model.outcomeProperty(), model::dismissOutcome, i18n),
                MigrationUi.stateRows(model.stateProperty(), model.errorProperty(), model.errorDetailProperty(),
                        i18n.get("migration.board.empty"), i18n));
        top.getStyleClass().add("migration-board-top");
        setTop(top);

        HBox lanes = new HBox(6);
        lanes.getStyleClass().add("migration-lanes");
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
        VBox aside = new VBox(6, blocked, rolledBack);
        aside.getStyleClass().add("migration-aside");
        HBox.setHgrow(aside, Priority.ALWAYS);
        aside.setMinWidth(118);
        aside.setPrefWidth(130);
        lanes.getChildren().add(aside);
        ScrollPane scroll = new ScrollPane(lanes);
        scroll.setFitToHeight(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("migration-board-lanes");
        setCenter(scroll);

        model.components().addListener((ListChangeListener<Component>) c -> render());
        root.mayOperateProperty().addListener((o, a, b) -> render());
        // Hosting words need the sites' kinds, which may arrive after the components.
        root.sites().addListener((ListChangeListener<Site>) c -> render());
        render();
    }

    private Node filters() {
        ComboBox<String> site = new ComboBox<>();
        site.setId("migration-filter-site");
        site.setPromptText(i18n.get("migration.filter.allSites"));
        site.setAccessibleText(i18n.get("migration.filter.site"));
        site.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                if (code == null) {
                    return i18n.get("migration.filter.allSites");
                }
                return root.sites().stream().filter(s -> s.code().equals(code)).findFirst()
                        .map(s -> s.code() + " · " + labels.siteKind(s.kind())).orElse(code);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable fillSites = () -> {
            String keep = model.siteProperty().get();
            site.getItems().setAll((String) null);
            root.sites().stream().map(Site::code).forEach(site.getItems()::add);
            site.setValue(keep);
        };
        root.sites().addListener((ListChangeListener<Site>) c -> fillSites.run());
        fillSites.run();
        site.valueProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(b, model.siteProperty().get())) {
                model.siteProperty().set(b);
                model.load();
            }
        });

        ComboBox<Integer> wave = new ComboBox<>();
        wave.setId("migration-filter-wave");
        wave.setAccessibleText(i18n.get("migration.filter.wave"));
        wave.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                if (n == null) {
                    return i18n.get("migration.filter.allWaves");
                }
                return root.waves().stream().filter(w -> w.number() == n).findFirst().map(Wave::name)
                        .orElse(i18n.get("migration.filter.waveNumber", n));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        Runnable fillWaves = () -> {
            Integer keep = model.waveProperty().get();
            wave.getItems().setAll((Integer) null);
            root.waves().forEach(w -> wave.getItems().add(w.number()));
            wave.setValue(keep);
        };
        root.waves().addListener((ListChangeListener<Wave>) c -> fillWaves.run());
        fillWaves.run();
        wave.valueProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(b, model.waveProperty().get())) {
                model.waveProperty().set(b);
                model.load();
            }
        });

        ComboBox<String> owner = new ComboBox<>();
        owner.setId("migration-filter-owner");
        owner.setEditable(false);
        owner.setPromptText(i18n.get("migration.filter.allOwners"));
        owner.setAccessibleText(i18n.get("migration.filter.owner"));
        owner.setValue(model.ownerProperty().get());
        owner.setConverter(new StringConverter<>() {
            @Override
            public String toString(String o) {
                return o == null ? i18n.get("migration.filter.allOwners") : o;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        Runnable fillOwners = () -> {
            String keep = model.ownerProperty().get();
            owner.getItems().setAll((String) null);
            owner.getItems().addAll(model.owners());
            if (keep != null && !owner.getItems().contains(keep)) {
                owner.getItems().add(keep);
            }
            owner.setValue(keep);
        };
        model.owners().addListener((ListChangeListener<String>) c -> fillOwners.run());
        fillOwners.run();
        owner.valueProperty().addListener((o, a, b) -> {
            if (!java.util.Objects.equals(b, model.ownerProperty().get())) {
                model.ownerProperty().set(b);
                model.load();
            }
        });

        TextField text = new TextField(model.textProperty().get());
        text.setId("migration-filter-text");
        text.setPromptText(i18n.get("migration.filter.textPrompt"));
        text.setAccessibleText(i18n.get("migration.filter.text"));
        text.setPrefColumnCount(16);
        PauseTransition debounce = new PauseTransition(Duration.millis(300));
        debounce.setOnFinished(e -> {
            model.textProperty().set(text.getText());
            model.load();
        });
        text.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        text.setOnAction(e -> {
            debounce.stop();
            model.textProperty().set(text.getText());
            model.load();
        });

        Button clear = new Button(i18n.get("migration.filter.clear"));
        clear.setId("migration-filter-clear");
        clear.getStyleClass().add("flat");
        clear.setOnAction(e -> {
            debounce.stop();
            text.setText("");
            site.setValue(null);
            wave.setValue(null);
            owner.setValue(null);
            model.clearFilters();
        });

        Label count = new Label();
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == LoadState.LOADED
                ? i18n.get("migration.board.count", model.components().size()) : "", model.components(),
                model.stateProperty()));

        Label readOnly = new Label(i18n.get("migration.readOnly"));
        readOnly.setGraphic(Icons.of(AppIcon.UNAUTHORISED));
        readOnly.getStyleClass().add("text-muted");
        readOnly.visibleProperty().bind(root.mayOperateProperty().not().and(root.contextProperty().isNotNull()));
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        // The boxes say what they filter ("All sites", "DC-NORTH · Data centre"); their accessible text names them too.
        site.setPrefWidth(190);
        wave.setPrefWidth(230);
        owner.setPrefWidth(170);
        clear.setMinWidth(Region.USE_PREF_SIZE);
        count.setMinWidth(Region.USE_PREF_SIZE);
        // Wraps onto a second line when the detail beside the board leaves it less room.
        FlowPane bar = new FlowPane(8, 6, site, wave, owner, text, clear, count, readOnly);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("migration-filters");
        return bar;
    }

    /** The server's refusal: the reason, then each blocker as a link to it, and a link to the chain in the graph. */
    private Node refusalBanner() {
        VBox banner = new VBox(4);
        banner.setId("migration-refusal");
        banner.getStyleClass().add("migration-refusal");
        banner.visibleProperty().bind(model.refusalProperty().isNotNull());
        banner.managedProperty().bind(banner.visibleProperty());
        model.refusalProperty().addListener((o, a, r) -> {
            banner.getChildren().clear();
            if (r == null) {
                return;
            }
            Label title = new Label(i18n.get("migration.refusal.title", r.component(), labels.state(r.to())));
            title.setGraphic(Icons.of(AppIcon.BLOCKED));
            title.getStyleClass().add("migration-refusal-title");
            Button close = Icons.button(AppIcon.CLOSE, i18n.get("migration.dismiss"));
            close.setOnAction(e -> model.dismissRefusal());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label message = new Label(r.message());
            message.setId("migration-refusal-message");
            message.setWrapText(true);
            message.getStyleClass().add("migration-refusal-message");
            banner.getChildren().addAll(new HBox(8, title, spacer, close), message);
            for (String detail : r.details()) {
                if (!r.message().contains(detail)) {
                    Label d = new Label("• " + detail);
                    d.setWrapText(true);
                    banner.getChildren().add(d);
                }
            }
            if (!r.blockers().isEmpty()) {
                FlowPane links = new FlowPane(8, 4);
                links.getChildren().add(new Label(i18n.get("migration.refusal.blockedBy")));
                for (MigrationBlocker b : r.blockers()) {
                    String text = b.site() == null
                            ? i18n.get("migration.refusal.blocker", b.component(), labels.state(b.state()))
                            : i18n.get("migration.refusal.blockerAt", b.component(), labels.state(b.state()), b.site());
                    Hyperlink link = new Hyperlink(text);
                    link.getStyleClass().add("migration-blocker-link");
                    link.setOnAction(e -> select.accept(b.component()));
                    links.getChildren().add(link);
                }
                Hyperlink chain = new Hyperlink(i18n.get("migration.refusal.showChain", r.component()));
                chain.setGraphic(Icons.of(AppIcon.GRAPH));
                chain.setOnAction(e -> showInGraph.accept(r.component()));
                links.getChildren().add(chain);
                banner.getChildren().add(links);
            }
            banner.setAccessibleText(title.getText() + ". " + r.message());
        });
        return banner;
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
        // Narrower than this, words would break mid-word: the board scrolls sideways instead (beside the detail).
        column.setMinWidth(118);
        column.setPrefWidth(130);
        HBox.setHgrow(column, Priority.ALWAYS);
        columns.put(state, column);

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
        Object code = board.hasContent(COMPONENT) ? board.getContent(COMPONENT) : null;
        return code == null ? Optional.empty() : model.find(code.toString());
    }

    /** True when the card being dragged may move into {@code state}'s column. */
    boolean dropAllowed(Dragboard board, ComponentState state) {
        return dragged(board).map(c -> model.mayMove(c, state)).orElse(false);
    }

    private void render() {
        for (ComponentState s : MigrationRules.LIFECYCLE) {
            List<Component> in = model.column(s);
            cards.get(s).getChildren().setAll(in.stream().map(this::card).toList());
            counts.get(s).setText(i18n.get("migration.board.count", in.size()));
            counts.get(s).setAccessibleText(i18n.get("migration.board.columnCount", labels.state(s), in.size()));
        }
    }

    private Node card(Component c) {
        Label code = new Label(c.code());
        code.getStyleClass().add("migration-card-code");
        code.setMinWidth(0);
        MigrationLabels.Hosting hosting = MigrationLabels.Hosting.of(c.hostedAt(), root.siteKinds());
        Label where = new Label(hostingShort(hosting));
        where.setGraphic(Icons.of(hosting == MigrationLabels.Hosting.CLOUD_ONLY ? AppIcon.CLOUD : AppIcon.DATA_CENTRE));
        where.getStyleClass().addAll("migration-hosting", hosting.style());
        where.setWrapText(true);
        where.setTooltip(new Tooltip(labels.hosting(c.hostedAt(), root.siteKinds()) + ": " + String.join(", ", c.hostedAt())));
        Label name = new Label(c.name());
        name.setWrapText(true);
        name.getStyleClass().add("migration-card-name");
        String meta = (c.wave() == null ? i18n.get("migration.card.noWave") : i18n.get("migration.card.wave", c.wave()))
                + " · " + (c.owner() == null ? "" : c.owner());
        Label metaLabel = new Label(meta);
        metaLabel.setWrapText(true);
        metaLabel.getStyleClass().addAll("text-muted", "migration-card-meta");
        VBox card = new VBox(2, code, name, where, metaLabel);
        if (c.runbook() != null && c.runbook().total() > 0) {
            Label runbook = new Label(i18n.get("migration.card.runbook", c.runbook().done(), c.runbook().total()));
            runbook.getStyleClass().addAll("text-muted", "migration-card-meta");
            runbook.setWrapText(true);
            card.getChildren().add(runbook);
        }
        if (c.state() == ComponentState.BLOCKED || c.state() == ComponentState.ROLLED_BACK) {
            String reason = c.lastTransition() == null || c.lastTransition().reason() == null ? ""
                    : c.lastTransition().reason();
            Label why = new Label(reason.isEmpty() ? labels.state(c.state())
                    : i18n.get("migration.card.why", labels.state(c.state()), reason));
            why.setWrapText(true);
            why.setGraphic(Icons.of(AppIcon.WARNING));
            why.getStyleClass().add("migration-card-why");
            card.getChildren().add(why);
        }
        card.getStyleClass().addAll("migration-card", MigrationLabels.stateStyle(c.state()));
        card.setId("migration-card-" + c.code());
        card.setFocusTraversable(true);
        card.pseudoClassStateChanged(SELECTED, c.code().equals(selected));
        card.setAccessibleText(i18n.get("migration.card.accessible", c.code(), c.name(), labels.state(c.state()),
                labels.hosting(c.hostedAt(), root.siteKinds()), meta));
        card.setOnMouseClicked(e -> {
            card.requestFocus();
            choose(c.code());
        });
        card.setOnKeyPressed(e -> keys(e, c, card));
        card.setOnContextMenuRequested(e -> {
            menu(c).show(card, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        card.setOnDragDetected(e -> {
            if (!root.mayOperateProperty().get() || model.movingProperty().get()) {
                return;
            }
            Dragboard board = card.startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(COMPONENT, c.code());
            content.putString(c.code());
            board.setContent(content);
            board.setDragView(card.snapshot(null, null));
            highlightTargets(c);
            e.consume();
        });
        card.setOnDragDone(e -> clearTargets());
        return card;
    }

    private String hostingShort(MigrationLabels.Hosting h) {
        return switch (h) {
            case DATA_CENTRE_ONLY -> i18n.get("migration.hosting.short.dc");
            case HYBRID -> i18n.get("migration.hosting.short.hybrid");
            case CLOUD_ONLY -> i18n.get("migration.hosting.short.cloud");
            case NOWHERE -> i18n.get("migration.hosting.short.none");
        };
    }

    /** While a card is dragged, every column says whether it may take it (in its accessible text too). */
    private void highlightTargets(Component c) {
        for (Map.Entry<ComponentState, VBox> e : columns.entrySet()) {
            boolean ok = e.getKey() != c.state() && model.mayMove(c, e.getKey());
            e.getValue().getStyleClass().add(ok ? "drop-target" : "drop-closed");
            e.getValue().setAccessibleText(labels.state(e.getKey()) + ". " + (ok
                    ? i18n.get("migration.board.dropAllowed")
                    : i18n.get("migration.board.dropNotAllowed", labels.state(c.state()))));
        }
    }

    private void clearTargets() {
        columns.forEach((s, col) -> {
            col.getStyleClass().removeAll("drop-target", "drop-closed");
            col.setAccessibleText(labels.state(s));
        });
    }

    private void keys(KeyEvent e, Component c, Node card) {
        if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            choose(c.code());
            e.consume();
        } else if (e.getCode() == KeyCode.M || e.getCode() == KeyCode.CONTEXT_MENU
                || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
            menu(c).show(card, Side.BOTTOM, 0, 0);
            e.consume();
        }
    }

    /** The card's menu: the moves allowed from its state (disabled for a role that may not move), and links. */
    ContextMenu menu(Component c) {
        ContextMenu menu = new ContextMenu();
        menu.setId("migration-card-menu");
        MenuItem header = new MenuItem(i18n.get("migration.card.moveFrom", c.code(), labels.state(c.state())));
        header.setDisable(true);
        menu.getItems().add(header);
        List<ComponentState> allowed = model.allowedMoves(c);
        if (allowed.isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("migration.card.noMoves", labels.state(c.state())));
            none.setDisable(true);
            menu.getItems().add(none);
        }
        for (ComponentState to : allowed) {
            MenuItem item = new MenuItem(i18n.get("migration.card.moveTo", labels.state(to)));
            item.setId("migration-move-" + to.code());
            item.setGraphic(Icons.of(AppIcon.MOVE));
            item.setDisable(!model.mayMove(c, to));
            item.setOnAction(e -> requestMove.accept(c, to));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem open = new MenuItem(i18n.get("migration.card.open"));
        open.setOnAction(e -> choose(c.code()));
        MenuItem graph = new MenuItem(i18n.get("migration.card.showInGraph"));
        graph.setOnAction(e -> showInGraph.accept(c.code()));
        menu.getItems().addAll(open, graph);
        return menu;
    }

    private void choose(String code) {
        selected = code;
        cards.values().forEach(list -> list.getChildren().forEach(n ->
                n.pseudoClassStateChanged(SELECTED, n.getId() != null && n.getId().equals("migration-card-" + code))));
        select.accept(code);
    }

    /** Marks the card of {@code code} as selected (the detail shows it) and scrolls it into view. */
    void markSelected(String code) {
        selected = code;
        cards.values().forEach(list -> list.getChildren().forEach(n -> {
            boolean mine = n.getId() != null && n.getId().equals("migration-card-" + code);
            n.pseudoClassStateChanged(SELECTED, mine);
        }));
    }

}
