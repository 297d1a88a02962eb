package io.spineconsole.ui.migration;

import io.spineconsole.api.ApiException;
import io.spineconsole.domain.audit.AuditEntry;
import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.Runbook;
import io.spineconsole.domain.migration.RunbookStep;
import io.spineconsole.domain.migration.RunbookStepPatch;
import io.spineconsole.domain.migration.RunbookStepStatus;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadState;
import io.spineconsole.ui.common.LoadStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.CompletableFuture;

/**
 * One component in full: its record, runbook and audit history (who moved it, when and why). The
 * runbook's steps can be progressed (operator); the history pages back in time on request.
 */
public final class ComponentDetailViewModel {
    static final int HISTORY_PAGE = 25;
    private final MigrationViewModel root;
    private final LatestLoad load;
    private final io.spineconsole.ui.common.I18n i18n;
    private final StringProperty code = new SimpleStringProperty();
    private final ObjectProperty<Component> component = new SimpleObjectProperty<>();
    private final ObservableList<RunbookStep> runbook = FXCollections.observableArrayList();
    private final ObservableList<AuditEntry> history = FXCollections.observableArrayList();
    private final BooleanProperty historyHasMore = new SimpleBooleanProperty();
    private final StringProperty stepError = new SimpleStringProperty("");
    private final BooleanProperty saving = new SimpleBooleanProperty();
    private String historyCursor;
    private CompletableFuture<?> moreHistory;

    ComponentDetailViewModel(MigrationViewModel root) {
        this.root = root;
        this.load = new LatestLoad(root.ui(), root.i18n(), () -> component.get() != null);
        load.onRetry(this::reload);
        this.i18n = root.i18n();
    }

    /** Shows {@code componentCode}; null closes the detail. */
    public void select(String componentCode) {
        if (componentCode == null) {
            cancelMoreHistory();
            load.clear();
            code.set(null);
            component.set(null);
            runbook.clear();
            history.clear();
            return;
        }
        boolean other = !componentCode.equals(code.get());
        code.set(componentCode);
        if (other) {
            component.set(null);
            runbook.clear();
            history.clear();
            stepError.set("");
        }
        reload();
    }

    void reloadIf(String changed) {
        if (changed.equals(code.get())) {
            reload();
        }
    }

    public void reload() {
        String c = code.get();
        if (c == null || !root.connected()) {
            return;
        }
        cancelMoreHistory();
        var api = root.api();
        record Detail(Component component, Runbook runbook, io.spineconsole.api.Page<AuditEntry> history) {
        }
        CompletableFuture<Detail> all = api.getComponent(c).thenCombine(api.getRunbook(c), (comp, rb) -> new Object[] {comp, rb})
                .thenCombine(root.backbone().audit().componentHistory(c, null, HISTORY_PAGE, null),
                        (pair, h) -> new Detail((Component) pair[0], (Runbook) pair[1], h));
        load.start(all, d -> {
            component.set(d.component());
            runbook.setAll(d.runbook().items());
            history.setAll(d.history().items());
            historyCursor = d.history().nextCursor();
            historyHasMore.set(d.history().hasMore());
        }, d -> false);
    }

    /** The next page of history, further back in time. */
    public void loadMoreHistory() {
        String c = code.get();
        if (c == null || historyCursor == null || (moreHistory != null && !moreHistory.isDone())) {
            return;
        }
        long mine = load.generation();
        moreHistory = root.ui().deliver(root.backbone().audit().componentHistory(c, null, HISTORY_PAGE, historyCursor),
                page -> {
                    if (!load.isCurrent(mine)) {
                        return;
                    }
                    history.addAll(page.items());
                    historyCursor = page.nextCursor();
                    historyHasMore.set(page.hasMore());
                }, load::failedAlongside);
    }

    /**
     * Moves a runbook step on (operator), with the evidence that proves it (a change record, a
     * report), which the audit trail keeps. Required steps gate the component's next state.
     */
    public CompletableFuture<RunbookStep> setStepStatus(RunbookStep step, RunbookStepStatus status, String evidence) {
        stepError.set("");
        saving.set(true);
        CompletableFuture<RunbookStep> call = root.api().updateRunbookStep(step.componentCode(), step.id(),
                new RunbookStepPatch(null, null, null, null, null, status, evidence, null), step.version());
        root.ui().deliver(call, updated -> {
            saving.set(false);
            for (int i = 0; i < runbook.size(); i++) {
                if (runbook.get(i).id() == updated.id()) {
                    runbook.set(i, updated);
                }
            }
            root.changed(step.componentCode());
        }, failure -> {
            saving.set(false);
            ApiException api = ApiException.unwrap(failure);
            if (api != null && api.isStale()) {
                stepError.set(i18n.get("migration.runbook.stale"));
                reload();
            } else if (api != null && !api.fieldErrors().isEmpty()) {
                stepError.set(api.fieldErrors().get(0).message());
            } else {
                stepError.set(ErrorText.sentence(root.i18n(), failure));
            }
        });
        return call;
    }

    public void cancel() {
        load.cancel();
        cancelMoreHistory();
    }

    private void cancelMoreHistory() {
        if (moreHistory != null) {
            moreHistory.cancel(true);
            moreHistory = null;
        }
    }

    public ReadOnlyStringProperty codeProperty() {
        return code;
    }

    public ReadOnlyObjectProperty<Component> componentProperty() {
        return component;
    }

    public ObservableList<RunbookStep> runbook() {
        return runbook;
    }

    public ObservableList<AuditEntry> history() {
        return history;
    }

    public ReadOnlyBooleanProperty historyHasMoreProperty() {
        return historyHasMore;
    }

    /** What the view shows about this load (busy, empty, failed with Retry); views bind to it. */
    public LoadStatus status() {
        return load.status();
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return load.stateProperty();
    }

    /** Why the last runbook change failed, or "". */
    public ReadOnlyStringProperty stepErrorProperty() {
        return stepError;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }
}
