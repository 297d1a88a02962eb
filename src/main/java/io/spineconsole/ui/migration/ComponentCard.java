package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.css.PseudoClass;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * One component on the board: code, name, where it runs, wave and owner, runbook progress, and for a
 * blocked or rolled-back one the reason. It moves by dragging, or from the keyboard with its menu
 * (the context-menu key, Shift+F10 or M), which offers the moves the programme's rules allow.
 */
final class ComponentCard extends VBox {
    /** What a dragged card carries: the component's code. */
    static final DataFormat COMPONENT = new DataFormat("application/x-spine-console-component");
    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    /** What a card asks of the board around it. */
    interface Actions {
        /** The user chose the card: its detail opens. */
        void choose(String code);

        /** Asks for the reason and moves (the workspace owns the dialog). */
        void requestMove(Component c, ComponentState to);

        void showInGraph(String code);

        /** The card is being dragged: the columns say whether they take it. */
        void dragStarted(Component c);

        void dragEnded();
    }

    private final Component component;
    private final BoardViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Actions actions;

    ComponentCard(Component c, MigrationViewModel root, boolean selected, Actions actions) {
        super(2);
        this.component = c;
        this.model = root.board();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.actions = actions;

        Label code = new Label(c.code());
        code.getStyleClass().add("migration-card-code");
        code.setMinWidth(0);
        MigrationLabels.Hosting hosting = MigrationLabels.Hosting.of(c.hostedAt(), root.siteKinds());
        Label where = new Label(labels.hostingShort(hosting));
        where.setGraphic(Icons.of(hosting == MigrationLabels.Hosting.CLOUD_ONLY ? AppIcon.CLOUD : AppIcon.DATA_CENTRE));
        where.getStyleClass().addAll("migration-hosting", hosting.style());
        where.setWrapText(true);
        where.setTooltip(new Tooltip(labels.hosting(c.hostedAt(), root.siteKinds()) + ": " + String.join(", ", c.hostedAt())));
        Label name = new Label(c.name());
        name.setWrapText(true);
        name.getStyleClass().add("migration-card-name");
        String meta = (c.wave() == null ? i18n.get("migration.card.noWave") : i18n.get("migration.card.wave", c.wave()))
                + " · " + (c.owner() == null ? "" : c.owner());
        getChildren().addAll(code, name, where, muted(meta));
        if (c.runbook() != null && c.runbook().total() > 0) {
            getChildren().add(muted(i18n.get("migration.card.runbook", c.runbook().done(), c.runbook().total())));
        }
        if (c.state() == ComponentState.BLOCKED || c.state() == ComponentState.ROLLED_BACK) {
            String injected = c.lastTransition() == null ? null : c.lastTransition().injected();
            // A training scenario's block: the badge says whose, in place of the reason it wrote.
            String reason = injected != null || c.lastTransition() == null || c.lastTransition().reason() == null ? ""
                    : c.lastTransition().reason();
            Label why = new Label(reason.isEmpty() ? labels.state(c.state())
                    : i18n.get("migration.card.why", labels.state(c.state()), reason));
            why.setWrapText(true);
            why.setGraphic(Icons.of(AppIcon.WARNING));
            why.getStyleClass().add("migration-card-why");
            getChildren().add(why);
            if (injected != null) {
                Label badge = io.spineconsole.ui.common.InjectedBadge.of(
                        io.spineconsole.ui.common.InjectedBadge.words(i18n, injected));
                badge.setWrapText(true);  // a card is narrow: the badge wraps rather than widen it
                badge.setMinWidth(Label.USE_COMPUTED_SIZE);
                badge.setMinHeight(Label.USE_PREF_SIZE);
                getChildren().add(badge);
            }
        }
        getStyleClass().addAll("migration-card", MigrationLabels.stateStyle(c.state()));
        setId(idOf(c.code()));
        setFocusTraversable(true);
        pseudoClassStateChanged(SELECTED, selected);
        setAccessibleText(i18n.get("migration.card.accessible", c.code(), c.name(), labels.state(c.state()),
                labels.hosting(c.hostedAt(), root.siteKinds()), meta));

        setOnMouseClicked(e -> {
            requestFocus();
            actions.choose(c.code());
        });
        setOnKeyPressed(this::keys);
        setOnContextMenuRequested(e -> {
            menu().show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        setOnDragDetected(e -> {
            if (!root.mayOperateProperty().get() || model.movingProperty().get()) {
                return;
            }
            Dragboard board = startDragAndDrop(TransferMode.MOVE);
            ClipboardContent content = new ClipboardContent();
            content.put(COMPONENT, c.code());
            content.putString(c.code());
            board.setContent(content);
            board.setDragView(snapshot(null, null));
            actions.dragStarted(c);
            e.consume();
        });
        setOnDragDone(e -> actions.dragEnded());
    }

    /** The node id of the card of {@code code}. */
    static String idOf(String code) {
        return "migration-card-" + code;
    }

    private static Label muted(String text) {
        Label label = MigrationUi.muted(text);
        label.getStyleClass().add("migration-card-meta");
        return label;
    }

    private void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
            actions.choose(component.code());
            e.consume();
        } else if (e.getCode() == KeyCode.M || e.getCode() == KeyCode.CONTEXT_MENU
                || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
            menu().show(this, Side.BOTTOM, 0, 0);
            e.consume();
        }
    }

    /** The card's menu: the moves allowed from its state (disabled for a role that may not move), and links. */
    ContextMenu menu() {
        Component c = component;
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
            item.setOnAction(e -> actions.requestMove(c, to));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem open = new MenuItem(i18n.get("migration.card.open"));
        open.setOnAction(e -> actions.choose(c.code()));
        MenuItem graph = new MenuItem(i18n.get("migration.card.showInGraph"));
        graph.setOnAction(e -> actions.showInGraph(c.code()));
        menu.getItems().addAll(open, graph);
        return menu;
    }
}
