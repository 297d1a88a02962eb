package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.ui.common.I18n;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

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

        VBox top = new VBox(6, new BoardFilterBar(root),
                new RefusalBanner(model, root.labels(), select, showInGraph),
                MigrationUi.outcomeRow(model.outcomeProperty(), model::dismissOutcome, i18n),
                MigrationUi.placeholder(model.status(), i18n.get("migration.board.empty"), i18n));
        top.getStyleClass().add("migration-board-top");
        setTop(top);
        lanes = new BoardLanes(root, requestMove, select, showInGraph);
        setCenter(lanes);
    }

    /** Marks the card of {@code code} as selected (the detail shows it). */
    void markSelected(String code) {
        lanes.markSelected(code);
    }
}
