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
                          Map<String, String> viewState, TimeZoneChoice timeZone) {

    public Preferences {
        viewState = viewState == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(viewState));
        timeZone = timeZone == null ? TimeZoneChoice.UK : timeZone;
    }

    public Preferences(Theme theme, WindowGeometry window, String lastWorkspace, String activeProfileId,
                       Map<String, String> viewState) {
        this(theme, window, lastWorkspace, activeProfileId, viewState, TimeZoneChoice.UK);
    }

    /**
     * The zone times are shown in: UK time (Europe/London, GMT or BST) as the backbone's users work,
     * or UTC for analysts reading server logs.
     */
    public enum TimeZoneChoice implements io.spineconsole.domain.Coded {
        UK("uk", "Europe/London"), UTC("utc", "UTC");

        private final String code;
        private final String zoneId;

        TimeZoneChoice(String code, String zoneId) {
            this.code = code;
            this.zoneId = zoneId;
        }

        @Override
        public String code() {
            return code;
        }

        public java.time.ZoneId zone() {
            return java.time.ZoneId.of(zoneId);
        }
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
        return new Preferences(value, window, lastWorkspace, activeProfileId, viewState, timeZone);
    }

    public Preferences withWindow(WindowGeometry value) {
        return new Preferences(theme, value, lastWorkspace, activeProfileId, viewState, timeZone);
    }

    public Preferences withLastWorkspace(String value) {
        return new Preferences(theme, window, value, activeProfileId, viewState, timeZone);
    }

    public Preferences withActiveProfileId(String value) {
        return new Preferences(theme, window, lastWorkspace, value, viewState, timeZone);
    }

    public Preferences withTimeZone(TimeZoneChoice value) {
        return new Preferences(theme, window, lastWorkspace, activeProfileId, viewState, value);
    }

    /** A copy with {@code key} set to {@code value}, or removed when the value is null. */
    public Preferences withViewState(String key, String value) {
        Map<String, String> copy = new TreeMap<>(viewState);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Preferences(theme, window, lastWorkspace, activeProfileId, copy, timeZone);
    }
}
