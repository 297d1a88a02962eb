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
        atlantafx.base.theme.Theme atlantaTheme = theme == Theme.DARK ? new PrimerDark() : new PrimerLight();
        // The pre-compiled binary stylesheet parses much faster than the CSS: it shortens start-up.
        String stylesheet = atlantaTheme.getUserAgentStylesheetBSS() != null
                ? atlantaTheme.getUserAgentStylesheetBSS() : atlantaTheme.getUserAgentStylesheet();
        Application.setUserAgentStylesheet(stylesheet);
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), theme == Theme.DARK);
    }
}
