package io.spineconsole.ui.common;

import javafx.scene.control.Label;

/**
 * The badge that marks what a sandbox's training scenario injected (a failed message, a failure group,
 * a component it blocked), worded from the record's {@code injected} field, never from its text.
 */
public final class InjectedBadge {
    private InjectedBadge() {
    }

    /** A badge reading {@code text} ("Injected by scenario …", or "Injected" where room is short). */
    public static Label of(String text) {
        Label badge = new Label(text);
        badge.getStyleClass().addAll("status-badge", "injected-badge");
        badge.setGraphic(Icons.of(AppIcon.PLAY));
        badge.setMinWidth(Label.USE_PREF_SIZE);
        return badge;
    }

    /** "Injected by scenario “…”" for {@code scenario}. */
    public static String words(I18n i18n, String scenario) {
        return i18n.get("injected.badge", scenario);
    }
}
