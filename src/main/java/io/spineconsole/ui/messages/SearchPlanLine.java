package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Under the filters: what the search as typed will cost, in one muted line, and, while a costly search
 * waits, the warning (an icon and words, never colour alone) with "Run anyway". The filters stay as
 * typed; narrowing the window re-plans and searches by itself.
 */
final class SearchPlanLine extends VBox {
    SearchPlanLine(SearchViewModel model, I18n i18n) {
        super(4);
        SearchPlanHint plan = model.plan();
        Label hint = Views.bound(plan.hintProperty(), "text-muted", "search-plan-hint");
        hint.setId("messages-plan-hint");
        hint.setGraphic(Icons.of(AppIcon.ABOUT));
        hint.setAccessibleText(i18n.get("messages.plan.label"));
        hint.accessibleTextProperty().bind(plan.hintProperty().map(h -> i18n.get("messages.plan.label") + ": " + h));
        hint.setMinHeight(Region.USE_PREF_SIZE);

        Label warning = Views.bound(plan.warningProperty(), "search-plan-warning");
        warning.setId("messages-plan-warning");
        warning.setGraphic(Icons.of(AppIcon.WARNING));
        warning.setWrapText(true);
        warning.setMinWidth(0);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        Button runAnyway = Views.button(i18n.get("messages.plan.runAnyway"), null);
        runAnyway.setId("messages-plan-run-anyway");
        runAnyway.getStyleClass().add("small");
        runAnyway.setMinWidth(Region.USE_PREF_SIZE);
        runAnyway.setOnAction(e -> model.runAnyway());
        HBox held = new HBox(8, warning, runAnyway);
        held.setAlignment(Pos.CENTER_LEFT);
        held.setId("messages-plan-held");
        held.getStyleClass().add("search-plan-held");
        held.visibleProperty().bind(plan.holdingProperty());
        held.managedProperty().bind(held.visibleProperty());

        getChildren().addAll(hint, held);
    }
}
