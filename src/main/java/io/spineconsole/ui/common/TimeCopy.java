package io.spineconsole.ui.common;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.time.Instant;

/**
 * A time on screen that copies as ISO-8601 with its offset ("2026-12-01T07:55:37.212Z", or +01:00 in
 * summer), for pasting into a log search: from its menu, or Ctrl+C once it has the focus. Its tooltip
 * gives the whole date and how long ago it was.
 */
public final class TimeCopy {
    private TimeCopy() {
    }

    public static void install(Control node, Instant at, TimeText time, I18n i18n) {
        if (at == null) {
            return;
        }
        MenuItem copy = new MenuItem(i18n.get("time.copy"), Icons.of(AppIcon.COPY));
        copy.setOnAction(e -> ErrorRow.copyToClipboard(time.iso(at)));
        node.setContextMenu(new ContextMenu(copy));
        node.setFocusTraversable(true);
        node.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                ErrorRow.copyToClipboard(time.iso(at));
                e.consume();
            }
        });
        node.setTooltip(new Tooltip(i18n.get("time.tooltip", time.dateTime(at), time.zoneName(at), time.relative(at))));
    }
}
