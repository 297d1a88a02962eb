package io.spineconsole.ui.messages;

import io.spineconsole.api.ApiException;
import io.spineconsole.api.MessagesApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.messages.RedeliveryItemOutcome;
import io.spineconsole.domain.messages.RedeliveryJob;
import io.spineconsole.domain.messages.RedeliveryJobItem;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.PagedList;
import io.spineconsole.ui.common.UiExecutor;
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
 * read what it did with each message, cancel it. The view polls {@link #poll()} every second or so;
 * a poll only asks about jobs that are still queued or running.
 */
public final class JobsViewModel {
    private final UiExecutor ui;
    private final I18n i18n;
    private final PagedList<RedeliveryJob> jobs;
    private final PagedList<RedeliveryJobItem> items;
    private final ObjectProperty<RedeliveryJob> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<RedeliveryItemOutcome> outcome = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty mayRun = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty errorDetail = new SimpleStringProperty("");
    private WorkspaceContext context;
    private CompletableFuture<RedeliveryJob> polling;
    private boolean loaded;

    public JobsViewModel(UiExecutor ui, I18n i18n) {
        this.ui = ui;
        this.i18n = i18n;
        this.jobs = new PagedList<>(ui, i18n);
        this.items = new PagedList<>(ui, i18n);
    }

    public void connect(WorkspaceContext newContext) {
        dispose();
        jobs.clear();
        items.clear();
        selected.set(null);
        context = newContext;
        mayRun.set(context.may(Role.OPERATOR));
        loaded = false;
        error.set("");
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
        ui.deliver(api().redeliveryJob(id), job -> {
            if (jobs.items().stream().noneMatch(j -> j.id().equals(job.id()))) {
                jobs.items().add(0, job);
            }
            select(job);
        }, failure -> {
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
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
        busy.set(true);
        error.set("");
        ui.deliver(api().createRedeliveryJob(form.toRequest()), job -> {
            busy.set(false);
            loaded = true;
            jobs.items().removeIf(j -> j.id().equals(job.id()));
            jobs.items().add(0, job);
            select(job);
            done.accept(job);
        }, failure -> {
            busy.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null) {
                form.showServerErrors(api);
            }
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
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
        RedeliveryJob job = selected.get();
        if (context == null || job == null || job.progress().state().isTerminal()
                || (polling != null && !polling.isDone())) {
            return;
        }
        polling = ui.deliver(api().redeliveryJob(job.id()), fresh -> {
            replace(fresh);
            if (fresh.progress().state().isTerminal() || fresh.progress().done() != job.progress().done()) {
                loadItems();
            }
        }, failure -> {
            error.set(ErrorText.sentence(i18n, failure));
            errorDetail.set(ErrorText.detail(failure));
        });
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
        if (polling != null) {
            polling.cancel(true);
        }
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

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty errorDetailProperty() {
        return errorDetail;
    }
}
