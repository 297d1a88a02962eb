package io.spineconsole.ui.common;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A workspace page that opens with its live headline summary, refreshed every few seconds while
 * connected. Each workspace supplies the summary and how to show it; the workspaces' own tools
 * are added below the summary as they are built.
 */
public final class SummaryWorkspaceView implements WorkspaceView {
    private static final Duration REFRESH_EVERY = Duration.seconds(10);
    private final SummaryViewModel<?> model;
    private final VBox body;
    private final ScrollPane node;
    private final Timeline autoRefresh;

    public SummaryWorkspaceView(String id, String intro, SummaryViewModel<?> model, I18n i18n) {
        this.model = model;
        Label introLabel = new Label(intro);
        introLabel.getStyleClass().add("workspace-intro");
        introLabel.setWrapText(true);
        body = new VBox(16, introLabel, new SummaryPane(model, i18n));
        body.setPadding(new Insets(16));
        body.setId(id);
        node = new ScrollPane(body);
        node.setFitToWidth(true);
        node.getStyleClass().add("edge-to-edge");
        autoRefresh = new Timeline(new KeyFrame(REFRESH_EVERY, e -> model.refresh()));
        autoRefresh.setCycleCount(Timeline.INDEFINITE);
    }

    /** Adds a section under the summary. */
    public void addSection(Node section) {
        body.getChildren().add(section);
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public void connect(WorkspaceContext context) {
        model.connect(context.api());
        autoRefresh.play();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void dispose() {
        autoRefresh.stop();
        model.dispose();
    }
}
