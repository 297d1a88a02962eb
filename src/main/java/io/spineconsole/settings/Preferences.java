package io.spineconsole.settings;

/**
 * What the console remembers between runs. Window geometry is null until the window has been
 * shown once; {@code lastWorkspace} is a workspace's code.
 */
public record Preferences(Theme theme, WindowGeometry window, String lastWorkspace, String activeProfileId) {

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
        return new Preferences(Theme.LIGHT, null, null, ConnectionProfile.SANDBOX_ID);
    }

    public Preferences withTheme(Theme value) {
        return new Preferences(value, window, lastWorkspace, activeProfileId);
    }

    public Preferences withWindow(WindowGeometry value) {
        return new Preferences(theme, value, lastWorkspace, activeProfileId);
    }

    public Preferences withLastWorkspace(String value) {
        return new Preferences(theme, window, value, activeProfileId);
    }

    public Preferences withActiveProfileId(String value) {
        return new Preferences(theme, window, lastWorkspace, value);
    }
}
