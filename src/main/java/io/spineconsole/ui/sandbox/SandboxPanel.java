package io.spineconsole.ui.sandbox;

import io.spineconsole.domain.sandbox.ScenarioInfo;
import io.spineconsole.domain.sandbox.ScenarioRun;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Placeholder;
import io.spineconsole.ui.common.TimeText;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Sandbox panel: the traffic rate (set and in force), the built-in scenarios with Start, and the
 * runs with their timelines (each step's window on the clock and whether it is pending, active or
 * done) with Stop. Everything a scenario injects is labelled as injected in message detail.
 */
public final class SandboxPanel extends StackPane {
    private final SandboxViewModel model;
    private final I18n i18n;
    private final TimeText time;
    private final VBox scenarioRows = new VBox(6);
    private final VBox runRows = new VBox(10);

    public SandboxPanel(SandboxViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.time = new TimeText(Clock.systemUTC(), i18n, TimeText.UK);
        getStyleClass().add("sandbox-panel");

        TextField rate = new TextField();
        rate.setId("sandbox-rate");
        rate.setPrefColumnCount(6);
        rate.textProperty().bindBidirectional(model.rateTextProperty());
        rate.setOnAction(e -> model.applyRate());
        Button apply = new Button(i18n.get("sandbox.rate.apply"));
        apply.setId("sandbox-rate-apply");
        apply.setOnAction(e -> model.applyRate());
        apply.disableProperty().bind(model.busyProperty());
        Label inForce = new Label();
        inForce.setId("sandbox-rate-in-force");
        inForce.textProperty().bind(Bindings.createStringBinding(() -> model.effectiveRateProperty().get() == 0
                        ? i18n.get("sandbox.rate.inForceOff")
                        : i18n.get("sandbox.rate.inForce", model.effectiveRateProperty().get()),
                model.effectiveRateProperty()));
        HBox rateRow = new HBox(8, new Label(i18n.get("sandbox.rate.label")), rate, apply, inForce);
        rateRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("sandbox-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());

        Label scenariosTitle = heading(i18n.get("sandbox.scenarios"));
        Label runsTitle = heading(i18n.get("sandbox.runs"));
        Label noRuns = new Label(i18n.get("sandbox.runs.none"));
        noRuns.getStyleClass().add("text-muted");
        noRuns.visibleProperty().bind(Bindings.isEmpty(model.runs()));
        noRuns.managedProperty().bind(noRuns.visibleProperty());

        VBox content = new VBox(12, heading(i18n.get("sandbox.traffic")), rateRow, message, scenariosTitle,
                scenarioRows, runsTitle, noRuns, runRows);
        content.setFillWidth(true);
        content.setPadding(new javafx.geometry.Insets(4, 8, 8, 8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Placeholder placeholder = new Placeholder(model.status(), i18n.get("sandbox.empty"), i18n).onlyWhileBusyOrFailed();
        getChildren().addAll(scroll, placeholder);

        model.scenarios().addListener((ListChangeListener<ScenarioInfo>) c -> showScenarios());
        model.runs().addListener((ListChangeListener<ScenarioRun>) c -> showRuns());
        showScenarios();
        showRuns();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    private void showScenarios() {
        scenarioRows.getChildren().clear();
        for (ScenarioInfo s : model.scenarios()) {
            Label name = new Label(s.name());
            name.getStyleClass().add("text-bold");
            Label about = new Label(s.description());
            about.setWrapText(true);
            about.getStyleClass().add("text-muted");
            VBox text = new VBox(2, name, about);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button start = new Button(i18n.get("sandbox.scenario.start"), Icons.of(AppIcon.PLAY));
            start.setId("sandbox-start-" + s.name().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(java.util.Locale.ROOT));
            start.disableProperty().bind(model.busyProperty());
            start.setOnAction(e -> model.start(s));
            start.setMinWidth(Region.USE_PREF_SIZE);  // the description wraps; the button keeps its words
            HBox row = new HBox(8, text, start);
            row.setAlignment(Pos.CENTER_LEFT);
            scenarioRows.getChildren().add(row);
        }
    }

    private void showRuns() {
        runRows.getChildren().clear();
        for (ScenarioRun r : model.runs()) {
            Label name = new Label(r.scenario());
            name.getStyleClass().add("text-bold");
            Label state = new Label(stateText(r));
            state.getStyleClass().add("text-muted");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox head = new HBox(8, name, state, spacer);
            head.setAlignment(Pos.CENTER_LEFT);
            if (ScenarioRun.RUNNING.equals(r.state())) {
                Button stop = new Button(i18n.get("sandbox.scenario.stop"), Icons.of(AppIcon.PAUSE));
                stop.getStyleClass().add("sandbox-stop");
                stop.disableProperty().bind(model.busyProperty());
                stop.setOnAction(e -> model.stop(r));
                stop.setMinWidth(Region.USE_PREF_SIZE);
                head.getChildren().add(stop);
            }
            VBox run = new VBox(4, head);
            for (ScenarioRun.Window w : r.timeline()) {
                Label step = new Label(i18n.get("sandbox.step", time.dateTime(w.from()), time.dateTime(w.until()),
                        w.condition(), parameters(w.parameters()), windowState(w.state())));
                step.setWrapText(true);
                if ("active".equals(w.state())) {
                    step.getStyleClass().add("text-bold");
                }
                run.getChildren().add(step);
            }
            runRows.getChildren().add(run);
        }
    }

    private String stateText(ScenarioRun r) {
        return switch (r.state()) {
            case ScenarioRun.RUNNING -> i18n.get("sandbox.run.running", time.dateTime(r.startedAt()), r.startedBy());
            case ScenarioRun.STOPPED -> i18n.get("sandbox.run.stopped", time.dateTime(r.stoppedAt()));
            default -> i18n.get("sandbox.run.finished", time.dateTime(r.endsAt()));
        };
    }

    private String windowState(String state) {
        return switch (state) {
            case "active" -> i18n.get("sandbox.step.active");
            case "pending" -> i18n.get("sandbox.step.pending");
            default -> i18n.get("sandbox.step.done");
        };
    }

    private static String parameters(Map<String, String> p) {
        return p.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
    }
}
