package io.spineconsole.ui.shell;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/**
 * The environment band's badge: a bell and the number of open alerts in words ("3 open alerts"), so
 * the count is never told by colour alone; with alerts open it is drawn in the danger style (app.css).
 * Pressing it opens the Alerts view. Hidden until the server has answered with its alerts.
 */
public final class AlertBadge extends Button {
    private static final PseudoClass ALERTING = PseudoClass.getPseudoClass("alerting");

    public AlertBadge(AlertWatch alerts, Runnable openAlerts, I18n i18n) {
        setId("alerts-badge");
        getStyleClass().add("alert-badge");
        textProperty().bind(alerts.textProperty());
        setTooltip(new Tooltip(i18n.get("alerts.badge.tip")));
        visibleProperty().bind(alerts.availableProperty());
        managedProperty().bind(visibleProperty());
        setOnAction(e -> openAlerts.run());
        Runnable look = () -> {
            boolean any = alerts.countProperty().get() > 0;
            setGraphic(Icons.of(any ? AppIcon.ALERT : AppIcon.NO_ALERT));
            pseudoClassStateChanged(ALERTING, any);
            setAccessibleText(i18n.get("alerts.badge.accessible", alerts.textProperty().get()));
        };
        alerts.countProperty().addListener((o, a, b) -> look.run());
        alerts.textProperty().addListener((o, a, b) -> look.run());
        look.run();
    }
}
