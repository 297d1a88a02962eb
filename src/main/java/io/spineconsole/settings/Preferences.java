package io.spineconsole.settings;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the console remembers between runs. Window geometry is null until the window has been
 * shown once; {@code lastWorkspace} is a workspace's code. {@code viewState} is what the workspaces
 * keep for themselves (filters, column layout, saved searches), by key; never a secret.
 */
public record Preferences(Theme theme, WindowGeometry window, String lastWorkspace, String activeProfileId,
                          Map<String, String> viewState) {

    public Preferences {
        viewState = viewState == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(viewState));
    }

    public enum Theme implements io.spineconsole.domain.Coded {
        LIGHT("light"), DARK("dark");

        private final String code;

        Theme(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** The main window's last position and size, in screen coordinates. */
    public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    }

    public static Preferences defaults() {
        return new Preferences(Theme.LIGHT, null, null, ConnectionProfile.SANDBOX_ID, Map.of());
    }

    public Preferences withTheme(Theme value) {
        return new Preferences(value, window, lastWorkspace, activeProfileId, viewState);
    }

    public Preferences withWindow(WindowGeometry value) {
        return new Preferences(theme, value, lastWorkspace, activeProfileId, viewState);
    }

    public Preferences withLastWorkspace(String value) {
        return new Preferences(theme, window, value, activeProfileId, viewState);
    }

    public Preferences withActiveProfileId(String value) {
        return new Preferences(theme, window, lastWorkspace, value, viewState);
    }

    /** A copy with {@code key} set to {@code value}, or removed when the value is null. */
    public Preferences withViewState(String key, String value) {
        Map<String, String> copy = new TreeMap<>(viewState);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Preferences(theme, window, lastWorkspace, activeProfileId, copy);
    }
}
