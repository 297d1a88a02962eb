package io.spineconsole.ui.migration;

import io.spineconsole.domain.migration.Component;
import io.spineconsole.domain.migration.ReadinessReasonCode;
import io.spineconsole.domain.migration.Site;
import io.spineconsole.domain.migration.SiteReadiness;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Whether the chosen site can be decommissioned: the traffic-free window (1 to 365 days), the
 * server's verdict, and each reason against it in words (a component still hosted is a link).
 */
final class SiteReadinessPane extends VBox {
    private final SitesViewModel model;
    private final MigrationLabels labels;
    private final I18n i18n;
    private final Consumer<String> openComponent;
    private final VBox verdict = new VBox(6);
    private final Function<String, Optional<Component>> components;

    SiteReadinessPane(MigrationViewModel root, Consumer<String> openComponent) {
        super(12);
        this.model = root.sites();
        this.labels = root.labels();
        this.i18n = labels.i18n();
        this.openComponent = openComponent;
        this.components = code -> root.board().find(code);
        getChildren().addAll(windowRow(), verdict);
        model.readinessProperty().addListener((o, a, r) -> render());
        model.siteProperty().addListener((o, a, s) -> render());
    }

    private Node windowRow() {
        Spinner<Integer> days = new Spinner<>(SitesViewModel.MIN_DAYS, SitesViewModel.MAX_DAYS, model.daysProperty().get());
        days.setId("migration-site-days");
        days.setEditable(true);
        days.setPrefWidth(90);
        days.setAccessibleText(i18n.get("migration.sites.window"));
        days.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.setDays(b);
            }
        });
        days.getEditor().textProperty().addListener((o, a, b) -> {
            if (b != null && !b.matches("\\d{0,3}")) {
                days.getEditor().setText(a);
            }
        });
        model.daysProperty().addListener((o, a, b) -> days.getValueFactory().setValue(b.intValue()));
        Label label = new Label(i18n.get("migration.sites.window"));
        label.setLabelFor(days);
        label.getStyleClass().add("form-label");
        Label unit = new Label(i18n.get("migration.sites.days"));
        HBox row = new HBox(8, label, days, unit);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void render() {
        verdict.getChildren().clear();
        SiteReadiness r = model.readinessProperty().get();
        Site site = model.siteProperty().get();
        if (r == null || site == null) {
            return;
        }
        Label words = new Label(i18n.get(r.ready() ? "migration.sites.ready" : "migration.sites.notReady"));
        words.setId("migration-site-verdict");
        words.setGraphic(Icons.of(r.ready() ? AppIcon.DONE : AppIcon.BLOCKED));
        words.getStyleClass().addAll("migration-verdict", r.ready() ? "verdict-ready" : "verdict-not-ready");
        verdict.getChildren().add(words);
        for (SiteReadiness.Reason reason : r.reasons()) {
            Label kind = new Label(labels.readinessReason(reason.code()));
            kind.getStyleClass().add("migration-reason-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            Label text = new Label(words(reason, r, site));
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
            HBox row = new HBox(8, Icons.of(reason.code() == ReadinessReasonCode.TRAFFIC_IN_WINDOW ? AppIcon.MESSAGES
                    : AppIcon.WARNING), kind, text);
            row.getStyleClass().addAll("migration-reason", "reason-" + reason.code().code());
            row.setAccessibleText(kind.getText() + ": " + text.getText());
            if (reason.component() != null) {
                Hyperlink open = new Hyperlink(i18n.get("migration.sites.openComponent", reason.component()));
                open.setOnAction(e -> openComponent.accept(reason.component()));
                open.setMinWidth(Region.USE_PREF_SIZE); // the reason's words wrap; the link stays whole
                row.getChildren().add(open);
            }
            verdict.getChildren().add(row);
        }
        verdict.getChildren().add(MigrationUi.muted(i18n.get("migration.sites.evaluated", labels.dateTimeZoned(r.evaluatedAt()))));
    }

    /**
     * A reason in the console's words where it carries a time or a component (the time in the one style,
     * the component by its name too); the server's sentence otherwise.
     */
    private String words(SiteReadiness.Reason reason, SiteReadiness r, Site site) {
        switch (reason.code()) {
            case TRAFFIC_IN_WINDOW:
                return r.lastMessageAt() == null
                        ? i18n.get("migration.sites.reason.traffic", r.messagesInWindow(), site.code(), r.days())
                        : i18n.get("migration.sites.reason.trafficLatest", r.messagesInWindow(), site.code(), r.days(),
                        labels.dateTimeZoned(r.lastMessageAt()), labels.time().relative(r.lastMessageAt()));
            case ALREADY_DECOMMISSIONED:
                return site.signedOffAt() == null ? reason.message()
                        : i18n.get("migration.sites.reason.signedOff", site.code(), site.signedOffBy(),
                        labels.dateTimeZoned(site.signedOffAt()));
            case COMPONENTS_HOSTED:
                return reason.component() == null ? reason.message()
                        : components.apply(reason.component()).map(c -> i18n.get("migration.sites.reason.hosted",
                        c.code(), c.name(), labels.state(c.state()), site.code())).orElse(reason.message());
            default:
                return reason.message();
        }
    }
}
