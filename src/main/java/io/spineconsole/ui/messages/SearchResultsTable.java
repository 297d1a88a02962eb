package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

import java.util.function.Consumer;

/**
 * The search's results, virtualised and fed page by page as it is scrolled: a row opens its message
 * (double-click or Enter), and its menu copies its id or link or shows its whole conversation.
 */
final class SearchResultsTable extends TableView<MessageSummary> {

    SearchResultsTable(MessageFlowViewModel root, Consumer<String> copy) {
        SearchViewModel model = root.search();
        MessageText text = root.text();
        I18n i18n = text.i18n();
        setId("messages-results");
        setItems(model.results().items());
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Views.dense(this);
        MessageColumns.install(this, ReadOnlyObjectWrapper::new, text, model::window, false);
        MessageColumns.rows(this, m -> m, m -> root.openMessage(m.messageId()), model::loadMore);
        setPlaceholder(new Placeholder(model.results().status(), i18n.get("messages.search.empty"), i18n));
        setAccessibleText(i18n.get("messages.search.tableLabel"));

        MenuItem open = new MenuItem(i18n.get("messages.action.open"), Icons.of(AppIcon.OPEN));
        open.setOnAction(e -> selectedOne(m -> root.openMessage(m.messageId())));
        MenuItem copyId = new MenuItem(i18n.get("messages.action.copyId"), Icons.of(AppIcon.COPY));
        copyId.setOnAction(e -> selectedOne(m -> copy.accept(m.displayId())));
        MenuItem copyLink = new MenuItem(i18n.get("messages.action.copyLink"), Icons.of(AppIcon.LINK));
        copyLink.setOnAction(e -> selectedOne(m -> copy.accept(
                ConsoleLink.of("messages", "message/" + m.displayId()).toString())));
        MenuItem copyTime = new MenuItem(i18n.get("messages.action.copyTime"), Icons.of(AppIcon.COPY));
        copyTime.setOnAction(e -> selectedOne(m -> copy.accept(text.times().iso(m.receivedAt()))));
        MenuItem conversation = new MenuItem(i18n.get("messages.action.conversation"));
        conversation.setOnAction(e -> selectedOne(m -> model.searchConversationOf(m.conversationId())));
        setContextMenu(new ContextMenu(open, copyId, copyLink, copyTime, conversation));
        setOnKeyReleased(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                selectedOne(m -> copy.accept(m.displayId()));
            }
        });
    }

    private void selectedOne(Consumer<MessageSummary> action) {
        MessageSummary m = getSelectionModel().getSelectedItem();
        if (m != null) {
            action.accept(m);
        }
    }
}
