package io.spineconsole.ui.shell;

import io.spineconsole.settings.ConnectionProfile;
import io.spineconsole.settings.EnvironmentKind;
import io.spineconsole.ui.common.I18n;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Arrays;
import java.util.Locale;

/**
 * The always-visible band naming the environment: its kind in words (so colour is never the only
 * signal), the profile's name and the server; and a badge with the number of open alerts there, in
 * words beside a bell (not colour alone), that opens the Alerts view. Colours come from app.css per
 * environment kind.
 */
final class EnvironmentBand extends HBox {
    private final Label kind = new Label();
    private final Label name = new Label();
    private final Label server = new Label();

    EnvironmentBand(ShellViewModel model, AlertWatch alerts, Runnable openAlerts, I18n i18n) {
        getStyleClass().add("environment-band");
        kind.getStyleClass().add("environment-kind");
        name.getStyleClass().add("environment-name");
        server.getStyleClass().add("environment-server");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(kind, name, spacer, new AlertBadge(alerts, openAlerts, i18n), server);
        setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        Runnable update = () -> {
            ConnectionProfile p = model.profileProperty().get();
            Session s = model.sessionProperty().get();
            if (p == null) {
                return;
            }
            kind.setText(i18n.get("environment." + p.kind().code()));
            name.setText(p.name());
            server.setText(s != null ? s.serverUrl() : p.url() == null ? "" : p.url());
            getStyleClass().removeAll(Arrays.stream(EnvironmentKind.values()).map(EnvironmentBand::styleOf).toList());
            getStyleClass().add(styleOf(p.kind()));
            setAccessibleText(kind.getText() + " " + name.getText());
        };
        model.profileProperty().addListener((o, a, b) -> update.run());
        model.sessionProperty().addListener((o, a, b) -> update.run());
        update.run();
    }

    static String styleOf(EnvironmentKind kind) {
        return "env-" + kind.code().toLowerCase(Locale.ROOT);
    }
}
