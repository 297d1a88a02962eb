package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.ComponentState;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ComponentTransition;
import io.spineconsole.domain.migration.RunbookPhase;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepStatus;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.Grids;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One component in full, beside the board or the graph: state in words, the moves it can make
 * (a menu: the keyboard path to every move), its facts and neighbours (each a link), its runbook
 * (steps an operator can move on, with evidence) and its history (who moved it, when and why).
 */
final class ComponentDetailView extends ScrollPane {
    private final ComponentDetailViewModel model;
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final VBox body = new VBox(10);
    private final VBox facts = new VBox(8);
    private final VBox runbook = new VBox(4);
    private final MenuButton move = new MenuButton();
    private final BiConsumer<Component, ComponentState> requestMove;
    private final Consumer<String> select;
    private final Consumer<String> showInGraph;

    ComponentDetailView(MigrationViewModel root, BiConsumer<Component, ComponentState> requestMove,
                        Consumer<String> select, Consumer<String> showInGraph, Runnable close) {
        this.root = root;
        this.model = root.detail();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.requestMove = requestMove;
        this.select = select;
        this.showInGraph = showInGraph;
        setId("migration-detail");
        getStyleClass().addAll("migration-detail", "edge-to-edge");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label title = new Label();
        title.setId("migration-detail-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.componentProperty().get() == null
                ? (model.codeProperty().get() == null ? "" : model.codeProperty().get())
                : model.componentProperty().get().code() + " · " + model.componentProperty().get().name(),
                model.componentProperty(), model.codeProperty()));
        Button closeButton = Icons.button(AppIcon.CLOSE, i18n.get("migration.detail.close"));
        closeButton.setId("migration-detail-close");
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, spacer, closeButton);
        head.setAlignment(Pos.TOP_LEFT);

        move.setId("migration-detail-move");
        move.setText(i18n.get("migration.detail.move"));
        move.setGraphic(Icons.of(AppIcon.MOVE));
        move.setAccessibleText(i18n.get("migration.detail.move"));

        Label stepError = new Label();
        stepError.getStyleClass().add("error-text");
        stepError.setWrapText(true);
        stepError.textProperty().bind(model.stepErrorProperty());
        stepError.visibleProperty().bind(model.stepErrorProperty().isNotEmpty());
        stepError.managedProperty().bind(stepError.visibleProperty());

        VBox history = MigrationUi.history(model.history(), model.historyHasMoreProperty(), model::loadMoreHistory,
                model.status(), labels, i18n.get("migration.history.empty"));
        history.setId("migration-detail-history");

        body.getChildren().addAll(head, MigrationUi.placeholder(model.status(), "", i18n), facts,
                MigrationUi.sectionTitle(i18n.get("migration.detail.runbook")), stepError, runbook,
                MigrationUi.sectionTitle(i18n.get("migration.detail.history")), history);
        body.setPadding(new Insets(12));
        setContent(body);

        model.componentProperty().addListener((o, a, c) -> renderFacts(c));
        model.runbook().addListener((ListChangeListener<RunbookStep>) c -> renderRunbook());
        root.mayOperateProperty().addListener((o, a, b) -> {
            renderFacts(model.componentProperty().get());
            renderRunbook();
        });
        root.board().movingProperty().addListener((o, a, b) -> renderFacts(model.componentProperty().get()));
    }

    private void renderFacts(Component c) {
        facts.getChildren().clear();
        if (c == null) {
            return;
        }
        Label state = MigrationUi.stateBadge(c.state(), labels);
        state.setId("migration-detail-state");
        move.getItems().clear();
        List<ComponentState> allowed = root.board().allowedMoves(c);
        for (ComponentState to : allowed) {
            MenuItem item = new MenuItem(i18n.get("migration.card.moveTo", labels.state(to)));
            item.setId("migration-detail-move-" + to.code());
            item.setOnAction(e -> requestMove.accept(c, to));
            item.setDisable(!root.board().mayMove(c, to));
            move.getItems().add(item);
        }
        move.setDisable(allowed.isEmpty() || !root.mayOperateProperty().get() || root.board().movingProperty().get());
        Label moveNote = MigrationUi.muted(!root.mayOperateProperty().get() ? i18n.get("migration.detail.roleCannotMove")
                : allowed.isEmpty() ? i18n.get("migration.card.noMoves", labels.state(c.state())) : "");
        moveNote.setVisible(!moveNote.getText().isEmpty());
        moveNote.setManaged(moveNote.isVisible());
        HBox stateRow = new HBox(10, state, move);
        stateRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getColumnConstraints().addAll(Grids.labelColumn(), Grids.growingColumn());
        int row = 0;
        row = fact(grid, row, i18n.get("migration.detail.wave"), text(c.wave() == null ? i18n.get("migration.card.noWave")
                : root.waves().stream().filter(w -> w.number() == c.wave()).findFirst().map(w -> w.name())
                .orElse(i18n.get("migration.card.wave", c.wave()))));
        row = fact(grid, row, i18n.get("migration.detail.owner"), text(c.owner()));
        row = fact(grid, row, i18n.get("migration.detail.hosting"), text(labels.hosting(c.hostedAt(), root.siteKinds())));
        row = fact(grid, row, i18n.get("migration.detail.hostedAt"), links(c.hostedAt(), code ->
                root.sites().select(code), true));
        row = fact(grid, row, i18n.get("migration.detail.dependsOn"), c.dependsOn().isEmpty()
                ? text(i18n.get("migration.detail.none")) : links(c.dependsOn(), select, false));
        row = fact(grid, row, i18n.get("migration.detail.neededBy"), c.dependents().isEmpty()
                ? text(i18n.get("migration.detail.none")) : links(c.dependents(), select, false));
        if (c.description() != null && !c.description().isBlank()) {
            row = fact(grid, row, i18n.get("migration.detail.description"), text(c.description()));
        }
        ComponentTransition last = c.lastTransition();
        if (last != null) {
            Node move = text(i18n.get("migration.detail.lastMoveText",
                    labels.state(last.from()), labels.state(last.to()), last.by(), labels.dateTimeZoned(last.at()),
                    last.reason() == null ? "" : last.reason()));
            // A training scenario's move (a component it blocked, or put back): said by the field, as a badge.
            fact(grid, row, i18n.get("migration.detail.lastMove"), last.injected() == null ? move
                    : new javafx.scene.layout.VBox(4, move, io.spineconsole.ui.common.InjectedBadge.of(
                            io.spineconsole.ui.common.InjectedBadge.words(i18n, last.injected()))));
        }
        Hyperlink graph = new Hyperlink(i18n.get("migration.card.showInGraph"));
        graph.setGraphic(Icons.of(AppIcon.GRAPH));
        graph.setOnAction(e -> showInGraph.accept(c.code()));
        Hyperlink copy = new Hyperlink(i18n.get("migration.detail.copyLink"));
        copy.setGraphic(Icons.of(AppIcon.LINK));
        copy.setOnAction(e -> ErrorRow.copyToClipboard(ConsoleLink.of("migration", "components/" + c.code()).toString()));
        facts.getChildren().addAll(stateRow, moveNote, grid, new HBox(8, graph, copy));
    }

    private static int fact(GridPane grid, int row, String name, Node value) {
        Label label = new Label(name);
        label.getStyleClass().add("form-label");
        grid.add(label, 0, row);
        grid.add(value, 1, row);
        return row + 1;
    }

    private static Label text(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setWrapText(true);
        return l;
    }

    /** One link a line, by code and name ("DC-NORTH · Data centre North"), wrapping rather than cut off. */
    private Node links(List<String> codes, Consumer<String> open, boolean sites) {
        VBox pane = new VBox(0);
        for (String code : codes) {
            Hyperlink link = new Hyperlink(sites ? root.siteNamed(code) : root.componentNamed(code));
            link.setWrapText(true);
            link.setMinHeight(Region.USE_PREF_SIZE);
            link.setOnAction(e -> open.accept(code));
            pane.getChildren().add(link);
        }
        return pane;
    }

    private void renderRunbook() {
        runbook.getChildren().clear();
        if (model.runbook().isEmpty()) {
            runbook.getChildren().add(MigrationUi.muted(i18n.get("migration.runbook.empty")));
            return;
        }
        RunbookPhase phase = null;
        for (RunbookStep step : model.runbook()) {
            if (step.phase() != phase) {
                phase = step.phase();
                Label p = new Label(labels.phase(phase));
                p.getStyleClass().add("migration-runbook-phase");
                runbook.getChildren().add(p);
            }
            runbook.getChildren().add(stepRow(step));
        }
    }

    private Node stepRow(RunbookStep step) {
        Label status = new Label(labels.stepStatus(step.status()));
        status.setGraphic(Icons.of(step.status() == RunbookStepStatus.DONE ? AppIcon.DONE : AppIcon.NOT_DONE));
        status.getStyleClass().addAll("migration-step-status", "step-" + step.status().code());
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label title = new Label(step.title() + (step.required() ? "" : " " + i18n.get("migration.runbook.optional")));
        title.setWrapText(true);
        title.setMinWidth(0);
        VBox text = new VBox(1, title);
        text.setMinWidth(0);
        String meta = (step.owner() == null ? "" : step.owner())
                + (step.evidence() == null ? "" : (step.owner() == null ? "" : " · ") + i18n.get("migration.runbook.evidence",
                step.evidence()));
        if (!meta.isBlank()) {
            text.getChildren().add(MigrationUi.muted(meta));
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        MenuButton set = new MenuButton(i18n.get("migration.runbook.set"));
        set.getStyleClass().add("flat");
        set.setMinWidth(Region.USE_PREF_SIZE);
        set.setAccessibleText(i18n.get("migration.runbook.setFor", step.title()));
        for (RunbookStepStatus s : RunbookStepStatus.values()) {
            if (s == step.status() || (s == RunbookStepStatus.SKIPPED && step.required())) {
                continue;
            }
            MenuItem item = new MenuItem(labels.stepStatus(s));
            item.setOnAction(e -> changeStep(step, s));
            set.getItems().add(item);
        }
        set.disableProperty().bind(root.mayOperateProperty().not().or(model.savingProperty()));
        HBox row = new HBox(8, status, text, set);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("migration-step");
        row.setAccessibleText(labels.stepStatus(step.status()) + ": " + step.title());
        return row;
    }

    /** Done needs its evidence: ask for it (a change record, a report) before saving. */
    private void changeStep(RunbookStep step, RunbookStepStatus status) {
        String evidence = null;
        if (status == RunbookStepStatus.DONE) {
            TextInputDialog ask = new TextInputDialog(step.evidence() == null ? "" : step.evidence());
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            ask.setTitle(i18n.get("migration.runbook.evidenceTitle"));
            ask.setHeaderText(i18n.get("migration.runbook.evidenceHeader", step.title()));
            ask.getEditor().setAccessibleText(i18n.get("migration.runbook.evidenceTitle"));
            ask.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).disableProperty()
                    .bind(ask.getEditor().textProperty().isEmpty());
            var answer = ask.showAndWait();
            if (answer.isEmpty() || answer.get().isBlank()) {
                return;
            }
            evidence = answer.get().strip();
        }
        model.setStepStatus(step, status, evidence);
    }
}
