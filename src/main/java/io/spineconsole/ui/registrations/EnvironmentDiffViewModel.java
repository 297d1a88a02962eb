package io.spineconsole.ui.registrations;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.ui.common.EnvironmentAccess;
import io.spineconsole.ui.common.EnvironmentAccess.Environment;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.TimeText;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Environment diff: two admin connection profiles (INT and LIVE, say) chosen, both opened, and their
 * registrations compared the way drift compares ours with SDS ({@link DriftViewModel}: counts first, then rows,
 * exportable). The environment the workspace is connected to is used as it is; another is opened with its stored
 * token and closed again when the view goes away. A row opens its record when the first environment is the
 * connected one.
 */
public final class EnvironmentDiffViewModel {
    private final EnvironmentAccess access;
    private final String currentId;
    private final BackboneApi current;
    private final UiExecutor ui;
    private final I18n i18n;
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    private final ObjectProperty<Environment> first = new SimpleObjectProperty<>();
    private final ObjectProperty<Environment> second = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty opening = new SimpleBooleanProperty();
    private final DriftViewModel drift;
    private final List<BackboneApi> opened = new ArrayList<>();

    /**
     * @param currentId the profile the workspace is connected to (the first environment to begin with), or null
     * @param current   its API, used as it is and never closed here
     */
    public EnvironmentDiffViewModel(EnvironmentAccess access, String currentId, BackboneApi current, UiExecutor ui,
                                    I18n i18n, Executor io, TimeText time) {
        this.access = access;
        this.currentId = currentId;
        this.current = current;
        this.ui = ui;
        this.i18n = i18n;
        this.drift = DriftViewModel.forEnvironments(ui, i18n, io, time);
        environments.setAll(access.environments());
        first.set(environments.stream().filter(e -> e.id().equals(currentId)).findFirst()
                .orElse(environments.isEmpty() ? null : environments.get(0)));
        second.set(environments.stream().filter(e -> e != first.get()).findFirst().orElse(null));
    }

    /** Opens both environments (the connected one as it is) and compares their registrations. */
    public void compare() {
        Environment a = first.get();
        Environment b = second.get();
        if (opening.get() || drift.stateProperty().get() == DriftViewModel.State.RUNNING) {
            return;
        }
        if (a == null || b == null || a.id().equals(b.id())) {
            drift.refuse(i18n.get("registrations.envdiff.chooseTwo"));
            return;
        }
        closeOpened();
        opening.set(true);
        CompletableFuture<BackboneApi> apiA = open(a);
        CompletableFuture<BackboneApi> apiB = open(b);
        CompletableFuture<List<BackboneApi>> both = apiA.thenCombine(apiB, List::of);
        both.whenComplete((ok, failed) -> { // one opened and the other not: close the one that did
            if (failed != null) {
                for (CompletableFuture<BackboneApi> f : List.of(apiA, apiB)) {
                    f.thenAccept(api -> {
                        if (api != current) {
                            api.close();
                        }
                    });
                }
            }
        });
        ui.deliver(both, apis -> {
            opening.set(false);
            for (BackboneApi api : apis) {
                if (api != current) {
                    opened.add(api);
                }
            }
            drift.compareEnvironments(apis.get(0).registrations(), a.name(), apis.get(1).registrations(), b.name(),
                    a.id().equals(currentId));
        }, t -> {
            opening.set(false);
            drift.refuse(i18n.get("registrations.envdiff.openFailed", String.valueOf(t.getMessage())));
        });
    }

    private CompletableFuture<BackboneApi> open(Environment e) {
        return e.id().equals(currentId) && current != null ? CompletableFuture.completedFuture(current) : access.open(e);
    }

    private void closeOpened() {
        opened.forEach(BackboneApi::close);
        opened.clear();
    }

    /** Stops a comparison in flight and closes the environments this view opened. */
    public void close() {
        drift.cancel();
        closeOpened();
    }

    public ObservableList<Environment> environments() {
        return FXCollections.unmodifiableObservableList(environments);
    }

    public ObjectProperty<Environment> firstProperty() {
        return first;
    }

    public ObjectProperty<Environment> secondProperty() {
        return second;
    }

    /** True while the environments are being opened. */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening;
    }

    /** The comparison: counts, rows, export, opening a row. */
    public DriftViewModel drift() {
        return drift;
    }
}
