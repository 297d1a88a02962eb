package io.spineconsole.ui.common;

import java.util.Objects;

/**
 * Something a workspace offers to the command palette: a place to go or an action to start, in the
 * words of its tab or button. The shell switches to the workspace first, then runs it.
 */
public record WorkspaceAction(String title, Runnable run) {
    public WorkspaceAction {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(run, "run");
    }
}
