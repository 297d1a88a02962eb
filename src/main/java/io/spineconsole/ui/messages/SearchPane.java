package io.spineconsole.ui.messages;

import io.spineconsole.domain.MessageStatus;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.PagedList;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The search tab: the find box, the filters (each checked as typed; a change searches again after a
 * short pause, cancelling the search in flight), the results in a virtualised table fed page by page
 * as it is scrolled, with the approximate count, progress and cancel, and what can be done with them
 * (copy a link, save the search, export, redeliver).
 */
final class SearchPane extends VBox {
    private final MessageFlowViewModel root;
    private final SearchViewModel model;
    private final MessageText text;
    private final I18n i18n;
    private final TableView<MessageSummary> table = new TableView<>();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(600));
    private final Timeline elapsed;
    private final Label countLabel = new Label();
    private final Label progressLabel = new Label();
    private final MenuButton savedMenu;
    private final Actions actions;

    /** What the pane asks of the workspace (dialogs that need the window, the clipboard). */
    interface Actions {
        void copyLink(String link);

        void export();

        void redeliverSelected(List<MessageSummary> selected);

        void redeliverAllMatching();

        String askName(String title, String header);
    }

    SearchPane(MessageFlowViewModel root, Actions actions) {
        super(8);
        this.root = root;
        this.model = root.search();
        this.text = root.text();
        this.i18n = text.i18n();
        this.actions = actions;
        setId("messages-search");
        getStyleClass().add("messages-search");
        setPadding(new Insets(10, 12, 8, 12));

        TextField find = new TextField();
        find.setId("messages-find");
        find.setPromptText(i18n.get("messages.find.prompt"));
        find.setAccessibleText(i18n.get("messages.find.label"));
        find.textProperty().bindBidirectional(model.findProperty());
        find.textProperty().addListener((o, a, b) -> model.findChanged());
        find.setOnAction(e -> model.submitFind());
        HBox.setHgrow(find, Priority.ALWAYS);
        Label findIcon = new Label(null, Icons.of(AppIcon.SEARCH));
        findIcon.setLabelFor(find);
        Button search = Views.button(i18n.get("messages.search.run"), null);
        search.setId("messages-search-run");
        search.getStyleClass().add("accent");
        search.setDefaultButton(false);
        search.setOnAction(e -> model.search());
        Button clear = Views.button(i18n.get("messages.search.clear"), AppIcon.CLEAR);
        clear.setId("messages-search-clear");
        clear.setOnAction(e -> {
            model.clearFilters();
            model.search();
        });
        savedMenu = new MenuButton(i18n.get("messages.saved.menu"), Icons.of(AppIcon.SAVED));
        savedMenu.setId("messages-saved");
        model.saved().addListener((ListChangeListener<SearchViewModel.SavedSearch>) c -> rebuildSaved());
        rebuildSaved();
        HBox findBar = new HBox(8, findIcon, find, search, clear, savedMenu);
        findBar.setAlignment(Pos.CENTER_LEFT);
        Label findProblem = Views.bound(model.findProblemProperty(), "field-error");

        getChildren().addAll(findBar, findProblem, filters(), chips(), statusLine(), resultsTable());
        VBox.setVgrow(table, Priority.ALWAYS);

        // A filter changed: search again once typing pauses (the search in flight is cancelled).
        debounce.setOnFinished(e -> model.searchIfChanged());
        InvalidationListener later = o -> debounce.playFromStart();
        for (var f : List.of(model.conversationId(), model.ods(), model.asid(), model.partyKey(), model.interaction(),
                model.from(), model.to())) {
            f.valueProperty().addListener(later);
        }
        model.statuses().addListener(later);
        model.rangeProperty().addListener(later);
        model.oldestFirstProperty().addListener(later);

        elapsed = new Timeline(new KeyFrame(Duration.millis(200), e -> updateProgress()));
        elapsed.setCycleCount(Timeline.INDEFINITE);
        model.results().busyProperty().addListener((o, a, busy) -> {
            if (busy) {
                updateProgress();
                elapsed.play();
            } else {
                elapsed.stop();
            }
        });
    }

    private FlowPane filters() {
        TextField conversation = new TextField();
        conversation.setId("messages-filter-conversation");
        conversation.setPromptText(i18n.get("messages.filter.conversationPrompt"));
        TextField ods = new TextField();
        ods.setId("messages-filter-ods");
        ods.setPromptText("RR8");
        TextField asid = new TextField();
        asid.setId("messages-filter-asid");
        asid.setPromptText("200000000985");
        TextField partyKey = new TextField();
        partyKey.setId("messages-filter-party-key");
        partyKey.setPromptText("YES-0000806");
        TextField interaction = new TextField();
        interaction.setId("messages-filter-interaction");
        interaction.setPromptText("urn:nhs:names:services:…");

        MenuButton status = new MenuButton();
        status.setId("messages-filter-status");
        CheckMenuItem anyFailed = new CheckMenuItem(i18n.get("messages.filter.anyFailure"));
        anyFailed.setId("messages-status-any-failure");
        anyFailed.setOnAction(e -> {
            if (anyFailed.isSelected()) {
                model.statuses().setAll(MessageStatuses.FAILED.stream().sorted().toList());
            } else {
                model.statuses().removeAll(MessageStatuses.FAILED);
            }
        });
        status.getItems().addAll(anyFailed, new SeparatorMenuItem());
        for (MessageStatus s : MessageStatus.values()) {
            CheckMenuItem item = new CheckMenuItem(text.status(s), Icons.of(MessageText.statusIcon(s)));
            item.setId("messages-status-" + s.code());
            item.setOnAction(e -> {
                if (item.isSelected() && !model.statuses().contains(s)) {
                    model.statuses().add(s);
                } else if (!item.isSelected()) {
                    model.statuses().remove(s);
                }
            });
            status.getItems().add(item);
        }
        Runnable syncStatus = () -> {
            for (MenuItem mi : status.getItems()) {
                if (mi instanceof CheckMenuItem c && c != anyFailed) {
                    String code = c.getId().substring("messages-status-".length());
                    c.setSelected(model.statuses().stream().anyMatch(s -> s.code().equals(code)));
                }
            }
            anyFailed.setSelected(model.statuses().containsAll(MessageStatuses.FAILED));
            status.setText(model.statuses().isEmpty() ? i18n.get("messages.filter.anyStatus")
                    : model.statuses().size() == 1 ? text.status(model.statuses().get(0))
                    : model.statuses().containsAll(MessageStatuses.FAILED) && model.statuses().size() == MessageStatuses.FAILED.size()
                    ? i18n.get("messages.filter.anyFailure")
                    : i18n.get("messages.filter.statusCount", model.statuses().size()));
        };
        model.statuses().addListener((ListChangeListener<MessageStatus>) c -> syncStatus.run());
        syncStatus.run();

        ComboBox<TimeRange> range = new ComboBox<>();
        range.setId("messages-filter-range");
        range.getItems().setAll(TimeRange.values());
        range.valueProperty().bindBidirectional(model.rangeProperty());
        range.setCellFactory(l -> new RangeCell(this));
        range.setButtonCell(new RangeCell(this));
        TextField from = new TextField();
        from.setId("messages-filter-from");
        from.setPromptText(i18n.get("messages.filter.timePrompt"));
        TextField to = new TextField();
        to.setId("messages-filter-to");
        to.setPromptText(i18n.get("messages.filter.toPrompt"));
        var fromBox = Views.field(i18n.get("messages.filter.from"), from, model.from(), 130);
        var toBox = Views.field(i18n.get("messages.filter.to"), to, model.to(), 130);
        fromBox.visibleProperty().bind(model.rangeProperty().isEqualTo(TimeRange.CUSTOM));
        fromBox.managedProperty().bind(fromBox.visibleProperty());
        toBox.visibleProperty().bind(fromBox.visibleProperty());
        toBox.managedProperty().bind(fromBox.visibleProperty());

        for (TextField t : List.of(conversation, ods, asid, partyKey, interaction, from, to)) {
            t.setOnAction(e -> model.search());
        }
        FlowPane bar = new FlowPane(10, 6,
                Views.field(i18n.get("messages.filter.conversation"), conversation, model.conversationId(), 215),
                Views.field(i18n.get("messages.filter.ods"), ods, model.ods(), 72),
                Views.field(i18n.get("messages.filter.asid"), asid, model.asid(), 112),
                Views.field(i18n.get("messages.filter.partyKey"), partyKey, model.partyKey(), 118),
                Views.field(i18n.get("messages.filter.interaction"), interaction, model.interaction(), 170),
                Views.field(i18n.get("messages.filter.status"), status, Bindings.createStringBinding(() -> ""), 135),
                Views.field(i18n.get("messages.filter.range"), range, Bindings.createStringBinding(() -> ""), 145),
                fromBox, toBox);
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    /** The filters that came from elsewhere (a failure group, a chart), each removable. */
    private HBox chips() {
        Label caption = new Label(i18n.get("messages.filter.also"));
        caption.getStyleClass().add("text-muted");
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        Runnable rebuild = () -> {
            box.getChildren().setAll(caption);
            if (!model.siteProperty().get().isEmpty()) {
                box.getChildren().add(chip(i18n.get("messages.describe.site", model.siteProperty().get()),
                        () -> model.siteProperty().set("")));
            }
            if (model.endpointIdProperty().get() != null) {
                box.getChildren().add(chip(i18n.get("messages.describe.endpoint", model.endpointIdProperty().get()),
                        () -> model.endpointIdProperty().set(null)));
            }
            if (!model.signatureProperty().get().isEmpty()) {
                box.getChildren().add(chip(i18n.get("messages.describe.signature", model.signatureProperty().get()),
                        () -> model.signatureProperty().set("")));
            }
            box.setVisible(box.getChildren().size() > 1);
            box.setManaged(box.isVisible());
        };
        model.siteProperty().addListener(o -> rebuild.run());
        model.endpointIdProperty().addListener(o -> rebuild.run());
        model.signatureProperty().addListener(o -> rebuild.run());
        rebuild.run();
        return box;
    }

    private Button chip(String label, Runnable remove) {
        Button b = new Button(label, Icons.of(AppIcon.CLEAR));
        b.setMnemonicParsing(false);
        b.getStyleClass().addAll("filter-chip", "small");
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setAccessibleText(i18n.get("messages.filter.remove", label));
        b.setTooltip(new Tooltip(i18n.get("messages.filter.remove", label)));
        b.setOnAction(e -> {
            remove.run();
            model.search();
        });
        return b;
    }

    private VBox statusLine() {
        PagedList<MessageSummary> results = model.results();
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.setMaxSize(16, 16);
        spinner.setAccessibleText(i18n.get("messages.search.searching"));
        progressLabel.setId("messages-search-progress");
        Button cancel = Views.button(i18n.get("messages.search.cancel"), AppIcon.CANCEL);
        cancel.setId("messages-search-cancel");
        cancel.getStyleClass().add("small");
        cancel.setOnAction(e -> model.cancel());
        HBox busy = new HBox(8, spinner, progressLabel, cancel);
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.visibleProperty().bind(results.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        countLabel.setId("messages-search-count");
        countLabel.getStyleClass().add("result-count");
        InvalidationListener count = o -> updateCount();
        results.approximateTotalProperty().addListener(count);
        results.totalIsExactProperty().addListener(count);
        results.stateProperty().addListener(count);
        results.items().addListener(count);
        updateCount();
        countLabel.setMinWidth(0);
        Tooltip countTip = new Tooltip();
        countLabel.setTooltip(countTip);
        model.lastSearchProperty().addListener((o, a, s) -> countTip.setText(s == null || s.from() == null ? ""
                : i18n.get("messages.search.window", text.dateTime(s.from()), text.dateTime(s.to()))));
        CheckBox oldest = new CheckBox(i18n.get("messages.filter.oldestFirst"));
        oldest.setId("messages-filter-oldest");
        oldest.setMinWidth(Region.USE_PREF_SIZE);
        oldest.selectedProperty().bindBidirectional(model.oldestFirstProperty());
        HBox line = new HBox(12, countLabel, busy, Views.grow(), oldest, actionsBar());
        line.setAlignment(Pos.CENTER_LEFT);

        Label formError = Views.bound(model.formErrorProperty(), "error-text");
        formError.setId("messages-search-form-error");
        Label notice = Views.bound(model.noticeProperty(), "notice-text");
        notice.setId("messages-search-notice");
        notice.setWrapText(true);
        ErrorRow error = Views.errorRow(results, i18n);
        return new VBox(4, line, formError, notice, error, exportLine());
    }

    private HBox actionsBar() {
        Button copyLink = Views.button(i18n.get("messages.search.copyLink"), AppIcon.LINK);
        copyLink.setId("messages-search-copy-link");
        copyLink.setOnAction(e -> actions.copyLink(model.toLink().toString()));
        Button save = Views.button(i18n.get("messages.saved.save"), AppIcon.SAVE);
        save.setId("messages-search-save");
        save.setOnAction(e -> {
            String name = actions.askName(i18n.get("messages.saved.saveTitle"), i18n.get("messages.saved.saveHeader"));
            if (name != null) {
                model.saveAs(name);
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
                table.getSelectionModel().getSelectedItems().size()), table.getSelectionModel().getSelectedItems()));
        selected.disableProperty().bind(Bindings.isEmpty(table.getSelectionModel().getSelectedItems()));
        selected.setOnAction(e -> actions.redeliverSelected(List.copyOf(table.getSelectionModel().getSelectedItems())));
        MenuItem all = new MenuItem(i18n.get("messages.redeliver.allMatching"));
        all.setId("messages-redeliver-all");
        all.setOnAction(e -> actions.redeliverAllMatching());
        all.disableProperty().bind(model.lastSearchProperty().isNull());
        redeliver.getItems().addAll(selected, all);
        redeliver.disableProperty().bind(root.jobs().mayRunProperty().not());

        HBox bar = new HBox(8, copyLink, save, export, redeliver);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        return bar;
    }

    /** The export in progress or done, with cancel while it runs. */
    private HBox exportLine() {
        Label exportStatus = Views.bound(root.export().statusProperty(), "text-muted");
        exportStatus.setId("messages-export-status");
        Button cancelExport = Views.button(i18n.get("messages.export.cancel"), AppIcon.CANCEL);
        cancelExport.setId("messages-export-cancel");
        cancelExport.getStyleClass().add("small");
        cancelExport.visibleProperty().bind(root.export().runningProperty());
        cancelExport.managedProperty().bind(cancelExport.visibleProperty());
        cancelExport.setOnAction(e -> root.export().cancel());
        ErrorRow exportError = new ErrorRow(root.export().errorProperty(), root.export().errorDetailProperty(), i18n);

        HBox line = new HBox(8, exportStatus, cancelExport, exportError);
        line.setAlignment(Pos.CENTER_LEFT);
        line.visibleProperty().bind(root.export().statusProperty().isNotEmpty().or(root.export().errorProperty().isNotEmpty()));
        line.managedProperty().bind(line.visibleProperty());
        return line;
    }

    private TableView<MessageSummary> resultsTable() {
        table.setId("messages-results");
        table.setItems(model.results().items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Views.dense(table);
        MessageColumns.install(table, ReadOnlyObjectWrapper::new, text);
        MessageColumns.rows(table, m -> m, m -> root.openMessage(m.messageId()), model::loadMore);
        table.setPlaceholder(Views.placeholder(model.results(), i18n.get("messages.search.empty"), i18n));
        table.setAccessibleText(i18n.get("messages.search.tableLabel"));

        MenuItem open = new MenuItem(i18n.get("messages.action.open"), Icons.of(AppIcon.OPEN));
        open.setOnAction(e -> selectedOne(m -> root.openMessage(m.messageId())));
        MenuItem copyId = new MenuItem(i18n.get("messages.action.copyId"), Icons.of(AppIcon.COPY));
        copyId.setOnAction(e -> selectedOne(m -> actions.copyLink(m.displayId())));
        MenuItem copyLink = new MenuItem(i18n.get("messages.action.copyLink"), Icons.of(AppIcon.LINK));
        copyLink.setOnAction(e -> selectedOne(m -> actions.copyLink(
                io.spineconsole.ui.common.ConsoleLink.of("messages", "message/" + m.displayId()).toString())));
        MenuItem conversation = new MenuItem(i18n.get("messages.action.conversation"));
        conversation.setOnAction(e -> selectedOne(m -> model.searchConversationOf(m.conversationId())));
        table.setContextMenu(new ContextMenu(open, copyId, copyLink, conversation));
        table.setOnKeyReleased(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                selectedOne(m -> actions.copyLink(m.displayId()));
            }
        });
        return table;
    }

    private void selectedOne(Consumer<MessageSummary> action) {
        MessageSummary m = table.getSelectionModel().getSelectedItem();
        if (m != null) {
            action.accept(m);
        }
    }

    private void rebuildSaved() {
        savedMenu.getItems().clear();
        if (model.saved().isEmpty()) {
            MenuItem none = new MenuItem(i18n.get("messages.saved.none"));
            none.setDisable(true);
            savedMenu.getItems().add(none);
            return;
        }
        for (SearchViewModel.SavedSearch s : model.saved()) {
            MenuItem item = new MenuItem(s.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.open(s));
            savedMenu.getItems().add(item);
        }
        savedMenu.getItems().add(new SeparatorMenuItem());
        javafx.scene.control.Menu delete = new javafx.scene.control.Menu(i18n.get("messages.saved.delete"));
        for (SearchViewModel.SavedSearch s : model.saved()) {
            MenuItem item = new MenuItem(s.name());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.delete(s));
            delete.getItems().add(item);
        }
        savedMenu.getItems().add(delete);
    }

    private void updateCount() {
        PagedList<MessageSummary> r = model.results();
        LoadState state = r.stateProperty().get();
        String window = windowText();
        if (state == LoadState.EMPTY) {
            countLabel.setText(i18n.get("messages.search.countNone", window));
        } else if (r.items().isEmpty()) {
            countLabel.setText("");
        } else if (r.totalIsExactProperty().get() || !r.hasMoreProperty().get()) {
            long n = Math.max(r.approximateTotalProperty().get(), r.items().size());
            countLabel.setText(i18n.get("messages.search.countExact", text.count(n), window,
                    text.count(r.items().size())));
        } else {
            countLabel.setText(i18n.get("messages.search.countAbout", text.count(r.approximateTotalProperty().get()),
                    window, text.count(r.items().size())));
        }
    }

    private String windowText() {
        var s = model.lastSearchProperty().get();
        if (s == null) {
            return "";
        }
        if (s.from() == null) {
            return i18n.get("messages.search.windowAll");
        }
        TimeRange r = model.lastRangeProperty().get();
        if (r != null && r != TimeRange.CUSTOM) {
            return i18n.get("messages.search.windowPreset", rangeText(r).toLowerCase(i18n.locale()));
        }
        return i18n.get("messages.search.window", text.dateTime(s.from()), text.dateTime(s.to()));
    }

    private void updateProgress() {
        Instant started = model.searchStartedProperty().get();
        double seconds = started == null ? 0 : java.time.Duration.between(started, text.clock().instant()).toMillis() / 1000.0;
        progressLabel.setText(i18n.get("messages.search.searchingFor", String.format(i18n.locale(), "%.1f", Math.max(0, seconds))));
    }

    TableView<MessageSummary> table() {
        return table;
    }

    /** Time ranges in words. */
    private static final class RangeCell extends ListCell<TimeRange> {
        private final SearchPane pane;

        RangeCell(SearchPane pane) {
            this.pane = pane;
        }

        @Override
        protected void updateItem(TimeRange r, boolean empty) {
            super.updateItem(r, empty);
            setText(empty || r == null ? null : pane.rangeText(r));
        }
    }

    String rangeText(TimeRange r) {
        return rangeText(i18n, r);
    }

    static String rangeText(I18n i18n, TimeRange r) {
        return switch (r) {
            case LAST_15_MINUTES -> i18n.get("messages.range.15m");
            case LAST_HOUR -> i18n.get("messages.range.1h");
            case LAST_6_HOURS -> i18n.get("messages.range.6h");
            case LAST_24_HOURS -> i18n.get("messages.range.24h");
            case LAST_7_DAYS -> i18n.get("messages.range.7d");
            case LAST_31_DAYS -> i18n.get("messages.range.31d");
            case CUSTOM -> i18n.get("messages.range.custom");
        };
    }

    void dispose() {
        debounce.stop();
        elapsed.stop();
    }
}
