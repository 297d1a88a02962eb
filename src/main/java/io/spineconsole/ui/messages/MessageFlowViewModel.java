package io.spineconsole.ui.messages;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.messages.MessageFlowSummary;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.Debouncer;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Navigator;
import io.spineconsole.ui.common.SummaryViewModel;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.WorkspaceContext;
import io.spineconsole.ui.common.WorkspaceServices;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;
import java.util.UUID;

/**
 * The message flow workspace as a whole: which part is shown, the headline summary, and the parts —
 * search, live tail, failures, dead letters, redelivery jobs, charts and the message open — wired so
 * that each leads to the others (a pasted id opens its message, a failure group its messages, a chart
 * key its search). Understands the workspace's links:
 * {@code spine-console://messages/message/<id>}, {@code .../search?<filters>}, {@code .../failures},
 * {@code .../live}, {@code .../dead-letters}, {@code .../jobs}, {@code .../charts}, {@code .../health},
 * {@code .../alerts}.
 */
public final class MessageFlowViewModel {

    /** The parts of the workspace, one tab each. */
    public enum Tab { SEARCH, LIVE, FAILURES, DEAD_LETTERS, JOBS, CHARTS, HEALTH, ALERTS, MESSAGE }

    private final UiExecutor ui;
    private final I18n i18n;
    private final Navigator navigator;
    private final MessageText text;
    private final SummaryViewModel<MessageFlowSummary> summary;
    private final SearchViewModel search;
    private final MessageDetailViewModel detail;
    private final ReceiverViewModel receiver;
    private final LiveTailViewModel live;
    private final FailuresViewModel failures;
    private final DeadLettersViewModel deadLetters;
    private final JobsViewModel jobs;
    private final ChartsViewModel stats;
    private final HealthViewModel health;
    private final AlertsViewModel alerts;
    private final ExportViewModel export;
    private final ObjectProperty<Tab> tab = new SimpleObjectProperty<>(Tab.SEARCH);
    private final StringProperty linkProblem = new SimpleStringProperty("");
    private Tab beforeMessage = Tab.SEARCH;
    private WorkspaceContext context;

    /** @param debouncers make the pause after typing before a changed filter searches again */
    public MessageFlowViewModel(WorkspaceServices services, Debouncer.Factory debouncers) {
        this.ui = services.ui();
        this.i18n = services.i18n();
        this.navigator = services.navigator();
        this.text = new MessageText(i18n, services.time());
        this.summary = new SummaryViewModel<>(BackboneApi::messageFlowSummary,
                s -> MessageFlowWorkspace.tiles(s, i18n), ui, i18n);
        this.search = new SearchViewModel(ui, i18n, text, services.memory(), debouncers.create());
        this.detail = new MessageDetailViewModel(ui, i18n, text);
        this.receiver = new ReceiverViewModel(ui, i18n, text);
        this.live = new LiveTailViewModel(i18n);
        this.failures = new FailuresViewModel(ui, i18n, services.clock());
        this.deadLetters = new DeadLettersViewModel(ui, i18n, services.clock());
        this.jobs = new JobsViewModel(ui, i18n);
        this.stats = new ChartsViewModel(ui, i18n, services.clock());
        this.health = new HealthViewModel(ui, i18n, debouncers.create());
        health.onDrill((row, statuses, window) -> {
            search.searchReceiver(row.endpointId(), row.odsCode(), statuses, window);
            show(Tab.SEARCH);
        });
        this.alerts = new AlertsViewModel(ui, i18n, services.clock());
        alerts.onLinks(new AlertsViewModel.Links() {
            @Override
            public void health(String filter) {
                MessageFlowViewModel.this.health.filterProperty().set(filter);
                show(Tab.HEALTH);
            }

            @Override
            public void failures(UUID endpointId, String ods) {
                search.searchReceiver(endpointId, ods, java.util.List.copyOf(
                        io.spineconsole.domain.messages.MessageStatuses.FAILED), TimeRange.LAST_24_HOURS);
                show(Tab.SEARCH);
            }

            @Override
            public boolean open(ConsoleLink link) {
                return openLink(link);
            }
        });
        this.export = new ExportViewModel(ui, i18n, text);
        search.setNavigation(this::openMessage, this::openLink);
        detail.onNotFound(id -> {
            search.searchConversation(id);
            show(Tab.SEARCH);
        });
        tab.addListener((o, a, s) -> {
            if (s != Tab.MESSAGE) {
                beforeMessage = s;
            }
            loadTab(s);
        });
    }

