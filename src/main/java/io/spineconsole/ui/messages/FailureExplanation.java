package io.spineconsole.ui.messages;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Icons;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * A failure explained where it is shown: its code in words (with the code the logs use), what it
 * means, the next step in a support analyst's words, any fact that goes with it (the date a
 * certificate ended) and links to the records to put it right. Hidden while there is nothing to explain.
 */
final class FailureExplanation extends VBox {
    private final MessageText text;
    private final Label title = new Label();
    private final Label what = new Label();
    private final Label next = new Label();
    private final VBox facts = new VBox(2);
    private final FlowPane links = new FlowPane(12, 4);
    private final Label injected = io.spineconsole.ui.common.InjectedBadge.of("");

    FailureExplanation(MessageText text) {
        super(3);
        this.text = text;
        getStyleClass().add("failure-explanation");
        title.getStyleClass().add("failure-title");
        title.setGraphic(Icons.of(AppIcon.STATUS_FAILED));
        title.setWrapText(true);
        what.setWrapText(true);
        next.getStyleClass().add("failure-next");
        next.setWrapText(true);
        title.setMinHeight(Label.USE_PREF_SIZE);
        what.setMinHeight(Label.USE_PREF_SIZE);
        next.setMinHeight(Label.USE_PREF_SIZE);
        injected.getStyleClass().add("failure-injected");
        injected.setWrapText(true);
        injected.setMinHeight(Label.USE_PREF_SIZE);
        injected.managedProperty().bind(injected.visibleProperty());
        injected.setVisible(false);
        getChildren().addAll(injected, title, what, facts, next, links);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Explains {@code code} with {@code extra} facts (each a sentence) and {@code records} (links) under it. */
    void show(String code, List<String> extra, List<? extends Node> records) {
        if (code == null || code.isBlank()) {
            clear();
            return;
        }
        title.setText(text.errorWithCode(code));
        what.setText(text.errorWhat(code));
        next.setText(text.i18n().get("messages.error.nextStep", text.errorNext(code)));
        facts.getChildren().setAll(extra.stream().filter(s -> s != null && !s.isBlank()).map(s -> {
            Label l = new Label(s);
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            return l;
        }).toList());
        links.getChildren().setAll(records);
        links.setVisible(!records.isEmpty());
        links.managedProperty().bind(links.visibleProperty());
        setVisible(true);
    }

    /** "Injected by scenario …" above the explanation (from the record's field); empty hides it. */
    void injected(String badge) {
        injected.setText(badge);
        injected.setVisible(badge != null && !badge.isEmpty());
    }

    void clear() {
        setVisible(false);
        injected(null);
        facts.getChildren().clear();
        links.getChildren().clear();
    }
}
