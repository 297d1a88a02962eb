package io.spineconsole.ui.common;

import javafx.scene.Node;

import java.util.List;
import java.util.Optional;

/** A workspace as the shell sees it: a node to show, a session to load from, and a way to stop. */
public interface WorkspaceView {
    Node node();

    /** Starts (or restarts) loading for a newly opened session; called on the UI thread after each connect. */
    void connect(WorkspaceContext context);

    /** Reloads what is shown, keeping what the user typed. */
    void refresh();

    /** Cancels calls in flight and timers; the session is closing. */
    void dispose();

    /**
     * What the user would lose by leaving now (an edit not saved), in a sentence; empty when nothing.
     * The shell asks before switching workspace or profile, or closing the window.
     */
    default Optional<String> unsavedChanges() {
        return Optional.empty();
    }

    /** Shows what {@code link} names (its workspace is this one's); false when it cannot. */
    default boolean open(ConsoleLink link) {
        return false;
    }

    /** The places and actions the command palette offers for this workspace (run on the UI thread). */
    default List<WorkspaceAction> actions() {
        return List.of();
    }

    /** States worth a screenshot, beyond the workspace as it opens. */
    default List<Showcase> showcases() {
        return List.of();
    }
}
