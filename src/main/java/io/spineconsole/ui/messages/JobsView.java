package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.domain.messages.RedeliveryProgress;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Cells;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Redelivery jobs: the list, and the chosen job's progress (followed every second while it runs),
 * what it did with each message (each linked to the original and its copy), and cancel.
 */
final class JobsView extends VBox {
    static final Duration POLL_EVERY = Duration.seconds(1);
    private final TableView<RedeliveryJob> jobsTable = new TableView<>();
    private final TableView<RedeliveryJobItem> itemsTable = new TableView<>();
    private final Timeline poll;

    JobsView(MessageFlowViewModel root, Supplier<String> askCancelReason, Function<RedeliveryJob, String> askRunReason) {
        super(8);
        JobsViewModel model = root.jobs();
        MessageText text = root.text();
        I18n i18n = text.i18n();
        setId("messages-jobs");
        setPadding(new Insets(10, 12, 8, 12));

        Button refresh = Views.button(i18n.get("messages.failures.refresh"), AppIcon.REFRESH);
        refresh.setOnAction(e -> model.load());
        Label intro = Views.label(i18n.get("messages.jobs.intro"), "text-muted");
        intro.setWrapText(true);
        HBox bar = new HBox(8, refresh, intro);
        bar.setAlignment(Pos.CENTER_LEFT);

        jobsTable.setId("messages-jobs-table");
        jobsTable.setItems(model.jobs().items());
        Views.dense(jobsTable);
        TableColumn<RedeliveryJob, String> createdCol = col(i18n.get("messages.jobs.created"), 130, j -> text.time(j.createdAt()));
        MessageColumns.zoned(jobsTable, createdCol, i18n.get("messages.jobs.created"), text);
        jobsTable.getColumns().setAll(List.of(
                createdCol,
                col(i18n.get("messages.jobs.state"), 100, j -> text.jobState(j.progress().state())),
                col(i18n.get("messages.jobs.kind"), 90, j -> j.dryRun() ? i18n.get("messages.jobs.dryRun")
                        : i18n.get("messages.jobs.real")),
                progressCol(i18n.get("messages.jobs.progress"), text),
                col(i18n.get("messages.jobs.by"), 150, RedeliveryJob::createdBy),
                col(i18n.get("messages.jobs.reason"), 300, RedeliveryJob::reason)));
        jobsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Views.fixedWidths(jobsTable);
        jobsTable.getColumns().forEach(c -> c.setSortable(false));
        jobsTable.getSelectionModel().selectedItemProperty().addListener((o, a, j) -> {
            if (j != null && (model.selectedProperty().get() == null || !model.selectedProperty().get().id().equals(j.id()))) {
                model.select(j);
            }
        });
        model.selectedProperty().addListener((o, a, j) -> {
            if (j != null && jobsTable.getSelectionModel().getSelectedItem() != j) {
                int i = jobsTable.getItems().indexOf(j);
                if (i >= 0) {
                    jobsTable.getSelectionModel().select(i);
                }
            }
        });
        jobsTable.setPlaceholder(new Placeholder(model.jobs().status(), i18n.get("messages.jobs.empty"), i18n));
        jobsTable.setAccessibleText(i18n.get("messages.jobs.tableLabel"));

        // The chosen job.
        Label summary = new Label();
        summary.setId("messages-job-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // two lines rather than cut short
        summary.textProperty().bind(Bindings.createStringBinding(() -> describe(model.selectedProperty().get(), text),
                model.selectedProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("messages-job-progress");
        progress.setPrefWidth(260);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            RedeliveryJob j = model.selectedProperty().get();
            if (j == null) {
                return 0.0;
            }
            RedeliveryProgress p = j.progress();
            if (p.state() == io.spineconsole.domain.messages.JobState.QUEUED) {
                return -1.0;
            }
            return p.total() == 0 ? 1.0 : (double) p.done() / p.total();
        }, model.selectedProperty()));
        progress.setAccessibleText(i18n.get("messages.jobs.progress"));
        Label counts = new Label();
        counts.setId("messages-job-counts");
        counts.textProperty().bind(Bindings.createStringBinding(() -> {
            RedeliveryJob j = model.selectedProperty().get();
            if (j == null) {
                return "";
            }
            RedeliveryProgress p = j.progress();
            String line = i18n.get("messages.jobs.counts", text.jobState(p.state()), text.count(p.done()),
                    text.count(p.total()), text.count(p.failed()), text.count(p.skipped()));
            return p.alreadyRedelivered() == 0 ? line
                    : line + " " + i18n.get("messages.jobs.countsAlready", text.count(p.alreadyRedelivered()));
        }, model.selectedProperty()));
        Button cancel = Views.button(i18n.get("messages.jobs.cancel"), AppIcon.CANCEL);
        cancel.setId("messages-job-cancel");
        cancel.getStyleClass().add("danger");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            RedeliveryJob j = model.selectedProperty().get();
            return j == null || j.progress().state().isTerminal() || !model.mayRunProperty().get() || model.busyProperty().get();
        }, model.selectedProperty(), model.mayRunProperty(), model.busyProperty()));
        cancel.setOnAction(e -> {
            String reason = askCancelReason.get();
            if (reason != null) {
                model.cancel(reason);
            }
        });
        // A finished dry run: run the same selection for real, once.
        Button runForReal = Views.button(i18n.get("messages.jobs.runForReal"), AppIcon.REDELIVER);
        runForReal.setId("messages-job-run-for-real");
        runForReal.getStyleClass().add("accent");
        runForReal.visibleProperty().bind(Bindings.createBooleanBinding(() -> {
            RedeliveryJob j = model.selectedProperty().get();
            return j != null && j.dryRun() && model.mayRunProperty().get();
        }, model.selectedProperty(), model.mayRunProperty()));
        runForReal.managedProperty().bind(runForReal.visibleProperty());
        runForReal.disableProperty().bind(Bindings.createBooleanBinding(() -> !model.canRunSelectedForReal(),
                model.selectedProperty(), model.mayRunProperty(), model.busyProperty()));
        runForReal.setOnAction(e -> {
            RedeliveryJob dry = model.selectedProperty().get();
            String reason = dry == null ? null : askRunReason.apply(dry);
            if (reason != null) {
                model.runForReal(reason, j -> { });
            }
        });
        HBox progressRow = new HBox(12, progress, counts, Views.grow(), runForReal, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        ComboBox<RedeliveryItemOutcome> outcome = new ComboBox<>();
        outcome.setId("messages-job-outcome");
        outcome.getItems().add(null);
        outcome.getItems().addAll(RedeliveryItemOutcome.values());
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        outcome.setCellFactory(l -> outcomeCell(text));
        outcome.setButtonCell(outcomeCell(text));
        outcome.setAccessibleText(i18n.get("messages.jobs.outcome"));
        outcome.valueProperty().addListener((o, a, b) -> model.loadItems());
        Label outcomeLabel = new Label(i18n.get("messages.jobs.outcome"));
        outcomeLabel.setLabelFor(outcome);
        Views.noShrink(outcomeLabel, outcome);
        HBox itemsBar = new HBox(8, outcomeLabel, outcome);
        itemsBar.setAlignment(Pos.CENTER_LEFT);

        itemsTable.setId("messages-job-items");
        itemsTable.setItems(model.items().items());
        Views.dense(itemsTable);
        // Which message each item is, as the message list shows it (interaction, From and To by name); the
        // ids are secondary: in the tooltip, the row's menu (and Ctrl+C), and columns the table's menu shows.
        TableColumn<RedeliveryJobItem, String> originalId = Cells.text(i18n.get("messages.column.messageId"), 315,
                i -> id(i.originalMessageId()));
        TableColumn<RedeliveryJobItem, String> copyId = Cells.text(i18n.get("messages.jobs.copy"), 315,
                i -> id(i.newMessageId()));
        // The outcome and its time are short and always read whole: they keep their width, the rest share.
        TableColumn<RedeliveryJobItem, String> outcomeCol = Cells.text(i18n.get("messages.jobs.outcome"), 140,
                i -> text.outcome(i.outcome()));
        TableColumn<RedeliveryJobItem, String> atCol = Cells.text(i18n.get("messages.jobs.at"), 100, i -> text.time(i.at()));
        MessageColumns.zoned(itemsTable, atCol, i18n.get("messages.jobs.at"), text);
        outcomeCol.setMinWidth(outcomeCol.getPrefWidth());
        atCol.setMinWidth(atCol.getPrefWidth());
        originalId.setVisible(false);
        copyId.setVisible(false);
        itemsTable.getColumns().setAll(List.of(
                Cells.text(i18n.get("messages.jobs.message"), 340, i -> itemMessage(i, text),
                        i -> i18n.get("messages.jobs.messageTip", itemMessage(i, text), id(i.originalMessageId()))),
                Cells.text(i18n.get("messages.column.from"), 300, i -> MessageColumns.party(i.from(), i18n),
                        i -> MessageColumns.partyDetail(text, i.from())),
                Cells.text(i18n.get("messages.column.to"), 280, i -> MessageColumns.party(i.to(), i18n),
                        i -> MessageColumns.partyDetail(text, i.to())),
                outcomeCol, atCol, originalId, copyId,
                Cells.text(i18n.get("messages.jobs.detail"), 220, i -> itemDetail(i, text))));
        Cells.shareWidth(itemsTable); // a narrow window shares the room out; a cell cut short holds all of it in its tooltip
        itemsTable.getColumns().forEach(c -> c.setSortable(false));
        itemsTable.setTableMenuButtonVisible(true);
        text.titlesProperty().addListener((o, a, b) -> itemsTable.refresh());
        MenuItem copyOriginal = new MenuItem(i18n.get("messages.action.copyId"), Icons.of(AppIcon.COPY));
        copyOriginal.setOnAction(e -> selectedItem(i -> ErrorRow.copyToClipboard(id(i.originalMessageId()))));
        MenuItem copyCopy = new MenuItem(i18n.get("messages.jobs.copyCopyId"), Icons.of(AppIcon.COPY));
        copyCopy.setOnAction(e -> selectedItem(i -> ErrorRow.copyToClipboard(id(i.newMessageId()))));
        ContextMenu itemMenu = new ContextMenu(copyOriginal, copyCopy);
        itemMenu.setOnShowing(e -> copyCopy.setDisable(itemsTable.getSelectionModel().getSelectedItem() == null
                || itemsTable.getSelectionModel().getSelectedItem().newMessageId() == null));
        itemsTable.setContextMenu(itemMenu);
        itemsTable.setOnKeyReleased(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                selectedItem(i -> ErrorRow.copyToClipboard(id(i.originalMessageId())));
            }
        });
        itemsTable.setRowFactory(t -> new TableRow<>() {
            {
                setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                        root.openMessage(getItem().newMessageId() != null ? getItem().newMessageId()
                                : getItem().earlierCopy() != null ? getItem().earlierCopy().messageId()
                                : getItem().originalMessageId());
                    }
                });
            }

            @Override
            protected void updateItem(RedeliveryJobItem item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && getIndex() >= getTableView().getItems().size() - 20) {
                    model.items().loadMore();
                }
            }
        });
        itemsTable.setPlaceholder(new Placeholder(model.items().status(), i18n.get("messages.jobs.noItems"), i18n));
        itemsTable.setAccessibleText(i18n.get("messages.jobs.itemsLabel"));
        VBox.setVgrow(itemsTable, Priority.ALWAYS);
        ErrorRow error = new ErrorRow(model.errorProperty(), model.errorDetailProperty(), i18n);
        VBox detail = new VBox(8, summary, progressRow,
                Views.errorRow(model.jobStatus(), model.selectedProperty().isNotNull(), i18n), error, itemsBar,
                Views.errorRow(model.items().status(), model.items().items(), i18n), itemsTable);
        detail.setPadding(new Insets(8, 0, 0, 0));
        detail.visibleProperty().bind(model.selectedProperty().isNotNull());
        // A job opened by id (from a message) shows here while it loads, or why it could not be.
        Placeholder opening = new Placeholder(model.jobStatus(), "", i18n);
        opening.visibleProperty().bind(model.selectedProperty().isNull());

        SplitPane split = new SplitPane(jobsTable, new StackPane(detail, opening));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(bar, Views.errorRow(model.jobs().status(), model.jobs().items(), i18n), split);

        poll = new Timeline(new KeyFrame(POLL_EVERY, e -> model.poll()));
        poll.setCycleCount(Timeline.INDEFINITE);
        model.selectedProperty().addListener((o, a, j) -> {
            if (model.isFollowing()) {
                poll.play();
            } else {
                poll.stop();
            }
        });
    }

    private void selectedItem(java.util.function.Consumer<RedeliveryJobItem> action) {
        RedeliveryJobItem i = itemsTable.getSelectionModel().getSelectedItem();
        if (i != null) {
            action.accept(i);
        }
    }

    /** Which message an item is: its interaction by name, or its id when the message is no longer stored. */
    static String itemMessage(RedeliveryJobItem i, MessageText text) {
        return i.interaction() == null ? id(i.originalMessageId()) : text.interaction(i.interaction());
    }

    private static String id(java.util.UUID id) {
        return id == null ? "" : id.toString().toUpperCase(Locale.ROOT);
    }

    /** What a job is for, in a sentence. */
    static String describe(RedeliveryJob j, MessageText text) {
        if (j == null) {
            return "";
        }
        I18n i18n = text.i18n();
        String scope = j.filter() != null ? i18n.get("messages.jobs.scopeFilter",
                j.filter().status() == null ? "" : j.filter().status().stream().map(text::status)
                        .reduce((a, b) -> a + ", " + b).orElse(""), text.time(j.filter().from()), text.time(j.filter().to()))
                : i18n.get("messages.jobs.scopeIds", j.messageIdCount() == null ? 0 : j.messageIdCount());
        String s = i18n.get("messages.jobs.describe", j.dryRun() ? i18n.get("messages.jobs.dryRun") : i18n.get("messages.jobs.real"),
                scope, j.ratePerSecond(), text.count(j.maxMessages()), MessageColumns.nz(j.createdBy()), j.reason());
        if (j.truncated()) {
            s += " " + i18n.get("messages.jobs.truncated");
        }
        if (j.fromDryRun() != null) {
            s += " " + i18n.get("messages.jobs.fromDryRun", id(j.fromDryRun()));
        }
        if (j.realRun() != null) {
            s += " " + i18n.get("messages.jobs.ranForReal", id(j.realRun()));
        }
        if (j.error() != null) {
            s += " " + j.error();
        }
        return s;
    }

    /** An item's detail; one skipped because of an earlier copy names it ("already redelivered as …"; double-click opens it). */
    static String itemDetail(RedeliveryJobItem i, MessageText text) {
        I18n i18n = text.i18n();
        if (i.earlierCopy() != null) {
            return i18n.get("messages.jobs.alreadyAs", id(i.earlierCopy().messageId()),
                    text.status(i.earlierCopy().status()));
        }
        return MessageColumns.nz(i.detail());
    }

    private static TableColumn<RedeliveryJob, String> col(String title, double width, Function<RedeliveryJob, String> value) {
        TableColumn<RedeliveryJob, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    private static TableColumn<RedeliveryJob, RedeliveryJob> progressCol(String title, MessageText text) {
        TableColumn<RedeliveryJob, RedeliveryJob> c = new TableColumn<>(title);
        c.setPrefWidth(170);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new Label();
            private final HBox box = new HBox(6, bar, label);

            {
                bar.setPrefWidth(70);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(RedeliveryJob j, boolean empty) {
                super.updateItem(j, empty);
                if (empty || j == null) {
                    setGraphic(null);
                    return;
                }
                RedeliveryProgress p = j.progress();
                bar.setProgress(p.total() == 0 ? 1 : (double) p.done() / p.total());
                I18n i18n = text.i18n();
                label.setText(i18n.get("messages.jobs.doneOf", text.count(p.done()), text.count(p.total())));
                setGraphic(box);
            }
        });
        return c;
    }

    private static ListCell<RedeliveryItemOutcome> outcomeCell(MessageText text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(RedeliveryItemOutcome o, boolean empty) {
                super.updateItem(o, empty);
                I18n i18n = text.i18n();
                setText(empty ? null : o == null ? i18n.get("messages.jobs.allOutcomes") : text.outcome(o));
            }
        };
    }

    void dispose() {
        poll.stop();
    }
}
