package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.SiteKind;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteChecklist;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The chosen data centre's sign-off: who signed it off and why once it is; otherwise the button
 * (admin, and only when the evidence allows it) or why it cannot be signed off yet, then the last
 * attempt's outcome and the server's reasons for a refusal. A cloud region is not signed off.
 */
final class SignOffPane extends VBox {
    private final SitesViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Runnable signOff;

    /** @param signOff asks for the statement and signs off (the workspace owns the dialog) */
    SignOffPane(MigrationViewModel root, Runnable signOff) {
        super(6);
        this.model = root.sites();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.signOff = signOff;
        model.readinessProperty().addListener((o, a, r) -> render());
        model.siteProperty().addListener((o, a, s) -> render());
        model.checklistProperty().addListener((o, a, c) -> render());
        root.mayAdministerProperty().addListener((o, a, b) -> render());
        model.signingOffProperty().addListener((o, a, b) -> render());
    }

    private void render() {
        getChildren().clear();
        SiteReadiness r = model.readinessProperty().get();
        Site site = model.siteProperty().get();
        if (r == null || site == null) {
            return;
        }
        SiteChecklist c = model.checklistProperty().get();
        if (site.kind() != SiteKind.DATA_CENTRE) {
            getChildren().add(MigrationUi.muted(i18n.get("migration.sites.cloudNoSignOff")));
            return;
        }
        if (c != null && c.signedOffBy() != null) {
            Label signed = new Label(i18n.get("migration.sites.signedOffText", c.signedOffBy(), labels.dateTimeZoned(c.signedOffAt()),
                    c.signOffStatement() == null ? "" : c.signOffStatement()));
            signed.setId("migration-site-signed-off");
            signed.setWrapText(true);
            signed.setGraphic(Icons.of(AppIcon.DONE));
            getChildren().add(signed);
            return;
        }
        Button button = new Button(i18n.get("migration.sites.signOffButton", site.code()));
        button.setId("migration-site-sign-off");
        button.getStyleClass().add("danger");
        button.setDisable(!model.maySignOff());
        button.setOnAction(e -> signOff.run());
        getChildren().add(button);
        if (!model.maySignOff()) {
            Label why = new Label(i18n.get("migration.sites.cannotSignOff"));
            why.setId("migration-site-cannot-sign-off");
            why.setGraphic(Icons.of(AppIcon.BLOCKED));
            why.getStyleClass().add("migration-cannot");
            why.setWrapText(true);
            getChildren().add(why);
            for (String reason : model.signOffBlockers()) {
                getChildren().add(bullet(reason));
            }
        } else {
            getChildren().add(MigrationUi.muted(i18n.get("migration.sites.signOffExplained", r.days())));
        }
        Label outcome = new Label();
        outcome.setId("migration-site-sign-off-outcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.signOffOutcomeProperty());
        outcome.visibleProperty().bind(model.signOffOutcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        getChildren().add(outcome);
        for (String reason : model.signOffRefusal()) {
            Label refused = bullet(reason);
            refused.getStyleClass().add("error-text");
            getChildren().add(refused);
        }
    }

    private static Label bullet(String text) {
        Label l = new Label("• " + text);
        l.setWrapText(true);
        return l;
    }
}
