package io.spineconsole.ui.registrations;

import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.registrations.Finding;
import io.spineconsole.domain.registrations.RegistrationAction;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Placeholder;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The record a list selected: its key and name, status, the actions an admin may take (edit and the
 * lifecycle moves its status allows, each confirmed with a reason), and tabs for its members, related
 * records, check findings and audit history.
 *
 * @param <T> the record type
 */
final class DetailView<T> {
    private final DetailViewModel<T> model;
    private final BrowserViewModel<T> browser;
    private final KindView<T> view;
    private final I18n i18n;
    private final TimeText time;
    private final Consumer<ConsoleLink> go;
    private final KindView.Creator create;
    private final VBox root = new VBox(10);
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final HBox statusBox = new HBox();
    private final FlowPane actions = new FlowPane(6, 6);
    private final ScrollPane details = new ScrollPane();
    private final ScrollPane related = new ScrollPane();
    private final TabPane tabs = new TabPane();
    private final Tab findingsTab;
    private final String idPrefix;
    private final SdsDetail<T> sds;

    DetailView(BrowserViewModel<T> browser, KindView<T> view, I18n i18n, TimeText time, BrowserView.Host host) {
        this.browser = browser;
        this.model = browser.detail();
        this.view = view;
        this.i18n = i18n;
        this.time = time;
        this.go = host::go;
        this.create = host::create;
        this.idPrefix = "reg-" + browser.kind().path();
        this.sds = new SdsDetail<>(view, model, host, i18n, idPrefix);
        root.setId(idPrefix + "-detail");
        root.getStyleClass().add("reg-detail");
        root.setPadding(new Insets(12));

        title.getStyleClass().addAll("title-3", "reg-detail-title");
        title.setId(idPrefix + "-detail-title");
        subtitle.getStyleClass().add("text-muted");
        subtitle.setWrapText(true);
        subtitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button copyLink = Icons.button(AppIcon.LINK, i18n.get("registrations.detail.copyLink"));
        copyLink.setOnAction(e -> {
            T r = model.record();
            if (r != null) {
                ErrorRow.copyToClipboard(browser.kind().link(browser.kind().id(r)).toString());
            }
        });
        HBox head = new HBox(10, title, statusBox, spacer, copyLink);
        head.setAlignment(Pos.CENTER_LEFT);

        Label readOnly = Views.muted(i18n.get("registrations.detail.readOnly"));
        readOnly.setGraphic(Icons.of(AppIcon.UNAUTHORISED));
        readOnly.visibleProperty().bind(browser.mayChangeProperty().not());
        readOnly.managedProperty().bind(readOnly.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.setAccessibleText(i18n.get("common.loading"));
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox actionRow = new HBox(8, actions, busy);
        actionRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(actions, Priority.ALWAYS);

        Label done = new Label();
        done.getStyleClass().add("reg-success");
        done.setGraphic(Icons.of(AppIcon.APPROVED));
        done.setWrapText(true);
        done.textProperty().bind(Bindings.createStringBinding(() -> !model.actionDoneProperty().get().isEmpty()
                ? model.actionDoneProperty().get() : browser.savedProperty().get(), model.actionDoneProperty(), browser.savedProperty()));
        done.visibleProperty().bind(done.textProperty().isNotEmpty());
        done.managedProperty().bind(done.visibleProperty());
        done.setId(idPrefix + "-detail-done");
        ErrorRow actionError = new ErrorRow(model.actionErrorProperty(), model.actionErrorDetailProperty(), i18n);
        actionError.setId(idPrefix + "-detail-action-error");

        details.setFitToWidth(true);
        related.setFitToWidth(true);
        details.getStyleClass().add("edge-to-edge");
        related.getStyleClass().add("edge-to-edge");
        Tab detailsTab = new Tab(i18n.get("registrations.detail.details"), details);
        Tab relatedTab = new Tab(i18n.get("registrations.detail.related"), related);
        findingsTab = new Tab(i18n.get("registrations.detail.findings"), findings());
        Tab historyTab = new Tab(i18n.get("registrations.detail.history"), history());
        tabs.getTabs().addAll(detailsTab, relatedTab, findingsTab, historyTab);
        tabs.getTabs().forEach(t -> t.setClosable(false));
        tabs.setId(idPrefix + "-detail-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        // Opening a record, or failing to, is the browser's placeholder; a failed reload is said beside the record.
        ErrorRow reloadError = ErrorRow.besideData(model.status(), model.recordProperty().isNotNull(), i18n);
        reloadError.setId(idPrefix + "-detail-error");
        VBox content = new VBox(10, head, subtitle, readOnly, actionRow, done, actionError, reloadError, tabs);
        content.visibleProperty().bind(model.recordProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        VBox.setVgrow(content, Priority.ALWAYS);
        root.getChildren().add(content);

        model.recordProperty().addListener((o, a, r) -> rebuild(r));
        model.busyProperty().addListener((o, a, b) -> rebuild(model.record()));
        browser.mayChangeProperty().addListener((o, a, b) -> rebuild(model.record()));
        model.findings().addListener((ListChangeListener<Finding>) c -> findingsTab.setText(findingsTitle()));
        model.findingsStateProperty().addListener((o, a, b) -> findingsTab.setText(findingsTitle()));
    }

    private String findingsTitle() {
        return model.findingsStateProperty().get() == LoadState.LOADED
                ? i18n.get("registrations.detail.findingsCount", model.findings().size())
                : i18n.get("registrations.detail.findings");
    }

    private void rebuild(T r) {
        actions.getChildren().clear();
        statusBox.getChildren().clear();
        if (r == null) {
            return;
        }
        title.setText(view.title(r));
        subtitle.setText(view.subtitle(r));
        subtitle.setVisible(!subtitle.getText().isBlank());
        subtitle.setManaged(subtitle.isVisible());
        statusBox.getChildren().setAll(Views.status(i18n, browser.kind().status(r)));
        details.setContent(withPadding(sds.below(view.details(r))));
        related.setContent(withPadding(view.related(model, go, create)));

        Button edit = new Button(i18n.get("registrations.detail.edit"), Icons.of(AppIcon.EDIT));
        edit.setId(idPrefix + "-edit");
        edit.setTooltip(new javafx.scene.control.Tooltip(i18n.get("registrations.detail.editHint")));
        edit.setDisable(!model.canEdit() || model.busyProperty().get());
        edit.setOnAction(e -> browser.startEdit());
        edit.getStyleClass().add("accent");
        actions.getChildren().add(edit);
        for (RegistrationAction action : model.actions()) {
            Button b = new Button(Labels.action(i18n, action), Icons.of(icon(action)));
            b.setId(idPrefix + "-action-" + action.code());
            b.setDisable(!model.mayChange() || model.busyProperty().get());
            if (action.isDestructive()) {
                b.getStyleClass().add("danger");
            }
            b.setOnAction(e -> confirm(action));
            actions.getChildren().add(b);
        }
        sds.driftButton(r).ifPresent(actions.getChildren()::add);
    }

    private static AppIcon icon(RegistrationAction a) {
        return switch (a) {
            case APPROVE -> AppIcon.APPROVED;
            case ACTIVATE, REINSTATE -> AppIcon.PLAY;
            case SUSPEND -> AppIcon.SUSPENDED;
            case RETIRE -> AppIcon.RETIRED;
        };
    }

    private void confirm(RegistrationAction action) {
        // From a plain event, not a layout pass: the dialog waits in a nested loop.
        Platform.runLater(() -> ConfirmDialog.ask(root.getScene().getWindow(), model.confirmation(action), i18n)
                .ifPresent(reason -> model.transition(action, reason)));
    }

    private Node findings() {
        FindingText words = new FindingText(i18n, time);
        ListView<Finding> list = new ListView<>(model.findings());
        list.setId(idPrefix + "-detail-findings");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label rule = new Label(Labels.rule(i18n, f.rule()));
                rule.getStyleClass().add("reg-finding-rule");
                Label message = new Label(words.message(f));
                message.setWrapText(true);
                message.maxWidthProperty().bind(list.widthProperty().subtract(40));
                HBox top = new HBox(8, Views.severity(i18n, f.severity()), rule);
                top.setAlignment(Pos.CENTER_LEFT);
                setGraphic(new VBox(2, top, message));
                setText(null);
            }
        });
        list.setPlaceholder(new Placeholder(model.findingsStatus(), i18n.get("registrations.detail.noFindings"), i18n));
        ErrorRow error = ErrorRow.besideData(model.findingsStatus(), Bindings.isNotEmpty(model.findings()), i18n);
        Button again = new Button(i18n.get("registrations.detail.checkAgain"), Icons.of(AppIcon.CHECKS));
        again.setOnAction(e -> model.loadFindings());
        again.disableProperty().bind(model.findingsStateProperty().isEqualTo(LoadState.LOADING));
        VBox box = new VBox(8, again, error, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private Node history() {
        ListView<AuditEntry> list = new ListView<>(model.history().items());
        list.setId(idPrefix + "-detail-history");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry e, boolean empty) {
                super.updateItem(e, empty);
                if (empty || e == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                if (getIndex() >= model.history().items().size() - 5 && model.history().hasMoreProperty().get()) {
                    Platform.runLater(model.history()::loadMore);
                }
                Label head = new Label(i18n.get("registrations.history.entry", time.dateTime(e.at()),
                        Labels.auditAction(i18n, e.action()), e.actor().name(), e.actor().role().code()));
                head.getStyleClass().add("reg-history-head");
                head.setGraphic(Icons.of(AppIcon.HISTORY));
                VBox box = new VBox(2, head);
                if (e.reason() != null && !e.reason().isBlank()) {
                    Label reason = new Label(i18n.get("registrations.history.reason", e.reason()));
                    reason.setWrapText(true);
                    reason.maxWidthProperty().bind(list.widthProperty().subtract(40));
                    box.getChildren().add(reason);
                }
                for (String line : AuditChanges.describe(i18n, time, e)) {
                    Label change = new Label(line);
                    change.getStyleClass().add("text-muted");
                    change.setWrapText(true);
                    change.maxWidthProperty().bind(list.widthProperty().subtract(40));
                    box.getChildren().add(change);
                }
                setGraphic(box);
                setText(null);
            }
        });
        list.setPlaceholder(new Placeholder(model.history().status(), i18n.get("registrations.history.none"), i18n));
        ErrorRow error = ErrorRow.besideData(model.history().status(), Bindings.isNotEmpty(model.history().items()), i18n);
        Label zone = Views.muted("");
        zone.textProperty().bind(Bindings.createStringBinding(() -> i18n.get("registrations.history.zone", time.zoneName()),
                time.zoneProperty()));
        VBox box = new VBox(8, zone, error, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private static Node withPadding(Node n) {
        StackPane p = new StackPane(n);
        p.setPadding(new Insets(8, 4, 8, 0));
        StackPane.setAlignment(n, Pos.TOP_LEFT);
        return p;
    }

    /** Shows one of the tabs: 0 details, 1 related, 2 findings, 3 history. */
    void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    Node node() {
        return root;
    }
}