    public void connect(WorkspaceContext newContext) {
        context = newContext;
        loadInteractionTitles();
        summary.connect(context.api());
        detail.connect(context);
        receiver.connect(context);
        jobs.connect(context);
        export.connect(context);
        failures.connect(context.api().messages());
        deadLetters.connect(context);
        stats.connect(context.api().messages());
        health.connect(context.api().messages());
        alerts.connect(context);
        live.connect(filter -> context.api().messages().stream(filter, LiveTailViewModel.STREAM_BUFFER));
        search.connect(context.api().messages(), context.profileId());
        if (tab.get() == Tab.MESSAGE) {
            show(Tab.SEARCH);
        } else {
            loadTab(tab.get());
        }
    }

    /**
     * The interaction catalogue's titles, to show beside interaction ids; without them (an older server,
     * a failed call) the ids are shown alone, as before.
     */
    private void loadInteractionTitles() {
        ui.deliver(context.api().registrations().interactions(null, null), list -> {
            java.util.Map<String, String> titles = new java.util.HashMap<>();
            for (var i : list.items()) {
                if (i.title() != null) {
                    titles.put(MessageText.shortInteraction(i.interactionId()), i.title());
                }
            }
            text.titlesProperty().set(java.util.Map.copyOf(titles));
        }, failure -> { });
    }

    /** F5 or the server back: reload what is shown, keeping every filter typed. */
    public void refresh() {
        summary.refresh();
        switch (tab.get()) {
            case SEARCH -> search.reload();
            case FAILURES -> failures.load();
            case DEAD_LETTERS -> deadLetters.load();
            case JOBS -> jobs.load();
            case CHARTS -> stats.load();
            case HEALTH -> health.load();
            case ALERTS -> alerts.load();
            case MESSAGE -> detail.refresh();
            case LIVE -> { }
        }
    }

    public void dispose() {
        summary.dispose();
        search.dispose();
        detail.dispose();
        receiver.dispose();
        live.stop();
        failures.dispose();
        deadLetters.dispose();
        jobs.dispose();
        stats.dispose();
        health.dispose();
        alerts.dispose();
        export.cancel();
    }

    public void show(Tab s) {
        tab.set(s);
    }

    private void loadTab(Tab s) {
        if (context == null) {
            return;
        }
        switch (s) {
            case FAILURES -> failures.loadIfNeeded();
            case DEAD_LETTERS -> deadLetters.loadIfNeeded();
            case JOBS -> jobs.loadIfNeeded();
            case CHARTS -> stats.loadIfNeeded();
            case HEALTH -> health.loadIfNeeded();
            case ALERTS -> alerts.loadIfNeeded();
            case LIVE -> {
                if (!live.runningProperty().get()) {
                    startLive();
                }
            }
            default -> { }
        }
    }

    /** (Re)opens the live stream with the filter chosen: the search's filters, or everything. */
    public void startLive() {
        if (context == null) {
            return;
        }
        boolean newOnly = live.newOnlyProperty().get();
        if (live.useSearchFilterProperty().get() && search.form().problem().isEmpty()) {
            live.start(search.form().streamFilter(newOnly), search.describe());
        } else {
            live.start(new io.spineconsole.domain.messages.StreamFilter(null, null, null, null, null, null, null, null,
                    newOnly), i18n.get("messages.describe.everything"));
        }
    }

