package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * What can be done with a search: copy its link, save it under a name, export what it matched
 * (operators), and redeliver the rows chosen or everything it matched as a job (operators).
 */
final class SearchActions extends HBox {

    SearchActions(MessageFlowViewModel root, ObservableList<MessageSummary> selection, SearchView.Actions actions) {
        super(8);
        SearchViewModel model = root.search();
        I18n i18n = root.text().i18n();
        Button copyLink = Views.button(i18n.get("messages.search.copyLink"), AppIcon.LINK);
        copyLink.setId("messages-search-copy-link");
        copyLink.setOnAction(e -> actions.copyLink(model.toLink().toString()));
        Button save = Views.button(i18n.get("messages.saved.save"), AppIcon.SAVE);
        save.setId("messages-search-save");
        save.setOnAction(e -> {
            String name = actions.askName(i18n.get("messages.saved.saveTitle"), i18n.get("messages.saved.saveHeader"));
            if (name != null) {
                model.saved().saveAs(name);
            }
        });
        Button export = Views.button(i18n.get("messages.export.button"), AppIcon.EXPORT);
        export.setId("messages-search-export");
        export.disableProperty().bind(root.export().mayExportProperty().not()
                .or(model.lastSearchProperty().isNull()).or(root.export().runningProperty()));
        export.setOnAction(e -> actions.export());

        MenuButton redeliver = new MenuButton(i18n.get("messages.redeliver.menu"), Icons.of(AppIcon.REDELIVER));
        redeliver.setId("messages-search-redeliver");
        MenuItem selected = new MenuItem();
        selected.setId("messages-redeliver-selected");
        selected.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("messages.redeliver.selected",
                selection.size()), selection));
        selected.disableProperty().bind(Bindings.isEmpty(selection));
        selected.setOnAction(e -> actions.redeliverSelected(List.copyOf(selection)));
        MenuItem all = new MenuItem(i18n.get("messages.redeliver.allMatching"));
        all.setId("messages-redeliver-all");
        all.setOnAction(e -> actions.redeliverAllMatching());
        all.disableProperty().bind(model.lastSearchProperty().isNull());
        redeliver.getItems().addAll(selected, all);
        redeliver.disableProperty().bind(root.jobs().mayRunProperty().not());

        getChildren().addAll(copyLink, save, export, redeliver);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(Region.USE_PREF_SIZE);
    }
}
