package io.spineconsole.ui.common;

/**
 * One headline number on a workspace: a label, the value as text, an optional caption, and a
 * severity style ("ok", "warning", "danger" or "" for neutral) that is never the only signal.
 * A tile with {@code open} is a way in: clicking it (or Enter on it) shows the list it counts.
 */
public record Tile(String label, String value, String caption, String severity, Runnable open) {

    public Tile(String label, String value, String caption, String severity) {
        this(label, value, caption, severity, null);
    }
}
