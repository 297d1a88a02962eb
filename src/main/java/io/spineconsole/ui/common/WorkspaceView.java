package io.spineconsole.ui.common;

import io.spineconsole.api.BackboneApi;
import javafx.scene.Node;

/** A workspace as the shell sees it: a node to show, a session to load from, and a way to stop. */
public interface WorkspaceView {
    Node node();

    /** Starts (or restarts) loading from {@code api}; called on the UI thread after each connect. */
    void connect(BackboneApi api);

    /** Reloads what is shown, keeping what the user typed. */
    void refresh();

    /** Cancels calls in flight and timers; the session is closing. */
    void dispose();
}
