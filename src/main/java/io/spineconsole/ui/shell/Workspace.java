package io.spineconsole.ui.shell;

import io.spineconsole.domain.Role;
import io.spineconsole.ui.common.AppIcon;

import java.util.Arrays;
import java.util.Optional;

/** The console's workspaces, in navigation order (Ctrl+1..4); administration is for admins only. */
public enum Workspace {
    REGISTRATIONS("registrations", AppIcon.REGISTRATIONS, Role.VIEWER),
    MESSAGES("messages", AppIcon.MESSAGES, Role.VIEWER),
    MIGRATION("migration", AppIcon.MIGRATION, Role.VIEWER),
    ADMIN("admin", AppIcon.ADMIN, Role.ADMIN);

    private final String code;
    private final AppIcon icon;
    private final Role shownTo;

    Workspace(String code, AppIcon icon, Role shownTo) {
        this.code = code;
        this.icon = icon;
        this.shownTo = shownTo;
    }

    /** Whether someone signed in with {@code role} (null: no one yet) is shown this workspace. */
    public boolean shownTo(Role role) {
        return shownTo == Role.VIEWER || (role != null && role.includes(shownTo));
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
