package io.spineconsole.ui.shell;

import io.spineconsole.ui.common.AppIcon;

import java.util.Arrays;
import java.util.Optional;

/** The console's three workspaces, in navigation order (Ctrl+1..3). */
public enum Workspace {
    REGISTRATIONS("registrations", AppIcon.REGISTRATIONS),
    MESSAGES("messages", AppIcon.MESSAGES),
    MIGRATION("migration", AppIcon.MIGRATION);

    private final String code;
    private final AppIcon icon;

    Workspace(String code, AppIcon icon) {
        this.code = code;
        this.icon = icon;
    }

    /** Stable name, kept in preferences. */
    public String code() {
        return code;
    }

    public AppIcon icon() {
        return icon;
    }

    /** The i18n key of the workspace's title. */
    public String titleKey() {
        return "workspace." + code + ".title";
    }

    public static Optional<Workspace> fromCode(String code) {
        return Arrays.stream(values()).filter(w -> w.code.equals(code)).findFirst();
    }
}
