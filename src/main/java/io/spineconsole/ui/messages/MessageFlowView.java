package io.spineconsole.ui.messages;

import io.spineconsole.domain.messages.MessageStatus;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.DeadLetter;
import io.spineconsole.domain.messages.FailureGroup;
import io.spineconsole.domain.messages.MessageSearch;
import io.spineconsole.domain.messages.MessageStatuses;
import io.spineconsole.domain.messages.MessageSummary;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConfirmDialog;
import io.spineconsole.ui.common.Confirmation;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.Showcase;
import io.spineconsole.ui.common.SummaryView;
import io.spineconsole.ui.common.WorkspaceAction;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import io.spineconsole.ui.common.WorkspaceView;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The message flow workspace on screen: the live headline tiles, then one tab per part — search, live
 * tail, failures, dead letters, redelivery jobs, charts — and a tab for the message open. The tab
 * shown follows the view model, so links, failure groups and pasted ids can move the user around.
 */
final class MessageFlowView implements WorkspaceView {
    private static final Duration SUMMARY_EVERY = Duration.seconds(10);
    private final MessageFlowViewModel model;
    private final I18n i18n;
    private final BorderPane node = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final List<WorkspaceAction> actions = new ArrayList<>();
    private final Map<MessageFlowViewModel.Tab, Tab> tabById = new EnumMap<>(MessageFlowViewModel.Tab.class);
    private final SearchView search;
    private final LiveTailView live;
    private final MessageDetailView detail;
    private final FailuresView failures;
    private final DeadLettersView deadLetters;
    private final JobsView jobs;
    private final ChartsView charts;
    private final HealthView health;
    private final AlertsView alerts;
    private final Timeline summaryRefresh;
    private final Label roleNote = new Label();

    MessageFlowView(WorkspaceServices services, Debouncer.Factory debouncers) {
        this.model = new MessageFlowViewModel(services, debouncers);
        this.i18n = services.i18n();
        node.setId("messages-workspace");
        node.getStyleClass().add("messages-workspace");

        search = new SearchView(model, new SearchView.Actions() {
            @Override
            public void copyLink(String link) {
                ErrorRow.copyToClipboard(link);
            }

            @Override
            public void export() {
                MessageFlowView.this.export();
            }

            @Override
            public void redeliverSelected(List<MessageSummary> selected) {
                redeliverMessages(selected.stream().map(MessageSummary::messageId).toList(),
                        i18n.get("messages.job.scopeSelected", selected.size()));
            }

            @Override
            public void redeliverAllMatching() {
                MessageFlowView.this.redeliverAllMatching();
            }

            @Override
            public String askName(String title, String header) {
                TextInputDialog d = new TextInputDialog();
                d.initOwner(window());
                d.setTitle(title);
                d.setHeaderText(header);
                d.getEditor().setId("messages-save-name");
                return d.showAndWait().filter(s -> !s.isBlank()).orElse(null);
            }
        });
        live = new LiveTailView(model);
        detail = new MessageDetailView(model, new MessageDetailView.Actions() {
            @Override
            public void copy(String text) {
                ErrorRow.copyToClipboard(text);
            }

            @Override
            public void redeliver() {
                redeliverOne();
            }

            @Override
            public void openJob(UUID jobId) {
                model.jobs().openJob(jobId);
                model.show(MessageFlowViewModel.Tab.JOBS);
            }
        });
        failures = new FailuresView(model, this::redeliverGroup);
        deadLetters = new DeadLettersView(model, this::redeliverDeadLetters);
        jobs = new JobsView(model, this::askCancelReason, this::askRunReason);
        charts = new ChartsView(model);
        health = new HealthView(model);
        alerts = new AlertsView(model);

        tab(MessageFlowViewModel.Tab.SEARCH, i18n.get("messages.tab.search"), AppIcon.SEARCH, search);
        tab(MessageFlowViewModel.Tab.LIVE, i18n.get("messages.tab.live"), AppIcon.PLAY, live);
        tab(MessageFlowViewModel.Tab.HEALTH, i18n.get("messages.tab.health"), AppIcon.HEALTH, health);
        tab(MessageFlowViewModel.Tab.ALERTS, i18n.get("messages.tab.alerts"), AppIcon.ALERT, alerts);
        tab(MessageFlowViewModel.Tab.FAILURES, i18n.get("messages.tab.failures"), AppIcon.STATUS_FAILED, failures);
        tab(MessageFlowViewModel.Tab.DEAD_LETTERS, i18n.get("messages.tab.deadLetters"), AppIcon.DEAD_LETTER, deadLetters);
        tab(MessageFlowViewModel.Tab.JOBS, i18n.get("messages.tab.jobs"), AppIcon.JOBS, jobs);
        tab(MessageFlowViewModel.Tab.CHARTS, i18n.get("messages.tab.charts"), AppIcon.CHART, charts);
        tab(MessageFlowViewModel.Tab.MESSAGE, i18n.get("messages.tab.message"), AppIcon.TIMELINE, detail);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("messages-tabs");
        tabs.getStyleClass().add("messages-tabs");
        tabById.get(MessageFlowViewModel.Tab.MESSAGE).disableProperty()
                .bind(model.detail().requestedProperty().isNull());
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> tabById.forEach((s, tab) -> {
            if (tab == t && model.tabProperty().get() != s) {
                model.show(s);
            }
        }));
        model.tabProperty().addListener((o, a, s) -> {
            tabs.getSelectionModel().select(tabById.get(s));
            alerts.following(s == MessageFlowViewModel.Tab.ALERTS);
        });
        tabs.getSelectionModel().select(tabById.get(model.tabProperty().get()));

