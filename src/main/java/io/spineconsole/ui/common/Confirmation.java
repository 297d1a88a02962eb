package io.spineconsole.ui.common;

import java.util.Objects;

/**
 * What a confirmation asks before an action that changes something: the action in words, whether
 * a reason is required (it goes to the audit log), and, on LIVE, the environment's name the user
 * must type before a destructive action goes ahead.
 *
 * @param typeToConfirm the text to type to enable the action, or null when none is needed
 * @param draftReason   the reason the box starts with (see {@link UnsentReasons}), or null for an empty one
 */
public record Confirmation(String title, String message, String actionLabel, boolean destructive,
                           boolean reasonRequired, String typeToConfirm, String draftReason) {
    public Confirmation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(actionLabel, "actionLabel");
        typeToConfirm = typeToConfirm == null || typeToConfirm.isBlank() ? null : typeToConfirm;
    }

    /**
     * A confirmation for an action in {@code context}: a destructive one on a LIVE environment asks
     * for the environment's name to be typed.
     */
    public static Confirmation of(WorkspaceContext context, String title, String message, String actionLabel,
                                  boolean destructive, boolean reasonRequired) {
        String typed = destructive && context != null && context.isLive() ? context.environmentName() : null;
        return new Confirmation(title, message, actionLabel, destructive, reasonRequired, typed, null);
    }

    /** This confirmation with its reason box starting at {@code reason}. */
    public Confirmation withDraftReason(String reason) {
        return new Confirmation(title, message, actionLabel, destructive, reasonRequired, typeToConfirm, reason);
    }

    /** True when the typed text and reason let the action go ahead. */
    public boolean accepts(String typed, String reason) {
        boolean typedOk = typeToConfirm == null || typeToConfirm.equals(typed == null ? "" : typed.strip());
        boolean reasonOk = !reasonRequired || (reason != null && !reason.isBlank());
        return typedOk && reasonOk;
    }
}
