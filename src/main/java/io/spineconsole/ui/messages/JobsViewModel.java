package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.Intent;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobCreate;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
import io.spineconsole.ui.common.UnsentReasons;
import io.spineconsole.ui.common.WorkspaceContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Bulk redelivery jobs on the server: start one (dry run, throttle, cap, reason), follow its progress,
 * read what it did with each message, cancel it. Three loads: the list of jobs and the chosen job's
 * items (each a {@link PagedList}), and the chosen job itself ({@link #jobStatus()}: opened by id, or
 * followed while it runs). The view polls {@link #poll()} every second or so; a poll only asks about a
 * job that is still queued or running, and not while the last poll is unanswered. Starting and
 * cancelling a job are actions: their refusal is in {@link #errorProperty()}. Starting one is one intent
 * however often it is sent: sent again with the same settings and reason (after no answer came, or a
 * refusal), it goes with the same Idempotency-Key, so the server starts it at most once.
 */
public final class JobsViewModel {
    private final UiExecutor ui;
    private final I18n i18n;
    private final PagedList<RedeliveryJob> jobs;
    private final PagedList<RedeliveryJobItem> items;
    private final LatestLoad jobLoad;
    private final ObjectProperty<RedeliveryJob> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RedeliveryItemOutcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty mayRun = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private final BooleanProperty outcomeUnknown = new SimpleBooleanProperty();
    private final UnsentReasons intents = new UnsentReasons();
    private WorkspaceContext context;
    private CompletableFuture<RedeliveryJob> polling;
    private UUID lastOpened;
    private boolean loaded;

    public JobsViewModel(UiExecutor ui, I18n i18n) {
        this.ui = ui;
        this.i18n = i18n;
        this.jobs = new PagedList<>(ui, i18n);
        this.items = new PagedList<>(ui, i18n);
        this.jobLoad = new LatestLoad(ui, i18n, () -> selected.get() != null);
        jobLoad.onRetry(this::reloadJob);
    }

    public void connect(WorkspaceContext newContext) {
        dispose();
        jobs.clear();
        items.clear();
        jobLoad.clear();
        selected.set(null);
        lastOpened = null;
        context = newContext;
        mayRun.set(context.may(Role.OPERATOR));
        loaded = false;
        error.set("");
        errorDetail.set("");
    }

    public void load() {
        if (context == null) {
            return;
        }
        loaded = true;
        MessagesApi calls = api();
        jobs.load(cursor -> calls.redeliveryJobs(List.of(), 50, cursor));
    }

    void loadIfNeeded() {
        if (!loaded) {
            load();
        }
    }

    /** Shows one job (a message's link to the job that redelivered it). */
    public void openJob(UUID id) {
        if (context == null) {
            return;
        }
        loadIfNeeded();
        lastOpened = id;
        jobLoad.start(api().redeliveryJob(id), opened -> {
            if (jobs.items().stream().noneMatch(j -> j.id().equals(opened.id()))) {
                jobs.items().add(0, opened);
            }
            select(opened);
        }, opened -> false);
    }

    /** Retry: the job chosen, or the one last opened by id. */
    private void reloadJob() {
        if (selected.get() != null) {
            refreshSelected();
        } else if (lastOpened != null) {
            openJob(lastOpened);
        }
    }

    public void select(RedeliveryJob job) {
        selected.set(job);
        loadItems();
    }

    public void loadItems() {
        RedeliveryJob job = selected.get();
        if (job == null || context == null) {
            items.clear();
            return;
        }
        MessagesApi calls = api();
        UUID id = job.id();
        RedeliveryItemOutcome filter = outcome.get();
        items.load(cursor -> calls.redeliveryJobItems(id, filter, 100, cursor));
    }

    /**
     * Starts a job. {@code done} gets the job (a dry run is already complete); a refusal shows its
     * field errors on the form, which keeps what was typed.
     */
    public void create(JobForm form, Consumer<RedeliveryJob> done) {
        if (context == null || busy.get() || !form.isValid()) {
            return;
        }
        send(form.toRequest(), form::showServerErrors, done);
    }

    /**
     * Runs the selected finished dry run for real, on the same selection (once: the server refuses a
     * second real run of one dry run, and a resend of this one is the same intent).
     */
    public void runForReal(String reason, Consumer<RedeliveryJob> done) {
        RedeliveryJob dry = selected.get();
        if (context == null || busy.get() || dry == null || !dry.canRunForReal() || !mayRun.get()) {
            return;
        }
        send(RedeliveryJobCreate.forReal(dry, reason), api -> { }, done);
    }

    /** True when the selected job is a finished dry run the user may run for real. */
    public boolean canRunSelectedForReal() {
        RedeliveryJob j = selected.get();
        return j != null && j.canRunForReal() && mayRun.get() && !busy.get();
    }

    private void send(RedeliveryJobCreate request, Consumer<ApiException> refused, Consumer<RedeliveryJob> done) {
        String action = action(request);
        Intent intent = intents.intent(action, request.reason());
        busy.set(true);
        error.set("");
        errorDetail.set("");
        ui.deliver(api().createRedeliveryJob(request, intent), job -> {
            busy.set(false);
            intents.sent(action);
            outcomeUnknown.set(false);
            loaded = true;
            jobs.items().removeIf(j -> j.id().equals(job.id()) || (request.fromDryRun() != null
                    && j.id().equals(request.fromDryRun())));
            if (request.fromDryRun() != null) {
                load(); // the dry run now names its real run
            }
            jobs.items().add(0, job);
            select(job);
            done.accept(job);
        }, failure -> {
            busy.set(false);
            ApiException api = ApiException.unwrap(failure);
            boolean unknown = api != null && api.outcomeUnknown();
            outcomeUnknown.set(unknown);
            if (api != null && !unknown) {
                refused.accept(api);
            }
            // No answer: it may have started. The same settings sent again are the same intent.
            error.set(unknown ? i18n.get("messages.jobs.outcomeUnknown") : ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
    }

    /** What makes two job starts the same request, whatever the reason typed (the reason is compared apart). */
    private static String action(RedeliveryJobCreate r) {
        return "job " + new RedeliveryJobCreate(r.messageIds(), r.filter(), null, r.dryRun(), r.ratePerSecond(),
                r.maxMessages(), r.fromDryRun());
    }

    /** Cancels the selected job (operator); the messages already redelivered stay redelivered. */
    public void cancel(String reason) {
        RedeliveryJob job = selected.get();
        if (job == null || context == null || busy.get() || job.progress().state().isTerminal()) {
            return;
        }
        busy.set(true);
        ui.deliver(api().cancelRedeliveryJob(job.id(), reason == null || reason.isBlank() ? null : reason), j -> {
            busy.set(false);
            replace(j);
            loadItems();
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
    }

    /** Asks for the selected job's progress if it is still going; its items are read again when it ends. */
    public void poll() {
        RedeliveryJob shown = selected.get();
        if (context == null || shown == null || shown.progress().state().isTerminal()
                || (polling != null && !polling.isDone())) {
            return;
        }
        refreshSelected();
    }

    private void refreshSelected() {
        RedeliveryJob shown = selected.get();
        if (context == null || shown == null) {
            return;
        }
        polling = api().redeliveryJob(shown.id());
        jobLoad.start(polling, fresh -> {
            replace(fresh);
            if (fresh.progress().state().isTerminal() || fresh.progress().done() != shown.progress().done()) {
                loadItems();
            }
        }, fresh -> false);
    }

    /** True while the selected job is still queued or running (the view polls). */
    public boolean isFollowing() {
        RedeliveryJob job = selected.get();
        return job != null && !job.progress().state().isTerminal();
    }

    private void replace(RedeliveryJob fresh) {
        var list = jobs.items();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(fresh.id())) {
                list.set(i, fresh);
                break;
            }
        }
        if (selected.get() != null && selected.get().id().equals(fresh.id())) {
            selected.set(fresh);
        }
        error.set("");
    }

    public void dispose() {
        jobs.cancel();
        items.cancel();
        jobLoad.cancel();
        busy.set(false);
    }

    private MessagesApi api() {
        return context.api().messages();
    }

    public PagedList<RedeliveryJob> jobs() {
        return jobs;
    }

    public PagedList<RedeliveryJobItem> items() {
        return items;
    }

    /** Where loading the chosen job stands (opened by id, or followed while it runs); Retry asks again. */
    public LoadStatus jobStatus() {
        return jobLoad.status();
    }

    public ObjectProperty<RedeliveryJob> selectedProperty() {
        return selected;
    }

    public ObjectProperty<RedeliveryItemOutcome> outcomeProperty() {
        return outcome;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty mayRunProperty() {
        return mayRun;
    }

    /** True after a start that got no answer: it may have started; sending it again is safe. */
    public BooleanProperty outcomeUnknownProperty() {
        return outcomeUnknown;
    }

    /** Why the last start or cancel did not go through, in a sentence, or "". */
    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty errorDetailProperty() {
        return errorDetail;
    }
}
