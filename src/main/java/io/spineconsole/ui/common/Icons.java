package io.spineconsole.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Ikonli façade: views ask for an {@link AppIcon}, never for an icon pack. */
public final class Icons {
    private Icons() {
    }

    public static FontIcon of(AppIcon icon) {
        FontIcon node = new FontIcon(icon.ikon());
        node.getStyleClass().add("app-icon");
        return node;
    }

    /** An icon-only button with a tooltip and accessible text, so screen readers can name it. */
    public static Button button(AppIcon icon, String description) {
        Button button = new Button(null, of(icon));
        button.setTooltip(new Tooltip(description));
        button.setAccessibleText(description);
        button.getStyleClass().addAll("flat", "button-icon");
        return button;
    }
}
