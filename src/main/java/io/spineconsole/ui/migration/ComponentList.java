package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.MigrationRules;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TextCells;
import io.spineconsole.ui.common.TimeText;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.util.Callback;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The board as a list, for a programme with many components: one row each, sortable by any column
 * (state in lifecycle order, runbook by share done, last update by time), the same filters as the
 * cards. Enter or a double-click opens the component's details, where it moves.
 */
final class ComponentList extends TableView<Component> {
    private final MigrationLabels labels;
    private final I18n i18n;

    ComponentList(MigrationViewModel root, Consumer<String> select) {
        this.labels = root.labels();
        this.i18n = labels.i18n();
        TimeText time = labels.time();
        setId("migration-component-list");
        getStyleClass().addAll("dense", "striped");
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        SortedList<Component> sorted = new SortedList<>(root.board().components());
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);

        TableColumn<Component, String> code = text(i18n.get("migration.list.code"), Component::code, 110);
        TableColumn<Component, ComponentState> state = new TableColumn<>(i18n.get("migration.list.state"));
        state.setId("migration-list-state");
        state.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().state()));
        state.setComparator(Comparator.comparingInt(s -> MigrationRules.LIFECYCLE.indexOf(s)));
        state.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ComponentState s, boolean empty) {
                super.updateItem(s, empty);
                setText(null);
                setGraphic(empty || s == null ? null : MigrationUi.stateBadge(s, labels));
            }
        });
        state.setPrefWidth(160);
        state.setMinWidth(160);
        TableColumn<Component, Double> runbook = new TableColumn<>(i18n.get("migration.list.runbook"));
        runbook.setCellValueFactory(c -> new SimpleObjectProperty<>(share(c.getValue())));
        runbook.setCellFactory(worded((c, share) -> c.runbook() == null ? null
                : i18n.get("migration.list.runbookDone", c.runbook().done(), c.runbook().total())));
        runbook.setPrefWidth(120);
        runbook.setMinWidth(110);
        TableColumn<Component, Instant> updated = new TableColumn<>();
        updated.setId("migration-list-updated");
        MigrationUi.zonedColumn(this, updated, time, i18n.get("migration.list.updated"));
        updated.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().updatedAt()));
        updated.setCellFactory(worded((c, at) -> at == null ? null
                : i18n.get("migration.list.when", time.dateTime(at), time.relative(at))));
        updated.setPrefWidth(250);
        updated.setMinWidth(240);
        getColumns().addAll(List.of(code,
                TextCells.wrapping(text(i18n.get("migration.list.name"), Component::name, 220)),
                state,
                text(i18n.get("migration.list.hosting"), c -> labels.hostingShort(
                        MigrationLabels.Hosting.of(c.hostedAt(), root.siteKinds())) + " \u00b7 " + String.join(", ", c.hostedAt()), 180),
                text(i18n.get("migration.list.wave"), c -> c.wave() == null ? i18n.get("migration.card.noWave")
                        : i18n.get("migration.card.wave", c.wave()), 90),
                text(i18n.get("migration.list.owner"), c -> c.owner() == null ? "" : c.owner(), 150),
                runbook, updated));
        getSortOrder().add(code);
        setPlaceholder(MigrationUi.muted(i18n.get("migration.board.empty")));

        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open(select);
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(select);
                e.consume();
            }
        });
    }

    private void open(Consumer<String> select) {
        Component c = getSelectionModel().getSelectedItem();
        if (c != null) {
            select.accept(c.code());
        }
    }

    private static Double share(Component c) {
        return c.runbook() == null || c.runbook().total() == 0 ? 0.0 : (double) c.runbook().done() / c.runbook().total();
    }

    private static TableColumn<Component, String> text(String title, Function<Component, String> value, double width) {
        TableColumn<Component, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        column.setCellFactory(TextCells.withTooltip());
        column.setPrefWidth(width);
        column.setMinWidth(Math.min(width, 90));
        return column;
    }

    /** Cells that word a typed value (sorted by the value), and show all their words on hover. */
    private static <T> Callback<TableColumn<Component, T>, TableCell<Component, T>> worded(
            BiFunction<Component, T, String> words) {
        return column -> new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(T value, boolean empty) {
                super.updateItem(value, empty);
                Component c = empty || getTableRow() == null ? null : getTableRow().getItem();
                String text = c == null ? null : words.apply(c, value);
                setText(text);
                tip.setText(text == null ? "" : text);
                setTooltip(text == null || text.isEmpty() ? null : tip);
            }
        };
    }
}
