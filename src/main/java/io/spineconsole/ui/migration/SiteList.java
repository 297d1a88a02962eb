package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * The data centres and cloud regions, each with its kind, status and how many components it hosts.
 * Choosing one shows its evidence; the list follows the site chosen elsewhere (a deep link).
 */
final class SiteList extends ListView<Site> {
    private final MigrationViewModel root;
    private final MigrationLabels labels;
    private final I18n i18n;

    SiteList(MigrationViewModel root) {
        this.root = root;
        this.labels = root.labels();
        this.i18n = labels.i18n();
        SitesViewModel model = root.sites();
        setId("migration-site-list");
        setItems(root.referenceSites());
        setAccessibleText(i18n.get("migration.sites.list"));
        setCellFactory(v -> new SiteCell());
        getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && !s.code().equals(model.selectedProperty().get())) {
                model.select(s.code());
            }
        });
        model.selectedProperty().addListener((o, a, code) -> selectInList(code));
        root.referenceSites().addListener((ListChangeListener<Site>) c -> selectInList(model.selectedProperty().get()));
        setMinWidth(240);
        setPrefWidth(290);
    }

    private void selectInList(String code) {
        if (code == null) {
            return;
        }
        root.referenceSites().stream().filter(s -> s.code().equals(code)).findFirst().ifPresent(s -> {
            if (getSelectionModel().getSelectedItem() == null
                    || !getSelectionModel().getSelectedItem().code().equals(code)) {
                getSelectionModel().select(s);
            }
        });
    }

    private final class SiteCell extends ListCell<Site> {
        @Override
        protected void updateItem(Site s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                setAccessibleText(null);
                return;
            }
            Label code = new Label(s.code());
            code.getStyleClass().add("migration-site-code");
            code.setGraphic(Icons.of(s.kind() == SiteKind.CLOUD_REGION ? AppIcon.CLOUD : AppIcon.DATA_CENTRE));
            Label name = new Label(s.name());
            name.setWrapText(true);
            String meta = labels.siteKind(s.kind()) + " · " + labels.siteStatus(s.status()) + " · "
                    + i18n.get("migration.sites.componentCount", s.componentsHosted().size());
            Label metaLabel = MigrationUi.muted(meta);
            VBox box = new VBox(1, code, name, metaLabel);
            box.getStyleClass().addAll("migration-site-cell", "site-" + s.status().code());
            box.setMinWidth(0);
            setPrefWidth(0);
            setGraphic(box);
            setText(null);
            setAccessibleText(s.code() + ", " + s.name() + ", " + meta);
        }
    }
}
