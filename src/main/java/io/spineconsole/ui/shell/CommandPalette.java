package io.spineconsole.ui.shell;

import io.spineconsole.ui.common.I18n;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;

/**
 * Ctrl+K: an overlay that finds actions by typing. Enter runs the highlighted one; Escape or a
 * click outside closes it.
 */
final class CommandPalette extends StackPane {
    private final TextField query = new TextField();
    private final ListView<Command> list = new ListView<>();
    private final Supplier<List<Command>> commands;
    private final ObservableList<Command> available = FXCollections.observableArrayList();

    CommandPalette(Supplier<List<Command>> commands, I18n i18n) {
        this.commands = commands;
        getStyleClass().add("command-palette-scrim");
        setVisible(false);
        setAlignment(Pos.TOP_CENTER);

        query.setPromptText(i18n.get("palette.prompt"));
        query.setId("command-palette-query");
        query.setAccessibleText(i18n.get("palette.prompt"));
        list.setId("command-palette-list");
        FilteredList<Command> filtered = new FilteredList<>(available);
        list.setItems(filtered);
        query.textProperty().addListener((o, a, text) -> {
            filtered.setPredicate(c -> c.matches(text));
            list.getSelectionModel().selectFirst();
        });
        list.setPrefHeight(280);
        list.setPlaceholder(new Label(i18n.get("palette.noMatch")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Command item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label title = new Label(item.title());
                Label key = new Label(item.shortcut());
                key.getStyleClass().add("shortcut");
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                setGraphic(new HBox(8, title, spacer, key));
                setText(null);
            }
        });
        VBox card = new VBox(6, query, list);
        card.getStyleClass().add("command-palette");
        card.setMaxWidth(520);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        getChildren().add(card);

        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close();
            }
        });
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            } else if (e.getCode() == KeyCode.ENTER) {
                runSelected();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                runSelected();
            }
        });
    }

    void open() {
        available.setAll(commands.get());
        query.clear();
        list.getSelectionModel().selectFirst();
        setVisible(true);
        query.requestFocus();
    }

    void close() {
        setVisible(false);
    }

    private void runSelected() {
        Command selected = list.getSelectionModel().getSelectedItem();
        close();
        if (selected != null) {
            selected.action().run();
        }
    }
}
