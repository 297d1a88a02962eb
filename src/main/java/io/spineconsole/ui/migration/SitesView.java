package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.ConsoleLink;
import io.spineconsole.ui.common.ErrorRow;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import io.spineconsole.ui.common.Navigator;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * Sites: the list of data centres and cloud regions ({@link SiteList}); for the one chosen, whether
 * it can be decommissioned and the evidence for that answer — the readiness ({@link SiteReadinessPane}),
 * traffic through it day by day ({@link SiteTrafficPane}), the components still hosted there, the
 * checklist with its form ({@link ChecklistPane}) — the sign-off ({@link SignOffPane}), and the
 * site's history.
 */
final class SitesView extends SplitPane {
    private final SitesViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Consumer<String> openComponent;
    private final VBox hosted = new VBox(4);
    private final ChecklistPane checklist;
    private final ScrollPane scroll;

    SitesView(MigrationViewModel root, Consumer<String> openComponent, Navigator navigator, Runnable signOff) {
        this.model = root.sites();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.openComponent = openComponent;
        this.checklist = new ChecklistPane(root);
        setId("migration-sites");
        getStyleClass().add("migration-sites");

        SiteList list = new SiteList(root);
        VBox detail = new VBox(12);
        detail.setPadding(new Insets(12));
        detail.getStyleClass().add("migration-site-detail");
        detail.getChildren().addAll(header(), MigrationUi.placeholder(model.status(), "", i18n),
                MigrationUi.sectionTitle(i18n.get("migration.sites.readiness")), new SiteReadinessPane(root, openComponent),
                MigrationUi.sectionTitle(i18n.get("migration.sites.traffic")), new SiteTrafficPane(root, navigator),
                MigrationUi.sectionTitle(i18n.get("migration.sites.hosted")), hosted,
                MigrationUi.sectionTitle(i18n.get("migration.sites.checklist")), checklist,
                MigrationUi.sectionTitle(i18n.get("migration.sites.signOff")), new SignOffPane(root, signOff),
                MigrationUi.sectionTitle(i18n.get("migration.sites.history")),
                MigrationUi.history(model.history(), model.historyHasMoreProperty(), model::loadMoreHistory,
                        model.status(), labels, i18n.get("migration.history.empty")));
        scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setId("migration-site-scroll");
        getItems().addAll(list, scroll);
        setDividerPositions(0.27);
        SplitPane.setResizableWithParent(list, false);

        model.hosted().addListener((ListChangeListener<Component>) c -> renderHosted());
    }

    /**
     * Scrolls the detail so that the checklist's form, down to its Save, is in view, with as much of the
     * table above it as fits.
     */
    void revealChecklist() {
        Platform.runLater(() -> {
            Node content = scroll.getContent();
            Node table = checklist.table();
            Node form = checklist.form();
            double tableTop = content.sceneToLocal(table.localToScene(table.getBoundsInLocal())).getMinY() - 40;
            double formBottom = content.sceneToLocal(form.localToScene(form.getBoundsInLocal())).getMaxY() + 16;
            double viewport = scroll.getViewportBounds().getHeight();
            // From the table's top if the form still fits below it, else as far down as the form's last line needs.
            double y = Math.max(tableTop, formBottom - viewport);
            double room = content.getBoundsInLocal().getHeight() - viewport;
            if (room > 0) {
                scroll.setVvalue(Math.max(0, Math.min(1, y / room)));
            }
        });
    }

    private Node header() {
        Label title = new Label();
        title.setId("migration-site-title");
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label meta = MigrationUi.muted("");
        model.siteProperty().addListener((o, a, s) -> {
            title.setText(s == null ? "" : s.code() + " · " + s.name());
            meta.setText(s == null ? "" : describe(s));
        });
        Hyperlink copy = new Hyperlink(i18n.get("migration.detail.copyLink"));
        copy.setGraphic(Icons.of(AppIcon.LINK));
        copy.setOnAction(e -> {
            if (model.selectedProperty().get() != null) {
                ErrorRow.copyToClipboard(ConsoleLink.of("migration", "sites/" + model.selectedProperty().get()).toString());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new VBox(2, new HBox(8, title, spacer, copy), meta);
    }

    private String describe(Site s) {
        return labels.siteKind(s.kind()) + " · " + labels.siteStatus(s.status())
                + (s.region() == null ? "" : " · " + s.region())
                + (s.lastMessageAt() == null ? "" : " · " + i18n.get("migration.sites.lastMessage",
                labels.dateTimeZoned(s.lastMessageAt())));
    }

    private void renderHosted() {
        hosted.getChildren().clear();
        if (model.hosted().isEmpty()) {
            hosted.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.nothingHosted")));
            return;
        }
        for (Component c : model.hosted()) {
            Hyperlink code = new Hyperlink(c.code());
            code.setOnAction(e -> openComponent.accept(c.code()));
            Label name = new Label(c.name());
            name.setWrapText(true);
            HBox.setHgrow(name, Priority.ALWAYS);
            Label state = MigrationUi.stateBadge(c.state(), labels);
            HBox row = new HBox(8, code, name, state);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("migration-hosted-row");
            hosted.getChildren().add(row);
        }
    }
}
