package io.spineconsole.ui.shell;

import io.spineconsole.ui.common.AppIcon;
import io.spineconsole.ui.common.Icons;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * Shows the alert watch's notices as desktop notifications (ControlsFX {@link Notifications}) in the
 * corner of the main window; clicking one opens the Alerts view. With no window showing (the window
 * minimised away, a headless test before the stage is up) the notice is only logged: the badge still
 * counts the alert, and nothing throws on a machine without a screen.
 */
final class DesktopNotices implements Consumer<AlertWatch.Notice> {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotices.class);
    private static final Duration SHOWN_FOR = Duration.seconds(10);

    private final Node anchor;
    private final Runnable openAlerts;

    DesktopNotices(Node anchor, Runnable openAlerts) {
        this.anchor = anchor;
        this.openAlerts = openAlerts;
    }

    @Override
    public void accept(AlertWatch.Notice notice) {
        LOG.info("Alert notice: {} — {}", notice.title(), notice.text());
        Window owner = anchor.getScene() == null ? null : anchor.getScene().getWindow();
        if (owner == null || !owner.isShowing()) {
            return;
        }
        try {
            Notifications.create()
                    .owner(owner)
                    .title(notice.title())
                    .text(notice.text())
                    .graphic(Icons.of(AppIcon.ALERT))
                    .position(Pos.BOTTOM_RIGHT)
                    .hideAfter(SHOWN_FOR)
                    .styleClass("alert-notice")
                    .onAction(e -> openAlerts.run())
                    .show();
        } catch (RuntimeException e) { // a notification is a courtesy: never let it break the window
            LOG.warn("Could not show the alert notice", e);
        }
    }
}
