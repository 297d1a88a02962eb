package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The search tab: the find box with the saved searches, the {@linkplain SearchFilterBar filters}
 * (a change searches again once typing pauses), {@linkplain SearchPlanLine what the search will cost},
 * the {@linkplain SearchStatusLine count and progress}
 * with the {@linkplain SearchActions actions}, and the {@linkplain SearchResultsTable results}.
 */
final class SearchView extends VBox {
    private final SearchViewModel model;
    private final I18n i18n;
    private final MenuButton savedMenu;
    private final SearchStatusLine status;

    /** What the pane asks of the workspace (dialogs that need the window, the clipboard). */
    interface Actions {
        void copyLink(String link);

        void export();

        void redeliverSelected(List<MessageSummary> selected);

        void redeliverAllMatching();

        String askName(String title, String header);
    }

    SearchView(MessageFlowViewModel root, Actions actions) {
        super(8);
        this.model = root.search();
        this.i18n = root.text().i18n();
        setId("messages-search");
        getStyleClass().add("messages-search");
        setPadding(new Insets(10, 12, 8, 12));

        QuickFind quickFind = model.quickFind();
        TextField find = new TextField();
        find.setId("messages-find");
        find.setPromptText(i18n.get("messages.find.prompt"));
        find.setAccessibleText(i18n.get("messages.find.label"));
        find.textProperty().bindBidirectional(quickFind.textProperty());
        find.textProperty().addListener((o, a, b) -> quickFind.changed());
        find.setOnAction(e -> quickFind.submit());
        HBox.setHgrow(find, Priority.ALWAYS);
        Label findIcon = new Label(null, Icons.of(AppIcon.SEARCH));
        findIcon.setLabelFor(find);
        Button search = Views.button(i18n.get("messages.search.run"), null);
        search.setId("messages-search-run");
        search.getStyleClass().add("accent");
        search.setDefaultButton(false);
        search.setOnAction(e -> model.runRequested());
        Button clear = Views.button(i18n.get("messages.search.clear"), AppIcon.CLEAR);
        clear.setId("messages-search-clear");
        clear.setOnAction(e -> {
            model.clearFilters();
            model.search();
        });
        savedMenu = new MenuButton(i18n.get("messages.saved.menu"), Icons.of(AppIcon.SAVED));
        savedMenu.setId("messages-saved");
        model.saved().list().addListener((ListChangeListener<SavedSearches.SavedSearch>) c -> rebuildSaved());
        rebuildSaved();
        HBox findBar = new HBox(8, findIcon, find, search, clear, savedMenu);
        findBar.setAlignment(Pos.CENTER_LEFT);
        Label findProblem = Views.bound(quickFind.problemProperty(), "field-error");

        SearchResultsTable table = new SearchResultsTable(root, actions::copyLink);
        status = new SearchStatusLine(root, new SearchActions(root, table.getSelectionModel().getSelectedItems(), actions));
        getChildren().addAll(findBar, findProblem, new SearchFilterBar(model, root.text()), new SearchPlanLine(model, i18n),
                status, table);
        VBox.setVgrow(table, Priority.ALWAYS);
    }

    private void rebuildSaved() {
        SavedSearches saved = model.saved();
        savedMenu.getItems().clear();
        if (saved.list().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("messages.saved.none"));
            none.setDisable(true);
            savedMenu.getItems().add(none);
            return;
        }
        for (SavedSearches.SavedSearch s : saved.list()) {
            MenuItem item = new MenuItem(s.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> saved.open(s));
            savedMenu.getItems().add(item);
        }
        savedMenu.getItems().add(new SeparatorMenuItem());
        Menu delete = new Menu(i18n.get("messages.saved.delete"));
        for (SavedSearches.SavedSearch s : saved.list()) {
            MenuItem item = new MenuItem(s.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> saved.delete(s));
            delete.getItems().add(item);
        }
        savedMenu.getItems().add(delete);
    }

    void dispose() {
        status.dispose();
    }
}
