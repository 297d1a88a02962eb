package io.spineconsole.ui.migration;

import io.spineconsole.domain.SiteKind;
import io.spineconsole.domain.migration.ChecklistItem;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.FormRows;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Navigator;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * Sites: the list of data centres and cloud regions; for the one chosen, whether it can be
 * decommissioned and the evidence for that answer (traffic through it in the last N days, day by
 * day; components still hosted there; the checklist, editable, with evidence and who confirmed
 * each item), the sign-off (admin, only when the evidence allows it), and the site's history.
 */
final class SitesView extends SplitPane {
    private final SitesViewModel model;
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final NumberFormat numbers;
    private final Consumer<String> openComponent;
    private final Navigator navigator;
    private final Runnable signOff;
    private final ListView<Site> list = new ListView<>();
    private final VBox readiness = new VBox(6);
    private final VBox hosted = new VBox(4);
    private final XYChart.Series<Number, Number> trafficSeries = new XYChart.Series<>();
    private final Label trafficSummary = new Label();
    private final TableView<ChecklistItem> checklist = new TableView<>();
    private final Label checklistSummary = new Label();
    private final VBox signOffBox = new VBox(6);

    SitesView(MigrationViewModel root, Consumer<String> openComponent, Navigator navigator, Runnable signOff) {
        this.root = root;
        this.model = root.sitesTab();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.numbers = NumberFormat.getIntegerInstance(labels.locale());
        this.openComponent = openComponent;
        this.navigator = navigator;
        this.signOff = signOff;
        setId("migration-sites");
        getStyleClass().add("migration-sites");

        list.setId("migration-site-list");
        list.setItems(root.sites());
        list.setAccessibleText(i18n.get("migration.sites.list"));
        list.setCellFactory(v -> new SiteCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && !s.code().equals(model.selectedProperty().get())) {
                model.select(s.code());
            }
        });
        model.selectedProperty().addListener((o, a, code) -> selectInList(code));
        root.sites().addListener((ListChangeListener<Site>) c -> selectInList(model.selectedProperty().get()));
        list.setMinWidth(240);
        list.setPrefWidth(290);

        VBox detail = new VBox(12);
        detail.setPadding(new Insets(12));
        detail.getStyleClass().add("migration-site-detail");
        detail.getChildren().addAll(header(), MigrationUi.stateRows(model.stateProperty(), model.errorProperty(),
                        model.errorDetailProperty(), "", i18n),
                MigrationUi.sectionTitle(i18n.get("migration.sites.readiness")), windowRow(), readiness,
                MigrationUi.sectionTitle(i18n.get("migration.sites.traffic")), traffic(),
                MigrationUi.sectionTitle(i18n.get("migration.sites.hosted")), hosted,
                MigrationUi.sectionTitle(i18n.get("migration.sites.checklist")), checklistPane(),
                MigrationUi.sectionTitle(i18n.get("migration.sites.signOff")), signOffBox,
                MigrationUi.sectionTitle(i18n.get("migration.sites.history")),
                MigrationUi.history(model.history(), model.historyHasMoreProperty(), model::loadMoreHistory, labels,
                        i18n.get("migration.history.empty")));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("migration-site-scroll");
        getItems().addAll(list, scroll);
        setDividerPositions(0.27);
        SplitPane.setResizableWithParent(list, false);

        model.readinessProperty().addListener((o, a, r) -> renderReadiness());
        model.siteProperty().addListener((o, a, s) -> renderReadiness());
        model.checklistProperty().addListener((o, a, c) -> {
            renderChecklist(c);
            renderReadiness();
        });
        model.hosted().addListener((ListChangeListener<Component>) c -> renderHosted());
        model.traffic().addListener((ListChangeListener<SitesViewModel.TrafficDay>) c -> renderTraffic());
        root.mayAdministerProperty().addListener((o, a, b) -> renderReadiness());
        model.signingOffProperty().addListener((o, a, b) -> renderReadiness());
    }

    /** Scrolls the detail so that the checklist (and its form) is in view. */
    void revealChecklist() {
        javafx.application.Platform.runLater(() -> {
            ScrollPane scroll = (ScrollPane) getItems().get(1);
            Node content = scroll.getContent();
            double y = content.sceneToLocal(checklist.localToScene(checklist.getBoundsInLocal())).getMinY() - 100;
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (room > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, y / room)));
            }
        });
    }

    private void selectInList(String code) {
        if (code == null) {
            return;
        }
        root.sites().stream().filter(s -> s.code().equals(code)).findFirst().ifPresent(s -> {
            if (list.getSelectionModel().getSelectedItem() == null
                    || !list.getSelectionModel().getSelectedItem().code().equals(code)) {
                list.getSelectionModel().select(s);
            }
        });
    }

    private final class SiteCell extends ListCell<Site> {
        @Override
        protected void updateItem(Site s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label code = new Label(s.code());
            code.getStyleClass().add("migration-site-code");
            code.setGraphic(Icons.of(s.kind() == SiteKind.CLOUD_REGION ? AppIcon.CLOUD : AppIcon.DATA_CENTRE));
            Label name = new Label(s.name());
            name.setWrapText(true);
            String meta = labels.siteKind(s.kind()) + " · " + labels.siteStatus(s.status()) + " · "
                    + i18n.get("migration.sites.componentCount", s.componentsHosted().size());
            Label metaLabel = MigrationUi.muted(meta);
            VBox box = new VBox(1, code, name, metaLabel);
            box.getStyleClass().addAll("migration-site-cell", "site-" + s.status().code());
            box.setMinWidth(0);
            setPrefWidth(0);
            setGraphic(box);
            setText(null);
            setAccessibleText(s.code() + ", " + s.name() + ", " + meta);
        }
    }

    private Node header() {
        Label title = new Label();
        title.setId("migration-site-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label meta = MigrationUi.muted("");
        model.siteProperty().addListener((o, a, s) -> {
            title.setText(s == null ? "" : s.code() + " · " + s.name());
            meta.setText(s == null ? "" : labels.siteKind(s.kind()) + " · " + labels.siteStatus(s.status())
                    + (s.region() == null ? "" : " · " + s.region())
                    + (s.lastMessageAt() == null ? "" : " · " + i18n.get("migration.sites.lastMessage",
                    labels.dateTime(s.lastMessageAt()))));
        });
        Hyperlink copy = new Hyperlink(i18n.get("migration.detail.copyLink"));
        copy.setGraphic(Icons.of(AppIcon.LINK));
        copy.setOnAction(e -> {
            if (model.selectedProperty().get() != null) {
                ErrorRow.copyToClipboard(ConsoleLink.of("migration", "sites/" + model.selectedProperty().get()).toString());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new VBox(2, new HBox(8, title, spacer, copy), meta);
    }

    private Node windowRow() {
        Spinner<Integer> days = new Spinner<>(SitesViewModel.MIN_DAYS, SitesViewModel.MAX_DAYS, model.daysProperty().get());
        days.setId("migration-site-days");
        days.setEditable(true);
        days.setPrefWidth(90);
        days.setAccessibleText(i18n.get("migration.sites.window"));
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.setDays(b);
            }
        });
        days.getEditor().textProperty().addListener((o, a, b) -> {
            if (b != null && !b.matches("\\d{0,3}")) {
                days.getEditor().setText(a);
            }
        });
        model.daysProperty().addListener((o, a, b) -> days.getValueFactory().setValue(b.intValue()));
        Label label = new Label(i18n.get("migration.sites.window"));
        label.setLabelFor(days);
        label.getStyleClass().add("form-label");
        Label unit = new Label(i18n.get("migration.sites.days"));
        HBox row = new HBox(8, label, days, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void renderReadiness() {
        readiness.getChildren().clear();
        signOffBox.getChildren().clear();
        SiteReadiness r = model.readinessProperty().get();
        Site site = model.siteProperty().get();
        if (r == null || site == null) {
            return;
        }
        Label verdict = new Label(i18n.get(r.ready() ? "migration.sites.ready" : "migration.sites.notReady"));
        verdict.setId("migration-site-verdict");
        verdict.setGraphic(Icons.of(r.ready() ? AppIcon.DONE : AppIcon.BLOCKED));
        verdict.getStyleClass().addAll("migration-verdict", r.ready() ? "verdict-ready" : "verdict-not-ready");
        readiness.getChildren().add(verdict);
        for (SiteReadiness.Reason reason : r.reasons()) {
            Label kind = new Label(labels.readinessReason(reason.code()));
            kind.getStyleClass().add("migration-reason-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(reason.message());
            text.setWrapText(true);
            HBox row = new HBox(8, Icons.of(reason.code() == ReadinessReasonCode.TRAFFIC_IN_WINDOW ? AppIcon.MESSAGES
                    : AppIcon.WARNING), kind, text);
            row.getStyleClass().addAll("migration-reason", "reason-" + reason.code().code());
            row.setAccessibleText(kind.getText() + ": " + reason.message());
            if (reason.component() != null) {
                Hyperlink open = new Hyperlink(i18n.get("migration.sites.openComponent", reason.component()));
                open.setOnAction(e -> openComponent.accept(reason.component()));
                row.getChildren().add(open);
            }
            readiness.getChildren().add(row);
        }
        readiness.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.evaluated", labels.dateTime(r.evaluatedAt()))));
        renderTraffic();
        renderSignOff(site, r);
    }

    private Node traffic() {
        trafficSummary.setId("migration-site-traffic");
        trafficSummary.setWrapText(true);
        trafficSummary.getStyleClass().add("migration-traffic-summary");
        NumberAxis x = new NumberAxis();
        x.setForceZeroInRange(false);
        x.setAutoRanging(true);
        x.setMinorTickVisible(false);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", labels.locale());
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return day.format(LocalDate.ofEpochDay(Math.round(n.doubleValue())));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.get("migration.sites.messagesPerDay"));
        y.setMinorTickVisible(false);
        AreaChart<Number, Number> chart = new AreaChart<>(x, y);
        chart.setId("migration-site-traffic-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(150);
        chart.getData().add(trafficSeries);
        chart.getStyleClass().add("migration-traffic-chart");
        chart.setAccessibleText(i18n.get("migration.sites.traffic"));
        Label note = new Label();
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(model.trafficNoteProperty());
        note.visibleProperty().bind(model.trafficNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        Hyperlink messages = new Hyperlink(i18n.get("migration.sites.showMessages"));
        messages.setGraphic(Icons.of(AppIcon.MESSAGES));
        messages.setOnAction(e -> showMessages());
        messages.disableProperty().bind(model.siteProperty().isNull());
        return new VBox(4, trafficSummary, chart, note, messages);
    }

    private void renderTraffic() {
        SiteReadiness r = model.readinessProperty().get();
        Site s = model.siteProperty().get();
        if (r != null && s != null) {
            trafficSummary.setText(r.messagesInWindow() == 0
                    ? i18n.get("migration.sites.noTraffic", s.code(), r.days())
                    : i18n.get("migration.sites.trafficCount", r.messagesInWindow(), r.days(), s.code())
                    + (r.lastMessageAt() == null ? "" : " " + i18n.get("migration.sites.latest", labels.dateTime(r.lastMessageAt()))));
            trafficSummary.getStyleClass().removeAll("traffic-none", "traffic-some");
            trafficSummary.getStyleClass().add(r.messagesInWindow() == 0 ? "traffic-none" : "traffic-some");
        } else {
            trafficSummary.setText("");
        }
        trafficSeries.getData().setAll(model.traffic().stream()
                .map(d -> new XYChart.Data<Number, Number>(d.day().toEpochDay(), d.messages())).toList());
    }

    /** Opens the message search for this site over the window (the messages workspace's own link). */
    private void showMessages() {
        Site s = model.siteProperty().get();
        if (s == null) {
            return;
        }
        java.time.Instant to = root.clock().instant();
        java.time.Instant from = to.minus(java.time.Duration.ofDays(model.daysProperty().get()));
        ConsoleLink link = ConsoleLink.of("messages", "search").with("site", s.code())
                .with("from", from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
                .with("to", to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (!navigator.open(link)) {
            ErrorRow.copyToClipboard(link.toString());
            trafficSummary.setText(trafficSummary.getText() + " " + i18n.get("migration.sites.linkCopied"));
        }
    }

    private void renderHosted() {
        hosted.getChildren().clear();
        if (model.hosted().isEmpty()) {
            hosted.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.nothingHosted")));
            return;
        }
        for (Component c : model.hosted()) {
            Hyperlink code = new Hyperlink(c.code());
            code.setOnAction(e -> openComponent.accept(c.code()));
            Label name = new Label(c.name());
            name.setWrapText(true);
            HBox.setHgrow(name, Priority.ALWAYS);
            Label state = MigrationUi.stateBadge(c.state(), labels);
            HBox row = new HBox(8, code, name, state);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("migration-hosted-row");
            hosted.getChildren().add(row);
        }
    }

    private Node checklistPane() {
        checklist.setId("migration-checklist");
        checklist.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checklist.setPrefHeight(250);
        checklist.setMinHeight(180);
        checklist.setAccessibleText(i18n.get("migration.sites.checklist"));
        TableColumn<ChecklistItem, String> done = new TableColumn<>(i18n.get("migration.checklist.status"));
        done.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(
                i18n.get(c.getValue().done() ? "migration.checklist.done" : "migration.checklist.notDone")));
        done.setPrefWidth(90);
        TableColumn<ChecklistItem, String> title = new TableColumn<>(i18n.get("migration.checklist.item"));
        title.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().title()));
        title.setPrefWidth(260);
        TableColumn<ChecklistItem, String> owner = new TableColumn<>(i18n.get("migration.checklist.owner"));
        owner.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().owner()));
        owner.setPrefWidth(120);
        TableColumn<ChecklistItem, String> evidence = new TableColumn<>(i18n.get("migration.checklist.evidence"));
        evidence.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().evidence()));
        evidence.setPrefWidth(200);
        TableColumn<ChecklistItem, String> by = new TableColumn<>(i18n.get("migration.checklist.confirmedBy"));
        by.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().signedOffBy() == null ? ""
                : c.getValue().signedOffBy() + ", " + labels.dateTime(c.getValue().signedOffAt())));
        by.setPrefWidth(160);
        checklist.getColumns().addAll(java.util.List.of(done, title, owner, evidence, by));
        checklist.setRowFactory(t -> {
            TableRow<ChecklistItem> row = new TableRow<>() {
                @Override
                protected void updateItem(ChecklistItem item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("checklist-done", "checklist-open");
                    if (!empty && item != null) {
                        getStyleClass().add(item.done() ? "checklist-done" : "checklist-open");
                        setAccessibleText(item.title() + ": " + i18n.get(item.done() ? "migration.checklist.done"
                                : "migration.checklist.notDone"));
                    }
                }
            };
            return row;
        });
        checklist.setPlaceholder(new Label(i18n.get("migration.checklist.empty")));
        checklist.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null && model.siteProperty().get() != null) {
                ChecklistItem editing = model.editor().itemProperty().get();
                if (editing != null && editing.key().equals(item.key())) {
                    return;
                }
                if (!model.editor().dirtyProperty().get()) {
                    model.editor().edit(model.siteProperty().get().code(), item);
                }
            }
        });
        model.editor().itemProperty().addListener((o, a, item) -> {
            if (item != null) {
                checklist.getItems().stream().filter(i -> i.key().equals(item.key())).findFirst()
                        .ifPresent(i -> checklist.getSelectionModel().select(i));
            }
        });
        checklistSummary.getStyleClass().add("text-muted");
        Button add = new Button(i18n.get("migration.checklist.add"));
        add.setId("migration-checklist-add");
        add.setGraphic(Icons.of(AppIcon.ADD));
        add.disableProperty().bind(root.mayOperateProperty().not().or(model.siteProperty().isNull())
                .or(model.editor().dirtyProperty()));
        add.setOnAction(e -> {
            checklist.getSelectionModel().clearSelection();
            model.editor().create(model.siteProperty().get().code());
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, checklistSummary, spacer, add);
        bar.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, bar, checklist, editor());
    }

    private void renderChecklist(SiteChecklist c) {
        ChecklistItem editing = model.editor().itemProperty().get();
        checklist.getItems().setAll(c == null ? java.util.List.of() : c.items());
        if (c == null) {
            checklistSummary.setText("");
            return;
        }
        long done = c.items().stream().filter(ChecklistItem::done).count();
        checklistSummary.setText(i18n.get("migration.sites.checklistCount", done, c.items().size())
                + (c.signedOffBy() == null ? "" : " · " + i18n.get("migration.sites.checklistClosed")));
        if (editing != null) {
            c.items().stream().filter(i -> i.key().equals(editing.key())).findFirst()
                    .ifPresent(i -> checklist.getSelectionModel().select(i));
        }
    }

    /** The form of the selected (or new) checklist item. */
    private Node editor() {
        ChecklistItemEditor ed = model.editor();
        Label heading = new Label();
        heading.getStyleClass().add("migration-editor-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> ed.creatingProperty().get()
                ? i18n.get("migration.checklist.newItem")
                : ed.itemProperty().get() == null ? "" : i18n.get("migration.checklist.editing", ed.itemProperty().get().title()),
                ed.creatingProperty(), ed.itemProperty()));
        GridPane grid = FormRows.grid();
        int row = 0;
        TextField key = new TextField();
        key.setId("migration-checklist-key");
        key.setPromptText(i18n.get("migration.checklist.keyPrompt"));
        row = FormRows.add(grid, row, i18n.get("migration.checklist.key"), key, ed.key());
        Node keyRow = grid.getChildren().get(grid.getChildren().size() - 1);
        Node keyLabel = grid.getChildren().get(grid.getChildren().size() - 2);
        keyRow.visibleProperty().bind(ed.creatingProperty());
        keyRow.managedProperty().bind(ed.creatingProperty());
        keyLabel.visibleProperty().bind(ed.creatingProperty());
        keyLabel.managedProperty().bind(ed.creatingProperty());
        TextField title = new TextField();
        title.setId("migration-checklist-title");
        row = FormRows.add(grid, row, i18n.get("migration.checklist.item"), title, ed.title());
        TextField owner = new TextField();
        owner.setId("migration-checklist-owner");
        row = FormRows.add(grid, row, i18n.get("migration.checklist.owner"), owner, ed.owner());
        TextArea evidence = new TextArea();
        evidence.setId("migration-checklist-evidence");
        evidence.setPrefRowCount(2);
        evidence.setWrapText(true);
        evidence.setPromptText(i18n.get("migration.checklist.evidencePrompt"));
        evidence.textProperty().bindBidirectional(ed.evidence().valueProperty());
        row = FormRows.add(grid, row, i18n.get("migration.checklist.evidence"), evidence, ed.evidenceErrorProperty());
        CheckBox done = new CheckBox(i18n.get("migration.checklist.markDone"));
        done.setId("migration-checklist-done");
        done.selectedProperty().bindBidirectional(ed.doneProperty());
        done.disableProperty().bind(ed.creatingProperty());
        grid.add(done, 1, row);

        Button save = new Button(i18n.get("migration.checklist.save"));
        save.setId("migration-checklist-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(false);
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> !ed.dirtyProperty().get() || !ed.isValid()
                        || ed.savingProperty().get() || !root.mayOperateProperty().get(),
                ed.dirtyProperty(), ed.savingProperty(), ed.key().errorProperty(), ed.title().errorProperty(),
                ed.owner().errorProperty(), ed.evidenceErrorProperty(), root.mayOperateProperty()));
        save.setOnAction(e -> model.saveItem());
        Button cancel = new Button(i18n.get("migration.checklist.cancel"));
        cancel.setId("migration-checklist-cancel");
        cancel.setOnAction(e -> {
            ChecklistItem item = ed.itemProperty().get();
            if (item != null) {
                ed.edit(ed.siteCode(), item);
            } else {
                ed.close();
            }
        });
        cancel.disableProperty().bind(ed.dirtyProperty().not().or(ed.savingProperty()));
        Label readOnly = MigrationUi.muted(i18n.get("migration.checklist.readOnly"));
        readOnly.visibleProperty().bind(root.mayOperateProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());
        HBox buttons = new HBox(8, save, cancel, readOnly);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(ed.errorProperty());
        error.visibleProperty().bind(ed.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button mine = new Button(i18n.get("migration.checklist.applyMine"));
        mine.setOnAction(e -> model.saveItem());
        Button theirs = new Button(i18n.get("migration.checklist.takeTheirs"));
        theirs.setOnAction(e -> ed.takeTheirs());
        Label theirsText = new Label();
        theirsText.setWrapText(true);
        ed.conflictProperty().addListener((o, a, c) -> theirsText.setText(c == null ? ""
                : i18n.get("migration.checklist.theirs", c.title(), c.owner() == null ? "" : c.owner(),
                c.evidence() == null ? "" : c.evidence(),
                i18n.get(c.done() ? "migration.checklist.done" : "migration.checklist.notDone"))));
        VBox conflict = new VBox(6, theirsText, new HBox(8, mine, theirs));
        conflict.getStyleClass().add("migration-conflict");
        conflict.visibleProperty().bind(ed.conflictProperty().isNotNull());
        conflict.managedProperty().bind(conflict.visibleProperty());

        grid.getStyleClass().add("migration-checklist-form");
        VBox form = new VBox(6, heading, grid, buttons, error, conflict);
        form.setId("migration-checklist-form");
        form.getStyleClass().add("migration-editor");
        form.visibleProperty().bind(ed.itemProperty().isNotNull().or(ed.creatingProperty()));
        form.managedProperty().bind(form.visibleProperty());
        grid.disableProperty().bind(root.mayOperateProperty().not().or(ed.savingProperty()));
        return form;
    }

    private void renderSignOff(Site site, SiteReadiness r) {
        signOffBox.getChildren().clear();
        SiteChecklist c = model.checklistProperty().get();
        if (site.kind() != SiteKind.DATA_CENTRE) {
            signOffBox.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.cloudNoSignOff")));
            return;
        }
        if (c != null && c.signedOffBy() != null) {
            Label signed = new Label(i18n.get("migration.sites.signedOffText", c.signedOffBy(), labels.dateTime(c.signedOffAt()),
                    c.signOffStatement() == null ? "" : c.signOffStatement()));
            signed.setId("migration-site-signed-off");
            signed.setWrapText(true);
            signed.setGraphic(Icons.of(AppIcon.DONE));
            signOffBox.getChildren().add(signed);
            return;
        }
        Button button = new Button(i18n.get("migration.sites.signOffButton", site.code()));
        button.setId("migration-site-sign-off");
        button.getStyleClass().add("danger");
        button.setDisable(!model.maySignOff());
        button.setOnAction(e -> signOff.run());
        signOffBox.getChildren().add(button);
        if (!model.maySignOff()) {
            Label why = new Label(i18n.get("migration.sites.cannotSignOff"));
            why.setId("migration-site-cannot-sign-off");
            why.setGraphic(Icons.of(AppIcon.BLOCKED));
            why.getStyleClass().add("migration-cannot");
            why.setWrapText(true);
            signOffBox.getChildren().add(why);
            for (String reason : model.signOffBlockers()) {
                Label l = new Label("• " + reason);
                l.setWrapText(true);
                signOffBox.getChildren().add(l);
            }
        } else {
            signOffBox.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.signOffExplained", r.days())));
        }
        Label outcome = new Label();
        outcome.setId("migration-site-sign-off-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.signOffOutcomeProperty());
        outcome.visibleProperty().bind(model.signOffOutcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        signOffBox.getChildren().add(outcome);
        for (String reason : model.signOffRefusal()) {
            Label l = new Label("• " + reason);
            l.setWrapText(true);
            l.getStyleClass().add("error-text");
            signOffBox.getChildren().add(l);
        }
    }

}