    /** Opens one message in the message tab (the tab shown before is where Back goes). */
    public void openMessage(UUID id) {
        // The tab first (its id set, so the tab is enabled): a quick "no such message" then moves on from it.
        detail.requestedProperty().set(id);
        show(Tab.MESSAGE);
        detail.open(id);
    }

    /** Goes back from a message to where it was opened from. */
    public void back() {
        show(beforeMessage == Tab.MESSAGE ? Tab.SEARCH : beforeMessage);
    }

    /** Opens a link: this workspace's own here, any other through the navigator. */
    public boolean openLink(ConsoleLink link) {
        if (!link.workspace().equals("messages")) {
            boolean opened = navigator.open(link);
            linkProblem.set(opened ? "" : i18n.get("messages.link.notOpened", link.toString()));
            return opened;
        }
        return open(link);
    }

    /** Shows what a {@code spine-console://messages/...} link names; false when it names nothing here. */
    public boolean open(ConsoleLink link) {
        linkProblem.set("");
        String path = link.path();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("message/")) {
            String id = path.substring("message/".length());
            if (!SearchForm.isUuid(id)) {
                linkProblem.set(i18n.get("messages.link.badId", id));
                return false;
            }
            openMessage(UUID.fromString(id.strip()));
            return true;
        }
        switch (lower) {
            case "", "search" -> {
                if (!link.params().isEmpty() || lower.equals("search")) {
                    search.apply(link);
                }
                show(Tab.SEARCH);
                return true;
            }
            case "failures" -> {
                show(Tab.FAILURES);
                return true;
            }
            case "live" -> {
                show(Tab.LIVE);
                return true;
            }
            case "dead-letters" -> {
                show(Tab.DEAD_LETTERS);
                return true;
            }
            case "jobs" -> {
                show(Tab.JOBS);
                return true;
            }
            case "charts" -> {
                show(Tab.CHARTS);
                return true;
            }
            case "health" -> {
                show(Tab.HEALTH);
                return true;
            }
            case "alerts" -> {
                show(Tab.ALERTS);
                alerts.load(); // from the band or a notice: what is open now
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The link to what is shown now (the search, the message, or the tab). */
    public ConsoleLink currentLink() {
        return switch (tab.get()) {
            case SEARCH -> search.toLink();
            case MESSAGE -> detail.link().orElse(search.toLink());
            case LIVE -> ConsoleLink.of("messages", "live");
            case FAILURES -> ConsoleLink.of("messages", "failures");
            case DEAD_LETTERS -> ConsoleLink.of("messages", "dead-letters");
            case JOBS -> ConsoleLink.of("messages", "jobs");
            case CHARTS -> ConsoleLink.of("messages", "charts");
            case HEALTH -> ConsoleLink.of("messages", "health");
            case ALERTS -> ConsoleLink.of("messages", "alerts");
        };
    }

    public WorkspaceContext context() {
        return context;
    }

    public ObjectProperty<Tab> tabProperty() {
        return tab;
    }

    /** Why the last link could not be opened, or "". */
    public StringProperty linkProblemProperty() {
        return linkProblem;
    }

    public SummaryViewModel<MessageFlowSummary> summary() {
        return summary;
    }

    public SearchViewModel search() {
        return search;
    }

    /** The endpoint of the message open, read from the directory. */
    public ReceiverViewModel receiver() {
        return receiver;
    }

    public MessageDetailViewModel detail() {
        return detail;
    }

    public LiveTailViewModel live() {
        return live;
    }

    public FailuresViewModel failures() {
        return failures;
    }

    public DeadLettersViewModel deadLetters() {
        return deadLetters;
    }

    public JobsViewModel jobs() {
        return jobs;
    }

    public ChartsViewModel stats() {
        return stats;
    }

    public HealthViewModel health() {
        return health;
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    public ExportViewModel export() {
        return export;
    }

    MessageText text() {
        return text;
    }
}
