package io.spineconsole.ui.shell;

import io.spineconsole.api.ConnectionState;
import io.spineconsole.domain.Role;
import io.spineconsole.platform.BuildInfo;
import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.I18n;
import io.spineconsole.ui.common.Icons;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.Arrays;
import java.util.Locale;

/** Connection state (icon and words), the signed-in role, and the version. */
final class StatusBar extends HBox {
    private final Label connection = new Label();
    private final Label role = new Label();
    private final Tooltip connectionHint = new Tooltip();

    StatusBar(ShellViewModel model, I18n i18n) {
        getStyleClass().add("status-bar");
        connection.setId("connection-state");
        connection.setTooltip(connectionHint);
        role.setId("signed-in-role");
        role.setGraphic(Icons.of(AppIcon.ROLE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label version = new Label(BuildInfo.NAME + " " + BuildInfo.version());
        version.getStyleClass().add("text-muted");
        getChildren().addAll(connection, role, spacer, version);

        model.connectionStateProperty().addListener((o, a, state) -> showConnection(state, i18n));
        showConnection(model.connectionStateProperty().get(), i18n);
        model.roleProperty().addListener((o, a, r) -> showRole(r, model.personProperty().get(), i18n));
        model.personProperty().addListener((o, a, p) -> showRole(model.roleProperty().get(), p, i18n));
        showRole(model.roleProperty().get(), model.personProperty().get(), i18n);
    }

    private void showConnection(ConnectionState state, I18n i18n) {
        connection.setText(i18n.get("connection." + state.name().toLowerCase(Locale.ROOT)));
        connectionHint.setText(hint(state, i18n));
        connection.setGraphic(Icons.of(AppIcon.valueOf(state.name())));
        connection.getStyleClass().removeAll(Arrays.stream(ConnectionState.values()).map(StatusBar::styleOf).toList());
        connection.getStyleClass().add(styleOf(state));
    }

    /** What the state means and what happens next (the rules are in ConnectionPolicy). */
    private static String hint(ConnectionState state, I18n i18n) {
        return switch (state) {
            case CONNECTING -> i18n.get("connection.hint.connecting");
            case ONLINE -> i18n.get("connection.hint.online");
            case DEGRADED -> i18n.get("connection.hint.degraded");
            case OFFLINE -> i18n.get("connection.hint.offline");
            case UNAUTHORISED -> i18n.get("connection.hint.unauthorised");
        };
    }

    /** "Signed in as Admin", or for a person signed in through single sign-on "Signed in as Asha Patel (Admin)". */
    private void showRole(Role r, String person, I18n i18n) {
        role.setText(r == null ? i18n.get("role.none") : person != null
                ? i18n.get("role.signedInAsPerson", person, i18n.get("role." + r.code()))
                : i18n.get("role.signedInAs", i18n.get("role." + r.code())));
    }

    private static String styleOf(ConnectionState state) {
        return "connection-" + state.name().toLowerCase(Locale.ROOT);
    }
}
