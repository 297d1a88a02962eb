package io.spineconsole.ui.sandbox;

import io.spineconsole.api.BackboneApi;
import io.spineconsole.domain.Role;
import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.domain.sandbox.ScenarioStart;
import io.spineconsole.domain.sandbox.TrafficSetting;
import io.spineconsole.ui.common.ErrorText;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.LatestLoad;
import io.spineconsole.ui.common.LoadStatus;
import io.spineconsole.ui.common.UiExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Sandbox panel: the live traffic rate, the built-in scenarios and the runs with their
 * timelines, and the actions that change them. Offered only to an admin of a server whose health
 * says it is a sandbox ({@link #availableProperty()}), so a real backbone never shows it.
 */
public final class SandboxViewModel {
    private final UiExecutor ui;
    private final I18n i18n;
    private final LatestLoad load;
    private final BooleanProperty available = new SimpleBooleanProperty(false);
    private final IntegerProperty rate = new SimpleIntegerProperty();
    private final IntegerProperty effectiveRate = new SimpleIntegerProperty();
    private final IntegerProperty maxRate = new SimpleIntegerProperty(3_200);
    private final StringProperty rateText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<ScenarioInfo> scenarios = FXCollections.observableArrayList();
    private final ObservableList<ScenarioRun> runs = FXCollections.observableArrayList();
    private BackboneApi api;
    private long connection;

    private record Snapshot(TrafficSetting traffic, List<ScenarioInfo> scenarios, List<ScenarioRun> runs) {
    }

    public SandboxViewModel(UiExecutor ui, I18n i18n) {
        this.ui = ui;
        this.i18n = i18n;
        this.load = new LatestLoad(ui, i18n, () -> !scenarios.isEmpty());
        load.onRetry(this::refresh);
    }

    /** A new session: the panel is offered once the server says it is a sandbox and the caller is an admin. */
    public void connect(BackboneApi api, Role role) {
        long mine = ++connection;
        this.api = api;
        available.set(false);
        load.clear();
        scenarios.clear();
        runs.clear();
        message.set("");
        if (api == null || role != Role.ADMIN) {
            return;
        }
        ui.deliver(api.health(), health -> {
            if (mine == connection) {
                available.set(health.offersSandboxControls());
            }
        }, failure -> {
            // not offered: the health route failed, so nothing says this is a sandbox
        });
    }

    /** Reads the rate, the scenarios and the runs. */
    public void refresh() {
        if (!available.get()) {
            return;
        }
        CompletableFuture<TrafficSetting> traffic = api.sandbox().traffic();
        CompletableFuture<List<ScenarioInfo>> catalogue = api.sandbox().scenarios();
        CompletableFuture<List<ScenarioRun>> running = api.sandbox().runs();
        CompletableFuture<Snapshot> all = CompletableFuture.allOf(traffic, catalogue, running)
                .thenApply(v -> new Snapshot(traffic.join(), catalogue.join(), running.join()));
        load.start(all, this::show, s -> false);
    }

    private void show(Snapshot s) {
        showTraffic(s.traffic());
        rateText.set(String.valueOf(s.traffic().ratePerSecond()));
        scenarios.setAll(s.scenarios());
        runs.setAll(s.runs());
    }

    private void showTraffic(TrafficSetting t) {
        rate.set(t.ratePerSecond());
        effectiveRate.set(t.effectiveRatePerSecond());
        maxRate.set(t.maxRatePerSecond());
    }

    /** Sets the rate typed; a number out of range is refused here, with nothing sent. */
    public void applyRate() {
        String text = rateText.get() == null ? "" : rateText.get().strip();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > maxRate.get()) {
            message.set(i18n.get("sandbox.rate.invalid", maxRate.get()));
            return;
        }
        int asked = value;
        act(api.sandbox().setTraffic(asked), t -> {
            showTraffic(t);
            message.set(asked == 0 ? i18n.get("sandbox.rate.off") : i18n.get("sandbox.rate.set", asked));
        });
    }

    public void start(ScenarioInfo scenario) {
        act(api.sandbox().start(new ScenarioStart(scenario.name(), null)), run -> {
            message.set(i18n.get("sandbox.scenario.started", run.scenario()));
            refresh();
        });
    }

    public void stop(ScenarioRun run) {
        act(api.sandbox().stop(run.runId()), stopped -> {
            message.set(i18n.get("sandbox.scenario.stopped", stopped.scenario()));
            refresh();
        });
    }

    private <T> void act(CompletableFuture<T> call, java.util.function.Consumer<T> done) {
        busy.set(true);
        long mine = connection;
        ui.deliver(call, value -> {
            if (mine == connection) {
                busy.set(false);
                done.accept(value);
            }
        }, failure -> {
            if (mine == connection) {
                busy.set(false);
                message.set(ErrorText.sentence(i18n, failure));
            }
        });
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available;
    }

    public LoadStatus status() {
        return load.status();
    }

    public IntegerProperty rateProperty() {
        return rate;
    }

    public IntegerProperty effectiveRateProperty() {
        return effectiveRate;
    }

    public StringProperty rateTextProperty() {
        return rateText;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<ScenarioInfo> scenarios() {
        return scenarios;
    }

    public ObservableList<ScenarioRun> runs() {
        return runs;
    }
}
