package io.spineconsole.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.spineconsole.settings.Preferences.Theme;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** Applies the AtlantaFX theme and the console's own stylesheet. */
public final class Themes {
    private static final String APP_CSS = Objects.requireNonNull(
            Themes.class.getResource("/io/spineconsole/ui/app.css"), "app.css").toExternalForm();

    private Themes() {
    }

    public static void apply(Theme theme, Scene scene) {
        Application.setUserAgentStylesheet(theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme == Theme.DARK);
    }
}