        node.setTop(header());
        node.setCenter(tabs);

        summaryRefresh = new Timeline(new KeyFrame(SUMMARY_EVERY, e -> model.summary().refresh()));
        summaryRefresh.setCycleCount(Timeline.INDEFINITE);

        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                model.show(MessageFlowViewModel.Tab.SEARCH);
                Node find = node.lookup("#messages-find");
                if (find != null) {
                    find.requestFocus();
                }
                e.consume();
            } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT
                    && model.tabProperty().get() == MessageFlowViewModel.Tab.MESSAGE) {
                model.back();
                e.consume();
            }
        });
    }

    private void tab(MessageFlowViewModel.Tab section, String title, AppIcon icon, Node content) {
        Tab t = new Tab(title, content);
        t.setGraphic(Icons.of(icon));
        t.setId("messages-tab-" + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        tabs.getTabs().add(t);
        tabById.put(section, t);
        if (section != MessageFlowViewModel.Tab.MESSAGE) { // that one needs a message chosen first
            actions.add(new WorkspaceAction(title, () -> model.show(section)));
        }
    }

    @Override
    public List<WorkspaceAction> actions() {
        return List.copyOf(actions);
    }

    private Node header() {
        SummaryView summary = new SummaryView(model.summary(), i18n);
        summary.getStyleClass().add("messages-summary");
        // The tiles in one row: a strip over the tabs, not a page of their own.
        if (summary.lookup(".tiles") instanceof javafx.scene.layout.FlowPane tiles) {
            tiles.setPrefWrapLength(4 * 177);
        }
        roleNote.getStyleClass().add("role-note");
        roleNote.setGraphic(Icons.of(AppIcon.UNAUTHORISED));
        roleNote.setWrapText(true);
        roleNote.managedProperty().bind(roleNote.visibleProperty());
        roleNote.setVisible(false);
        Label linkProblem = Views.bound(model.linkProblemProperty(), "error-text");
        Label intro = Views.label(i18n.get("messages.intro"), "workspace-intro");
        intro.setWrapText(true);
        VBox notes = new VBox(6, intro, roleNote);
        notes.setMaxWidth(360);
        HBox.setHgrow(notes, javafx.scene.layout.Priority.ALWAYS);
        HBox top = new HBox(16, summary, notes);
        top.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, linkProblem);
        box.setPadding(new Insets(10, 12, 4, 12));
        box.getStyleClass().add("messages-header");
        return box;
    }

    // ---- actions that need the window ---------------------------------------------------------------------------

    private Window window() {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    private void export() {
        MessageSearch s = model.search().lastSearchProperty().get();
        if (s == null) {
            return;
        }
        Optional<Path> file = ExportDialog.ask(window(), model.export(), model.search().describe(), i18n);
        file.ifPresent(f -> model.export().start(s, f));
    }

    private void redeliverOne() {
        MessageDetailViewModel d = model.detail();
        if (d.detailProperty().get() == null) {
            return;
        }
        // Names the message, warns about the receiver, and asks for a second copy in so many words.
        RedeliveryAction r = d.redelivery();
        Confirmation c = r.confirmation();
        boolean force = r.needsForce();
        ConfirmDialog.ask(window(), c, i18n).ifPresent(reason -> r.redeliver(reason, force, copy -> { }));
    }

    private void redeliverMessages(List<UUID> ids, String scope) {
        if (ids.isEmpty()) {
            return;
        }
        String text = ids.size() > JobForm.MAX_IDS ? scope + " " + i18n.get("messages.job.firstThousand", JobForm.MAX_IDS) : scope;
        startJob(JobForm.forMessages(ids, text, i18n));
    }

    private void redeliverAllMatching() {
        Optional<io.spineconsole.domain.messages.MessageFilter> filter = model.search().redeliveryFilter();
        if (filter.isEmpty()) {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                    javafx.scene.control.Alert.AlertType.INFORMATION, i18n.get("messages.job.nothingRedeliverable"));
            alert.initOwner(window());
            alert.setHeaderText(i18n.get("messages.job.title"));
            alert.showAndWait();
            return;
        }
        long about = model.search().results().approximateTotalProperty().get();
        startJob(JobForm.forFilter(filter.get(), i18n.get("messages.job.scopeSearch",
                model.text().count(about), model.search().describe()), i18n));
    }

    private void redeliverGroup(FailureGroup g) {
        startJob(JobForm.forFilter(model.failures().redeliveryFilter(g), i18n.get("messages.job.scopeGroup",
                model.text().count(g.count()), model.text().status(g.status()), g.code() == null ? "" : g.code(),
                MessageText.shortInteraction(g.interaction())), i18n));
    }

    private void redeliverDeadLetters(List<DeadLetter> letters) {
        redeliverMessages(letters.stream().map(d -> d.message().messageId()).toList(),
                i18n.get("messages.job.scopeDeadLetters", letters.size()));
    }

    private void startJob(JobForm form) {
        Optional<RedeliveryJob> job = JobDialog.show(window(), form, model.jobs(), model.context(), i18n);
        job.ifPresent(j -> model.show(MessageFlowViewModel.Tab.JOBS));
    }

    /** Before a dry run is run for real: what it would send, on which environment, and why (audited). */
    private String askRunReason(RedeliveryJob dry) {
        Confirmation c = Confirmation.of(model.context(), i18n.get("messages.jobs.runForRealTitle"),
                i18n.get("messages.jobs.runForRealMessage", model.text().count(dry.progress().total()
                        - dry.progress().skipped() - dry.progress().failed()), model.context().environmentName(),
                        model.context().principal().name()),
                i18n.get("messages.jobs.runForReal"), true, true).withDraftReason(dry.reason());
        return ConfirmDialog.ask(window(), c, i18n).orElse(null);
    }

    private String askCancelReason() {
        Confirmation c = Confirmation.of(model.context(), i18n.get("messages.jobs.cancelTitle"),
                i18n.get("messages.jobs.cancelMessage"), i18n.get("messages.jobs.cancel"), false, false);
        return ConfirmDialog.ask(window(), c, i18n).orElse(null);
    }

    // ---- WorkspaceView ------------------------------------------------------------------------------------------

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void connect(WorkspaceContext context) {
        model.connect(context);
        alerts.connected();
        alerts.following(model.tabProperty().get() == MessageFlowViewModel.Tab.ALERTS);
        boolean operator = context.may(Role.OPERATOR);
        roleNote.setText(operator ? "" : i18n.get("messages.roleNote", i18n.get("role." + context.principal().role().code())));
        roleNote.setVisible(!operator);
        summaryRefresh.play();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void dispose() {
        summaryRefresh.stop();
        search.dispose();
        live.dispose();
        jobs.dispose();
        alerts.dispose();
        model.dispose();
    }

    @Override
    public boolean open(ConsoleLink link) {
        return model.open(link);
    }

    MessageFlowViewModel model() {
        return model;
    }

    @Override
    public List<Showcase> showcases() {
        return List.of(
                new Showcase("detail", () -> {
                    MessageSummary failed = firstFailed();
                    if (failed != null) {
                        model.openMessage(failed.messageId());
                    }
                }, () -> model.detail().status().state() == LoadState.LOADED
                        && loadPayloadOnce()
                        && model.detail().payloadStatus().state() == LoadState.LOADED,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("live", () -> model.show(MessageFlowViewModel.Tab.LIVE),
                        () -> model.live().rows().size() > 20 && model.live().rateProperty().get() > 0
                                && model.live().stateProperty().get() == io.spineconsole.api.LiveStream.State.OPEN, () -> {
                            model.live().stop();
                            model.show(MessageFlowViewModel.Tab.SEARCH);
                        }),
                new Showcase("failures", () -> model.show(MessageFlowViewModel.Tab.FAILURES),
                        () -> model.failures().groups().stateProperty().get() != LoadState.LOADING
                                && model.failures().groups().stateProperty().get() != LoadState.IDLE,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("dead-letters", () -> model.show(MessageFlowViewModel.Tab.DEAD_LETTERS),
                        () -> model.deadLetters().letters().stateProperty().get() != LoadState.LOADING
                                && model.deadLetters().letters().stateProperty().get() != LoadState.IDLE,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("dead-letter-groups", () -> {
                    model.deadLetters().groupedProperty().set(true);
                    model.show(MessageFlowViewModel.Tab.DEAD_LETTERS);
                }, () -> !model.deadLetters().groups().isEmpty(), () -> {
                    model.deadLetters().groupedProperty().set(false);
                    model.show(MessageFlowViewModel.Tab.SEARCH);
                }),
                new Showcase("health", () -> model.show(MessageFlowViewModel.Tab.HEALTH),
                        () -> model.health().rows().status().state() == LoadState.LOADED
                                || model.health().rows().status().state() == LoadState.FAILED,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("alerts", () -> model.show(MessageFlowViewModel.Tab.ALERTS), this::alertsShown,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("charts", () -> model.show(MessageFlowViewModel.Tab.CHARTS),
                        () -> model.stats().status().state() == LoadState.LOADED
                                || model.stats().status().state() == LoadState.FAILED,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)),
                new Showcase("redeliver", () -> {
                    List<MessageSummary> failed = model.search().results().items().stream()
                            .filter(m -> MessageStatuses.isRedeliverable(m.status())).limit(12).toList();
                    if (failed.isEmpty()) {
                        return;
                    }
                    JobForm form = JobForm.forMessages(failed.stream().map(MessageSummary::messageId).toList(),
                            i18n.get("messages.job.scopeSelected", failed.size()), i18n);
                    form.reason().valueProperty().set(i18n.get("messages.showcase.reason"));
                    JobDialog.show(window(), form, model.jobs(), model.context(), i18n);
                }, () -> Window.getWindows().stream().anyMatch(w -> w.isShowing() && w != window())),
                new Showcase("redelivery-job", () -> {
                    List<MessageSummary> failed = model.search().results().items().stream()
                            .filter(m -> MessageStatuses.isRedeliverable(m.status())).limit(5).toList();
                    if (failed.isEmpty()) {
                        return;
                    }
                    JobForm form = JobForm.forMessages(failed.stream().map(MessageSummary::messageId).toList(),
                            i18n.get("messages.job.scopeSelected", failed.size()), i18n);
                    form.reason().valueProperty().set(i18n.get("messages.showcase.reason"));
                    model.jobs().create(form, j -> model.show(MessageFlowViewModel.Tab.JOBS));
                }, () -> model.tabProperty().get() == MessageFlowViewModel.Tab.JOBS
                        && model.jobs().items().stateProperty().get() == LoadState.LOADED,
                        () -> model.show(MessageFlowViewModel.Tab.SEARCH)));
    }

    /** The alerts have answered; the newest is chosen so that its detail shows. */
    private boolean alertsShown() {
        AlertsViewModel a = model.alerts();
        LoadState state = a.alerts().status().state();
        if (state == LoadState.LOADED && a.selectedProperty().get() == null) {
            a.selectedProperty().set(a.alerts().items().get(0));
        }
        return state == LoadState.LOADED || state == LoadState.EMPTY || state == LoadState.FAILED;
    }

    private boolean payloadAsked;

    private boolean loadPayloadOnce() {
        if (!payloadAsked) {
            payloadAsked = true;
            model.detail().loadPayload();
        }
        return true;
    }

    private MessageSummary firstFailed() {
        return model.search().results().items().stream()
                .filter(m -> m.status() == MessageStatus.RETRYING || MessageStatuses.isFailed(m.status()))
                .filter(m -> m.status() != MessageStatus.EXPIRED)
                .findFirst().orElse(model.search().results().items().isEmpty() ? null
                        : model.search().results().items().get(0));
    }
}
