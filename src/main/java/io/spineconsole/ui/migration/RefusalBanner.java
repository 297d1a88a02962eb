package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.MigrationBlocker;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A move the server refused, above the board: the reason, then each blocker as a link to it, and a
 * link to the blocking chain in the graph. Hidden while there is no refusal.
 */
final class RefusalBanner extends VBox {

    /**
     * @param names       a component's code and name ("SCR · Summary Care Record")
     * @param select      opens a component's detail
     * @param showInGraph shows a component's blocking chain in the dependency graph
     */
    RefusalBanner(BoardViewModel model, MigrationLabels labels, Function<String, String> names, Consumer<String> select,
                  Consumer<String> showInGraph) {
        super(4);
        I18n i18n = labels.i18n();
        setId("migration-refusal");
        getStyleClass().add("migration-refusal");
        visibleProperty().bind(model.refusalProperty().isNotNull());
        managedProperty().bind(visibleProperty());
        model.refusalProperty().addListener((o, a, r) -> {
            getChildren().clear();
            if (r == null) {
                return;
            }
            Label title = new Label(i18n.get("migration.refusal.title", r.component(), labels.state(r.to())));
            title.setGraphic(Icons.of(AppIcon.BLOCKED));
            title.getStyleClass().add("migration-refusal-title");
            Button close = Icons.button(AppIcon.CLOSE, i18n.get("migration.dismiss"));
            close.setOnAction(e -> model.dismissRefusal());
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label message = new Label(r.message());
            message.setId("migration-refusal-message");
            message.setWrapText(true);
            message.getStyleClass().add("migration-refusal-message");
            getChildren().addAll(new HBox(8, title, spacer, close), message);
            for (String detail : r.details()) {
                if (!r.message().contains(detail)) {
                    Label d = new Label("• " + detail);
                    d.setWrapText(true);
                    getChildren().add(d);
                }
            }
            if (!r.blockers().isEmpty()) {
                FlowPane links = new FlowPane(8, 4);
                links.getChildren().add(new Label(i18n.get("migration.refusal.blockedBy")));
                for (MigrationBlocker b : r.blockers()) {
                    String text = b.site() == null
                            ? i18n.get("migration.refusal.blocker", names.apply(b.component()), labels.state(b.state()))
                            : i18n.get("migration.refusal.blockerAt", names.apply(b.component()), labels.state(b.state()),
                            b.site());
                    Hyperlink link = new Hyperlink(text);
                    link.getStyleClass().add("migration-blocker-link");
                    link.setOnAction(e -> select.accept(b.component()));
                    links.getChildren().add(link);
                }
                Hyperlink chain = new Hyperlink(i18n.get("migration.refusal.showChain", r.component()));
                chain.setGraphic(Icons.of(AppIcon.GRAPH));
                chain.setOnAction(e -> showInGraph.accept(r.component()));
                links.getChildren().add(chain);
                getChildren().add(links);
            }
            setAccessibleText(title.getText() + ". " + r.message());
        });
    }
}
