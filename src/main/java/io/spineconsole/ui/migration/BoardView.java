package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The board: the filters ({@link BoardFilterBar}), a refused move's reason and blockers
 * ({@link RefusalBanner}), the last move's outcome, the load's placeholder, and below them a column
 * per state with a card per component ({@link BoardLanes}, {@link ComponentCard}).
 */
final class BoardView extends BorderPane {
    private final BoardLanes lanes;

    /**
     * @param requestMove asks for the reason and moves (the workspace owns the dialog)
     * @param select      opens a component's detail
     * @param showInGraph shows a component's blocking chain in the dependency graph
     */
    BoardView(MigrationViewModel root, BiConsumer<Component, ComponentState> requestMove, Consumer<String> select,
              Consumer<String> showInGraph) {
        BoardViewModel model = root.board();
        I18n i18n = root.labels().i18n();
        getStyleClass().add("migration-board");
        setId("migration-board");

        BoardFilterBar filters = new BoardFilterBar(root);
        filters.getChildren().add(0, layoutSwitch(model, i18n));
        VBox top = new VBox(6, filters,
                new RefusalBanner(model, root.labels(), root::componentNamed, select, showInGraph),
                MigrationUi.outcomeRow(model.outcomeProperty(), model::dismissOutcome, i18n),
                MigrationUi.placeholder(model.status(), i18n.get("migration.board.empty"), i18n));
        top.getStyleClass().add("migration-board-top");
        setTop(top);
        lanes = new BoardLanes(root, requestMove, select, showInGraph);
        ComponentList list = new ComponentList(root, select);
        Runnable place = () -> setCenter(model.asListProperty().get() ? list : lanes);
        model.asListProperty().addListener((o, a, b) -> place.run());
        place.run();
    }

    /** Cards by state, or a sortable list for many components: two toggles, one always chosen. */
    private static Node layoutSwitch(BoardViewModel model, I18n i18n) {
        ToggleGroup group = new ToggleGroup();
        ToggleButton cards = new ToggleButton(i18n.get("migration.board.layoutCards"), Icons.of(AppIcon.BOARD_COLUMNS));
        cards.setId("migration-layout-cards");
        ToggleButton list = new ToggleButton(i18n.get("migration.board.layoutList"), Icons.of(AppIcon.BOARD_LIST));
        list.setId("migration-layout-list");
        for (ToggleButton b : List.of(cards, list)) {
            b.setToggleGroup(group);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        (model.asListProperty().get() ? list : cards).setSelected(true);
        group.selectedToggleProperty().addListener((o, a, t) -> {
            if (t == null) {
                a.setSelected(true);
            } else {
                model.asListProperty().set(t == list);
            }
        });
        model.asListProperty().addListener((o, a, b) -> (b ? list : cards).setSelected(true));
        HBox box = new HBox(cards, list);
        box.getStyleClass().add("segmented");
        box.setMinWidth(Region.USE_PREF_SIZE);
        return box;
    }

    /** Marks the card of {@code code} as selected (the detail shows it). */
    void markSelected(String code) {
        lanes.markSelected(code);
    }
}
